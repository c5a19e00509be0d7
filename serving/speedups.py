"""Fixes for work Rasa 3.6 repeats on every message without need; behaviour is unchanged.

Each fix is measured with py-spy under bench/performance.py's load (README "Performance") and is
installed only on the Rasa release it was written against: on any other, Rasa runs as it is.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict

import rasa
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

logger = logging.getLogger(__name__)

WRITTEN_FOR = "3.6.21"


def _validates_with_one_validator(original: Callable[[RemoteAction, Dict[str, Any]], bool]) -> Callable:
    """Checks an action server's reply against a validator built once.

    Rasa checks every reply with `jsonschema.validate`, which first checks Rasa's own constant
    events schema against the JSON Schema meta-schema: a fifth of the server's time per message.
    A valid reply passes here; an invalid one goes to Rasa's own check, which raises its own error.
    """
    schema = RemoteAction.action_response_format_spec()
    validator = validator_for(schema)(schema)

    def validate(self: RemoteAction, result: Dict[str, Any]) -> bool:
        return validator.is_valid(result) or original(self, result)

    return validate


_installed = False


def install() -> bool:
    """Installs the fixes (once) on Rasa WRITTEN_FOR; returns whether they are installed."""
    global _installed
    if rasa.__version__ != WRITTEN_FOR:
        logger.warning("Rasa %s, not %s: serving without serving.speedups", rasa.__version__, WRITTEN_FOR)
        return False
    if not _installed:
        RemoteAction._validate_action_result = _validates_with_one_validator(RemoteAction._validate_action_result)
        _installed = True
    return True
