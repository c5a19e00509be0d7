"""Running Rasa's own command line on this project, as the dialogue tests need it."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RASA = REPO / ".venv" / "bin" / "rasa"
# The model `make` trains; DIALOGUE_TEST_MODEL points the tests at another one (e.g. a candidate pipeline's).
MODEL = Path(os.environ.get("DIALOGUE_TEST_MODEL", REPO / "models" / "career-advisor.tar.gz"))


def rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3", "ACTIONS_PORT": "5055"}
    return subprocess.run(
        [str(RASA), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
