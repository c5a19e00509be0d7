"""Fixes for work Rasa 3.6 repeats on every message without need, where Rasa offers no extension point;
behaviour is unchanged.

Each replaces one private Rasa method, so each is kept only while it pays for itself in `make bench`
(docs/performance.md), and is installed only on the Rasa release it was written against: on any
other, Rasa runs as it is. The rule lookup, which Rasa lets a policy change, is a registered policy
instead (pipeline/rule_policy.py).
"""
from __future__ import annotations

import functools
import logging
import os
from graphlib import TopologicalSorter
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

import rasa
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

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


def _run_order(runner: DaskGraphRunner, targets: Tuple[Text, ...]) -> List[Tuple[Text, Tuple[Text, ...]]]:
    """The nodes `targets` need, each after the nodes it needs, with the names of its inputs."""
    orders = runner.__dict__.setdefault("_run_orders", {})
    if targets not in orders:
        schema = runner._graph_schema.minimal_graph_schema(list(targets))
        needs = {name: tuple(node.needs.values()) for name, node in schema.nodes.items()}
        graph = {name: [need for need in inputs if need in needs] for name, inputs in needs.items()}
        orders[targets] = [(name, needs[name]) for name in TopologicalSorter(graph).static_order()]
    return orders[targets]


def _runs_in_order(original: Callable) -> Callable:
    """DaskGraphRunner.run without dask: the same nodes, called in an order dask may also take.

    Rasa runs its graphs (a message's NLU, each prediction of the next action) through dask's
    synchronous scheduler, and rebuilds the minimal schema for the targets on every run: together
    about 1.2 ms of the Rasa server's 20 ms a message. As in dask, a node gets each input as
    (name, value), or the bare name when nothing provides it.
    """

    @functools.wraps(original)
    def run(
        self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None
    ) -> Dict[Text, Any]:
        run_targets = tuple(targets or self._graph_schema.target_names)
        values: Dict[Text, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in self._graph_schema.nodes:
                raise GraphRunError(f"Input value '{value}' clashes with a node name.")
            values[name] = (name, value)
        try:
            for name, needs in _run_order(self, run_targets):
                values[name] = self._instantiated_nodes[name](*(values.get(need, need) for need in needs))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(values[target] for target in run_targets)

    return run


# Each fix by name: the class, the method it replaces, and the replacement's maker.
FIXES: Dict[Text, Tuple[Any, Text, Callable[[Callable], Callable]]] = {
    "validator": (RemoteAction, "_validate_action_result", _validates_with_one_validator),
    "graph_runner": (DaskGraphRunner, "run", _runs_in_order),
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
