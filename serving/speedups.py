"""A fix for work Rasa 3.6 repeats on every message without need, where Rasa offers no extension point;
behaviour is unchanged.

Each replaces one private Rasa method, so each is kept only while it pays for itself in `make bench`
(at least 5% of the Rasa server's CPU per message, measured alternating with and without:
docs/performance.md), and is installed only on the Rasa release it was written against: on any
other, Rasa runs as it is. Running graphs without dask was one, and was removed when it measured no
saving. The rule lookup, which Rasa lets a policy change, is a registered policy instead
(pipeline/rule_policy.py).
"""
from __future__ import annotations

import logging
import os
from typing import Any, Callable, Dict, Optional, Text, Tuple

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


# Each fix by name: the class, the method it replaces, and the replacement's maker.
FIXES: Dict[Text, Tuple[Any, Text, Callable[[Callable], Callable]]] = {
    "validator": (RemoteAction, "_validate_action_result", _validates_with_one_validator),
}
# Fixes left out, comma-separated: how `make bench` measures what each one buys (docs/performance.md).
WITHOUT = "SPEEDUPS_WITHOUT"
_installed = False


def install(without: Optional[Text] = None) -> bool:
    """Installs the fixes (once) on Rasa WRITTEN_FOR, but those named in SPEEDUPS_WITHOUT; False on another Rasa."""
    global _installed
    if rasa.__version__ != WRITTEN_FOR:
        logger.warning("Rasa %s, not %s: serving without serving.speedups", rasa.__version__, WRITTEN_FOR)
        return False
    left_out = {name.strip() for name in (os.environ.get(WITHOUT, "") if without is None else without).split(",")}
    if not _installed:
        for name, (owner, method, replacement) in FIXES.items():
            if name not in left_out:
                setattr(owner, method, replacement(getattr(owner, method)))
        _installed = True
    return True
