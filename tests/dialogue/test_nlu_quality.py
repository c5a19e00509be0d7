"""NLU evaluated on examples held out from training (tests/nlu/test_nlu.yml), with floors that catch regressions.

The floors sit a little under the measured figures (docs/nlu.md); the per-intent table is
printed in the test summary.
"""
import json

import pytest

from bench.common import entity_report
from tests.dialogue.rasa_cli import MODEL, rasa

INTENT_MACRO_F1_FLOOR = 0.965  # measured 0.979 (config.yml)
ROLE_ENTITY_F1_FLOOR = 0.965  # measured 0.977
PER_INTENT_F1_FLOOR = 0.8  # lowest measured: restart_quiz 0.875, affirm 0.88


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu_eval")
    result = rasa("test", "nlu", "-m", str(MODEL), "--nlu", "tests/nlu/test_nlu.yml", "--out", str(out), "--no-plot")
    assert result.returncode == 0, result.stderr[-4000:]
    intents = json.loads((out / "intent_report.json").read_text())
    scored = entity_report(out)
    assert scored is not None, f"no entity extractor was scored in {out}"
    return intents, scored


def test_intent_f1_on_held_out_examples(reports, record_property):
    intents, _ = reports
    per_intent = {name: scores for name, scores in intents.items() if isinstance(scores, dict) and "support" in scores
                  and name not in ("macro avg", "weighted avg", "micro avg")}
    table = "\n".join(f"  {name:22} F1 {scores['f1-score']:.3f}  (n={scores['support']})"
                      for name, scores in sorted(per_intent.items()))
    macro = intents["macro avg"]["f1-score"]
    print(f"\nHeld-out NLU: intent macro F1 {macro:.3f}, weighted F1 {intents['weighted avg']['f1-score']:.3f}\n{table}")
    record_property("intent_macro_f1", macro)
    assert macro >= INTENT_MACRO_F1_FLOOR
    weak = {name: round(scores["f1-score"], 3) for name, scores in per_intent.items()
            if scores["f1-score"] < PER_INTENT_F1_FLOOR}
    assert not weak, f"intents below {PER_INTENT_F1_FLOOR}: {weak}"


def test_role_entity_f1_on_held_out_examples(reports):
    _, (extractor, entities) = reports
    role_f1 = entities["role"]["f1-score"]
    print(f"\nHeld-out NLU ({extractor}): role entity F1 {role_f1:.3f}, "
          f"attribute entity F1 {entities['attribute']['f1-score']:.3f}")
    assert role_f1 >= ROLE_ENTITY_F1_FLOOR
