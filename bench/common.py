"""What the bench scripts share: where Rasa is, the environment it runs in, and reading its NLU evaluation reports."""
from __future__ import annotations

import json
import os
import platform
import signal
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn

REPO = Path(__file__).resolve().parents[1]
RASA = str(REPO / ".venv" / "bin" / "rasa")
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
       "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def rasa_env(cache_dir: Path) -> dict[str, str]:
    """Rasa's environment with its training cache in `cache_dir`: timings start cold and the repo's cache is untouched."""
    return {**ENV, "RASA_CACHE_DIRECTORY": str(cache_dir)}


NOT_ENTITY_REPORTS = {"intent_report.json", "response_selection_report.json"}


def entity_report(results: Path) -> tuple[str, dict[str, Any]] | None:
    """(extractor, report) from a `rasa test nlu` output folder, whichever extractor the pipeline has.

    Rasa names the report after the extractor (`DIETClassifier_report.json`, `CRFEntityExtractor_report.json`),
    so readers must not assume one. None when the data has no entities to score.
    """
    reports = [path for path in sorted(results.glob("*_report.json")) if path.name not in NOT_ENTITY_REPORTS]
    if len(reports) > 1:
        raise ValueError(f"more than one entity extractor was scored in {results}: {[p.name for p in reports]}")
    if not reports:
        return None
    return reports[0].name.removesuffix("_report.json"), json.loads(reports[0].read_text())


def machine() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{platform.node()}: {os.cpu_count()} CPUs, {platform.python_version()}, load average {load}"


def _terminate(signum: int, _frame: object) -> NoReturn:
    raise KeyboardInterrupt(f"signal {signum}")


def stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so every `finally` that stops a server runs."""
    signal.signal(signal.SIGTERM, _terminate)


def fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def run_main(main: Callable[[], None]) -> None:
    """Runs a bench script; Ctrl-C ends it quietly (every server it started is stopped on the way out)."""
    try:
        main()
    except KeyboardInterrupt:
        print("interrupted; everything started was stopped", file=sys.stderr)
        sys.exit(130)
