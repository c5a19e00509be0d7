"""Trains the NLU with each candidate config and prints training time, held-out F1 and parse cost side by side.

    .venv/bin/python bench/compare_nlu_configs.py [config.yml bench/nlu_configs/*.yml]

Each candidate is a complete config file (its `pipeline:` is what counts; `policies:` are not trained).
Training starts with an empty Rasa cache of its own, so times are cold. F1 is on the held-out
examples (tests/nlu/test_nlu.yml); entity F1 comes from whichever extractor the pipeline has. Fallback
share and parse cost are bench/nlu_parse_cost.py's: the held-out messages the FallbackClassifier
would answer with nlu_fallback, milliseconds per message, and the peak memory of a process that
loaded the model. Figures are printed, not asserted; docs/nlu.md records the runs.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import RASA, REPO, entity_report, fail, machine, rasa_env  # noqa: E402

HELD_OUT = "tests/nlu/test_nlu.yml"
ENTITIES = ("role", "attribute", "preference")


def run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr[-4000:]}")
    return result.stdout


def evaluate(config: Path, workdir: Path) -> dict[str, float]:
    env = rasa_env(workdir / f"{config.stem}-cache")
    model = workdir / f"{config.stem}.tar.gz"
    started = time.monotonic()
    run([RASA, "train", "nlu", "-c", str(config), "--nlu", "data/nlu", "--out", str(workdir),
         "--fixed-model-name", config.stem], env)
    figures = {"train_s": time.monotonic() - started}
    results = workdir / f"{config.stem}-results"
    run([RASA, "test", "nlu", "-m", str(model), "--nlu", HELD_OUT, "--out", str(results), "--no-plot"], env)
    figures["intent_macro_f1"] = json.loads((results / "intent_report.json").read_text())["macro avg"]["f1-score"]
    _, entities = entity_report(results)
    figures.update({f"{name}_f1": entities[name]["f1-score"] for name in ENTITIES})
    cost = run([sys.executable, "-m", "bench.nlu_parse_cost", str(model), HELD_OUT], env)
    figures.update(json.loads(cost.splitlines()[-1]))  # the JSON line comes after whatever Rasa logs to stdout
    return figures


def main(paths: list[str]) -> None:
    candidates = [Path(p) for p in paths] or [REPO / "config.yml", *sorted((REPO / "bench" / "nlu_configs").glob("*.yml"))]
    width = max(len(path.stem) for path in candidates)
    print(f"Machine: {machine()}")
    print(f"{'candidate':{width}} {'train s':>8} {'intent F1':>10} {'role F1':>8} {'attr F1':>8} {'pref F1':>8} "
          f"{'fallback':>8} {'ms/msg':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="compare-nlu-") as tmp:
        for path in candidates:
            figures = evaluate(path, Path(tmp))
            print(f"{path.stem:{width}} {figures['train_s']:8.0f} {figures['intent_macro_f1']:10.3f} "
                  f"{figures['role_f1']:8.3f} {figures['attribute_f1']:8.3f} {figures['preference_f1']:8.3f} "
                  f"{figures['fallback_share']:8.1%} {figures['ms_per_message']:7.1f} {figures['peak_rss_mb']:8.0f}", flush=True)
    print(f"Machine afterwards: {machine()}")


if __name__ == "__main__":
    main(sys.argv[1:])
