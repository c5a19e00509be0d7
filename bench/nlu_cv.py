"""Cross-validated NLU evaluation of the training data with the project's pipeline (`make bench-nlu`).

    .venv/bin/python -m bench.nlu_cv [--folds 5] [--per-intent N] [--epochs N]

Runs `rasa test nlu --cross-validation` (each fold trains on the other folds and is scored on itself)
and prints intent macro and weighted F1, F1 per intent, the most confused intent pairs and F1 per
entity, role first, from whichever entity extractor the pipeline has. `--per-intent` and `--epochs`
(for pipelines trained in epochs, such as DIET's) shrink the run for a quick smoke test; the figures
are then not comparable with a full run. Prints figures, asserts nothing; docs/nlu.md.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bench.common import RASA, REPO, entity_report, fail, machine, rasa_env, run_main, stop_on_sigterm

SUMMARY_ROWS = ("accuracy", "macro avg", "weighted avg", "micro avg")
TRAINED_IN_EPOCHS = ("DIETClassifier", "ResponseSelector")


def subset(nlu: Path, per_intent: int, out: Path, seed: int = 0) -> Path:
    """Writes at most `per_intent` examples of each intent (synonyms, regexes and lookups kept) to `out`."""
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData

    data = load_data(str(nlu))
    by_intent: dict[str, list[Any]] = {}
    for example in data.intent_examples:
        by_intent.setdefault(example.get("intent"), []).append(example)
    rng = random.Random(seed)
    kept = [ex for examples in by_intent.values() for ex in rng.sample(examples, min(per_intent, len(examples)))]
    RasaYAMLWriter().dump(out, TrainingData(kept, data.entity_synonyms, data.regex_features, data.lookup_tables))
    return out


def config_with_epochs(config: Path, epochs: int, out: Path) -> Path:
    """Writes `config` with `epochs` set on every component trained in epochs; an error when it has none."""
    settings = yaml.safe_load(config.read_text())
    trained_in_epochs = [c for c in settings["pipeline"] if c["name"] in TRAINED_IN_EPOCHS]
    if not trained_in_epochs:
        fail(f"--epochs: {config.name} has no component trained in epochs ({', '.join(TRAINED_IN_EPOCHS)})")
    for component in trained_in_epochs:
        component["epochs"] = epochs
    out.write_text(yaml.safe_dump(settings, sort_keys=False))
    return out


def cross_validate(config: Path, nlu: Path, folds: int, out: Path, cache: Path) -> float:
    """Runs Rasa's cross-validation, leaving its reports in `out`; returns the seconds it took."""
    command = [RASA, "test", "nlu", "--cross-validation", "--folds", str(folds), "-c", str(config),
               "--nlu", str(nlu), "--out", str(out), "--no-plot"]
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPO, env=rasa_env(cache), capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr[-4000:]}")
    return time.monotonic() - started


def per_label(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: row for name, row in report.items() if isinstance(row, dict) and name not in SUMMARY_ROWS}


def confused_pairs(results: Path, intents: dict[str, Any]) -> Counter[tuple[str, str]]:
    """(true intent, predicted intent) -> count, from every misclassified example when Rasa wrote them."""
    errors_file = results / "intent_errors.json"
    if errors_file.exists():
        return Counter((e["intent"], e["intent_prediction"]["name"]) for e in json.loads(errors_file.read_text()))
    return Counter({(name, other): n for name, row in per_label(intents).items()
                    for other, n in row.get("confused_with", {}).items()})


def print_report(results: Path, seconds: float, top: int) -> None:
    intents = json.loads((results / "intent_report.json").read_text())
    print(f"\nIntent macro F1 {intents['macro avg']['f1-score']:.3f}, weighted F1 "
          f"{intents['weighted avg']['f1-score']:.3f}, accuracy {intents.get('accuracy', float('nan')):.3f} "
          f"({seconds:.0f} s)")
    print(f"\n{'intent':24} {'F1':>6} {'prec':>6} {'recall':>6} {'n':>5}")
    for name, row in sorted(per_label(intents).items(), key=lambda item: item[1]["f1-score"]):
        print(f"{name:24} {row['f1-score']:6.3f} {row['precision']:6.3f} {row['recall']:6.3f} {row['support']:5}")
    print("\nMost confused (true -> predicted: count):")
    for (true, predicted), count in confused_pairs(results, intents).most_common(top):
        print(f"  {true} -> {predicted}: {count}")
    scored = entity_report(results)
    if scored is None:
        print("\nNo entity report (no entity examples in this data).")
        return
    extractor, report = scored
    entities = per_label(report)
    print(f"\n{'entity':24} {'F1':>6} {'prec':>6} {'recall':>6} {'n':>5}")
    for name in sorted(entities, key=lambda n: (n != "role", n)):
        row = entities[name]
        print(f"{name:24} {row['f1-score']:6.3f} {row['precision']:6.3f} {row['recall']:6.3f} {row['support']:5}")
    if "role" in entities:
        print(f"\nRole entity F1 {entities['role']['f1-score']:.3f} ({extractor})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--nlu", type=Path, default=REPO / "data" / "nlu", help="training data (file or folder)")
    parser.add_argument("--config", type=Path, default=REPO / "config.yml")
    parser.add_argument("--per-intent", type=int, default=0, help="smoke runs: at most N examples per intent")
    parser.add_argument("--epochs", type=int, default=0, help="smoke runs: DIET's (or another epoch-trained component's) epochs")
    parser.add_argument("--top", type=int, default=10, help="how many confused pairs to print")
    args = parser.parse_args()
    stop_on_sigterm()
    print(f"Machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="bench-nlu-") as tmp:
        work = Path(tmp)
        nlu = subset(args.nlu, args.per_intent, work / "nlu.yml") if args.per_intent else args.nlu
        config = config_with_epochs(args.config, args.epochs, work / "config.yml") if args.epochs else args.config
        smoke = " (smoke settings: not comparable with a full run)" if args.per_intent or args.epochs else ""
        print(f"{args.folds}-fold cross-validation of {nlu.relative_to(REPO) if nlu.is_relative_to(REPO) else nlu.name}"
              f" with {args.config.name}{smoke}", flush=True)
        seconds = cross_validate(config, nlu, args.folds, work / "results", work / "cache")
        print_report(work / "results", seconds, args.top)


if __name__ == "__main__":
    run_main(main)
