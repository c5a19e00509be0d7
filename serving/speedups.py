"""Fixes for work Rasa 3.6 repeats on every message without need; behaviour is unchanged.

Each fix is measured with py-spy under bench/performance.py's load (README "Performance") and is
installed only on the Rasa release it was written against: on any other, Rasa runs as it is.
"""
from __future__ import annotations

import functools
import logging
from graphlib import TopologicalSorter
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

import rasa
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

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


NO_PREVIOUS_ACTION = ("no previous action",)


def _required(state: Dict[Text, Any], sub_state: Text, key: Text) -> Optional[Text]:
    """What `state` names for `key` of its `sub_state`; None for nothing or should_not_be_set.

    For a rule's state, None means it requires no particular value there.
    """
    value = (state.get(sub_state) or {}).get(key)
    return value if value and value != SHOULD_NOT_BE_SET else None


def _rules_by_last_turn(policy: RulePolicy, lookup: Dict[Text, Text]) -> Dict[Tuple, List[Text]]:
    """The rule keys of `lookup` by what their last state requires: previous action and intent."""
    indexes = policy.__dict__.setdefault("_rules_by_last_turn", {})
    if id(lookup) not in indexes or indexes[id(lookup)][0] is not lookup:
        index: Dict[Tuple, List[Text]] = {}
        for key in lookup:
            states = policy._rule_key_to_state(key)
            if not states:
                group = ()  # a rule without states applies anywhere
            elif not states[-1].get(PREVIOUS_ACTION):
                group = NO_PREVIOUS_ACTION
            else:
                group = (_required(states[-1], PREVIOUS_ACTION, ACTION_NAME), _required(states[-1], USER, INTENT))
            index.setdefault(group, []).append(key)
        indexes[id(lookup)] = (lookup, index)
    return indexes[id(lookup)][1]


def _checks_only_rules_that_can_apply(original: Callable) -> Callable:
    """RulePolicy._get_possible_keys, given only the rules whose last state can match the conversation's.

    Rasa checks every rule (184 here) against the conversation's last state, twice a prediction
    (the user's text, then the intent) and for two or three predictions a message, although a rule
    whose last state names another previous action or intent can't apply. Rasa's own check then
    runs on the rest, so the rules found are the same.
    """

    @functools.wraps(original)
    def get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]) -> set:
        if not states:
            return original(self, lookup, states)
        index = _rules_by_last_turn(self, lookup)
        last = states[-1]
        if not last.get(PREVIOUS_ACTION):
            groups = [(), NO_PREVIOUS_ACTION]
        else:
            action, intent = _required(last, PREVIOUS_ACTION, ACTION_NAME), _required(last, USER, INTENT)
            groups = [(), *{(a, i) for a in (action, None) for i in (intent, None)}]
        candidates = dict.fromkeys(key for group in groups for key in index.get(group, ()))
        return original(self, candidates, states)

    return get_possible_keys


_installed = False


def install() -> bool:
    """Installs the fixes (once) on Rasa WRITTEN_FOR; returns whether they are installed."""
    global _installed
    if rasa.__version__ != WRITTEN_FOR:
        logger.warning("Rasa %s, not %s: serving without serving.speedups", rasa.__version__, WRITTEN_FOR)
        return False
    if not _installed:
        RemoteAction._validate_action_result = _validates_with_one_validator(RemoteAction._validate_action_result)
        DaskGraphRunner.run = _runs_in_order(DaskGraphRunner.run)
        RulePolicy._get_possible_keys = _checks_only_rules_that_can_apply(RulePolicy._get_possible_keys)
        _installed = True
    return True
