"""Trains the NLU with each candidate pipeline and prints training time and held-out F1 side by side.

    .venv/bin/python bench/compare_nlu_configs.py [config.yml bench/nlu_configs/*.yml]

Each candidate is config.yml with the DIETClassifier settings from bench/nlu_configs/<name>.yml
merged in. Figures are printed, not asserted; README "Performance" records the latest run.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import ENV, RASA, REPO, config_with_diet  # noqa: E402


def candidate_config(overrides_path: Path, workdir: Path) -> Path:
    overrides = yaml.safe_load(overrides_path.read_text()) if overrides_path.name != "config.yml" else {}
    return config_with_diet(overrides.get("DIETClassifier", {}), workdir / f"{overrides_path.stem}.yml")


def evaluate(config_path: Path, workdir: Path) -> dict[str, float]:
    started = time.monotonic()
    subprocess.run([RASA, "train", "nlu", "-c", str(config_path), "--nlu", "data/nlu", "--out", str(workdir),
                    "--fixed-model-name", config_path.stem], cwd=REPO, env=ENV, check=True, capture_output=True)
    seconds = time.monotonic() - started
    results = workdir / f"{config_path.stem}-results"
    subprocess.run([RASA, "test", "nlu", "-m", str(workdir / f"{config_path.stem}.tar.gz"), "--nlu",
                    "tests/nlu/test_nlu.yml", "--out", str(results)], cwd=REPO, env=ENV, check=True, capture_output=True)
    intents = json.loads((results / "intent_report.json").read_text())
    entities = json.loads((results / "DIETClassifier_report.json").read_text())
    return {
        "train_s": seconds,
        "intent_macro_f1": intents["macro avg"]["f1-score"],
        "role_f1": entities["role"]["f1-score"],
        "attribute_f1": entities["attribute"]["f1-score"],
    }


def main(paths: list[str]) -> None:
    candidates = [Path(p) for p in paths] or [REPO / "config.yml", *sorted((REPO / "bench" / "nlu_configs").glob("*.yml"))]
    print(f"{'candidate':28} {'train s':>8} {'intent F1':>10} {'role F1':>8} {'attr F1':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for path in candidates:
            figures = evaluate(candidate_config(path, Path(tmp)), Path(tmp))
            print(f"{path.stem:28} {figures['train_s']:8.0f} {figures['intent_macro_f1']:10.3f} "
                  f"{figures['role_f1']:8.3f} {figures['attribute_f1']:8.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
