"""RulePolicy that checks only the rules whose last state can match the conversation's.

Rasa's RulePolicy checks every rule (about 190 here) against the conversation's last state, twice a
prediction (by the user's text, then by the intent) and for two or three predictions a message,
although a rule whose last state names another previous action or intent can't apply. Here the
rules are indexed once by what their last state requires, and Rasa's own check runs on the rules
that can apply, so the rules found are the same (tests/pipeline/test_rule_policy.py).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

NO_PREVIOUS_ACTION = ("no previous action",)  # the group of rules for a conversation's start
Group = Tuple[Optional[Text], ...]


def required(state: Dict[Text, Any], sub_state: Text, key: Text) -> Optional[Text]:
    """What `state` names for `key` of its `sub_state`; None for nothing or should_not_be_set.

    For a rule's state, None means it requires no particular value there.
    """
    value = (state.get(sub_state) or {}).get(key)
    return value if value and value != SHOULD_NOT_BE_SET else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class IndexedRulePolicy(RulePolicy):
    """Rasa's RulePolicy, trained and predicting as it does, with the rules to check looked up by the last state."""

    def _rules_by_last_turn(self, lookup: Dict[Text, Text]) -> Dict[Group, List[Text]]:
        indexes = self.__dict__.setdefault("_indexes", {})
        if id(lookup) not in indexes or indexes[id(lookup)][0] is not lookup:
            index: Dict[Group, List[Text]] = {}
            for key in lookup:
                states = self._rule_key_to_state(key)
                if not states:
                    group: Group = ()  # a rule without states applies anywhere
                elif not states[-1].get(PREVIOUS_ACTION):
                    group = NO_PREVIOUS_ACTION
                else:
                    group = (required(states[-1], PREVIOUS_ACTION, ACTION_NAME), required(states[-1], USER, INTENT))
                index.setdefault(group, []).append(key)
            indexes[id(lookup)] = (lookup, index)
        return indexes[id(lookup)][1]

    def _get_possible_keys(self, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]) -> set:
        if not states:
            return super()._get_possible_keys(lookup, states)
        index = self._rules_by_last_turn(lookup)
        last = states[-1]
        if not last.get(PREVIOUS_ACTION):
            groups: List[Group] = [(), NO_PREVIOUS_ACTION]
        else:
            action, intent = required(last, PREVIOUS_ACTION, ACTION_NAME), required(last, USER, INTENT)
            groups = [(), *{(a, i) for a in (action, None) for i in (intent, None)}]
        candidates = dict.fromkeys(key for group in groups for key in index.get(group, ()))
        return super()._get_possible_keys(candidates, states)
