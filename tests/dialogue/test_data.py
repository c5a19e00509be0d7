"""Rasa's own checks of the training data and the test stories."""
import json

from tests.dialogue.rasa_cli import MODEL, rasa


def test_training_data_validates_without_warnings():
    result = rasa("data", "validate", "--fail-on-warnings")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    # Unused intents and responses are only warned about, even with --fail-on-warnings.
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    assert not warnings, "\n".join(warnings)


def test_test_stories_pass(tmp_path):
    result = rasa("test", "core", "--stories", "tests/stories", "-m", str(MODEL), "--out", str(tmp_path),
                  "--fail-on-prediction-errors")
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-4000:] + result.stderr[-4000:]
    assert result.returncode == 0, details
    report = json.loads((tmp_path / "story_report.json").read_text())
    assert report["conversation_accuracy"]["total"] >= 30, "fewer than 30 test conversations"
