"""What the bench scripts share: where Rasa is, the environment it runs in, and a config with DIET settings changed."""
from __future__ import annotations

import os
import platform
import signal
import sys
from pathlib import Path
from typing import Any, Callable, NoReturn

import yaml

REPO = Path(__file__).resolve().parents[1]
RASA = str(REPO / ".venv" / "bin" / "rasa")
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
       "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def rasa_env(cache_dir: Path) -> dict[str, str]:
    """Rasa's environment with its training cache in `cache_dir`: timings start cold and the repo's cache is untouched."""
    return {**ENV, "RASA_CACHE_DIRECTORY": str(cache_dir)}


def config_with_diet(overrides: dict[str, Any], out: Path, base: Path = REPO / "config.yml") -> Path:
    """Writes `base` with `overrides` merged into its DIETClassifier and returns the new file's path."""
    config = yaml.safe_load(base.read_text())
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component.update(overrides)
    out.write_text(yaml.safe_dump(config, sort_keys=False))
    return out


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
