"""IndexedRulePolicy finds the rules Rasa's RulePolicy finds, in every turn of every conversation the data holds."""
import json

import pytest
from rasa.core.agent import Agent
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.core.training import load_data

from pipeline.rule_policy import IndexedRulePolicy
from tests.dialogue.rasa_cli import MODEL, REPO

found_by_rasa = RulePolicy._get_possible_keys


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(MODEL))


def rule_policy(agent) -> IndexedRulePolicy:
    return next(node._component for node in agent.processor.graph_runner._instantiated_nodes.values()
                if isinstance(getattr(node, "_component", None), IndexedRulePolicy))


def test_rules_found_are_rasas_in_every_turn_of_every_conversation(agent):
    """Every turn of the rules, stories and test conversations, read by user text and by intent."""
    policy = rule_policy(agent)
    trackers = [tracker for folder in ("data", "tests/stories")
                for tracker in load_data(str(REPO / folder), agent.domain, augmentation_factor=0)]
    turns = matched = 0
    for tracker in trackers:
        for prior, _ in tracker.generate_all_prior_trackers():
            for use_text in (True, False):
                states = policy._prediction_states(prior, agent.domain, use_text, rule_only_data=policy._get_rule_only_data())
                for lookup in (policy.lookup[RULES], policy.lookup[RULES_FOR_LOOP_UNHAPPY_PATH]):
                    ours = policy._get_possible_keys(lookup, states)
                    assert ours == found_by_rasa(policy, lookup, states)
                    matched += bool(ours)
                turns += 1
    assert turns > 1000 and matched > turns / 2


@pytest.mark.parametrize("states", [
    [{"user": {"intent": "greet"}}],  # a conversation's start: no previous action
    [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}],
    [{"prev_action": {"action_name": "action_listen"}, "user": {"text": "hi"}}],
    [{"prev_action": {"action_text": "Hi!"}, "user": {"intent": "greet"}}],
])
def test_rules_of_every_shape_are_found_as_rasa_finds_them(agent, states):
    rules = [[], [{"user": {"intent": "greet"}}], [{"user": {"intent": "thank"}}],
             [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}],
             [{"prev_action": {"action_name": "action_listen"}}],
             [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "should_not_be_set"}}],
             [{"prev_action": {"action_name": "utter_greet"}, "user": {"intent": "greet"}}],
             [{"prev_action": {"action_text": "Hi!"}}]]
    lookup = {json.dumps(rule): "utter_greet" for rule in rules}
    policy = rule_policy(agent)
    ours = policy._get_possible_keys(lookup, states)
    assert ours and ours == found_by_rasa(policy, lookup, states)
