"""Trains the NLU with each candidate pipeline and prints training time and held-out F1 side by side.

    .venv/bin/python bench/compare_nlu_configs.py [config.yml bench/nlu_configs/*.yml]

Each candidate is config.yml with the DIETClassifier settings from bench/nlu_configs/<name>.yml
merged in. Figures are printed, not asserted; README "Performance" records the latest run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
RASA = str(REPO / ".venv" / "bin" / "rasa")
ENV = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}


def candidate_config(overrides_path: Path, workdir: Path) -> Path:
    config = yaml.safe_load((REPO / "config.yml").read_text())
    overrides = yaml.safe_load(overrides_path.read_text()) if overrides_path.name != "config.yml" else {}
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component.update(overrides.get("DIETClassifier", {}))
    path = workdir / f"{overrides_path.stem}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


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
