"""The speed fixes change no behaviour: action server replies are judged as Rasa judges them, and the
model's graphs give what dask's scheduler gives."""
import asyncio

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.engine.constants import PLACEHOLDER_MESSAGE
from rasa.engine.exceptions import GraphComponentException
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from serving import speedups
from tests.dialogue.rasa_cli import MODEL, REPO

VALID_REPLY = {"events": [{"event": "slot", "name": "roles", "value": ["project_manager"]}],
               "responses": [{"text": "A project manager plans and leads projects."}]}


@pytest.fixture(scope="module")
def action() -> RemoteAction:
    assert speedups.install(), "written for the pinned Rasa; re-measure them when Rasa changes"
    return RemoteAction("action_describe_role", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_a_valid_reply_passes(action):
    assert action._validate_action_result(VALID_REPLY)


@pytest.mark.parametrize("reply", [
    {"events": [{"event": "slot"}], "responses": []},  # a slot event without a name
    {"events": "not a list", "responses": []},
    {"events": [], "responses": ["not an object"]},
])
def test_an_invalid_reply_is_refused_with_rasas_explanation(action, reply):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(reply)


def test_installing_twice_wraps_once(action):
    installed = RemoteAction._validate_action_result
    assert speedups.install() and RemoteAction._validate_action_result is installed


MESSAGES = ["what does a PM do?", "how much do they earn?", "and implementation specialists?",
            "which pays more, a project manager or an implementation specialist?", "/affirm", "", "asdfgh"]


@pytest.fixture(scope="module")
def agent():
    assert speedups.install()
    return Agent.load(str(MODEL))


def with_dask(monkeypatch):
    monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner.run.__wrapped__)


def parse_all(agent):
    async def parse():
        return [await agent.parse_message(text) for text in MESSAGES]
    return asyncio.run(parse())


def test_messages_are_understood_as_with_dask(agent, monkeypatch):
    ours = parse_all(agent)
    with_dask(monkeypatch)
    assert ours == parse_all(agent)
    assert ours[0]["intent"]["name"] == "ask_role" and ours[0]["entities"][0]["entity"] == "role"


def test_the_next_action_is_predicted_as_with_dask(agent, monkeypatch):
    tracker = DialogueStateTracker.from_events("speedups", [
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("what does a PM do?", {"name": "ask_role", "confidence": 1.0}),
    ])
    ours = agent.processor._predict_next_with_tracker(tracker)
    with_dask(monkeypatch)
    theirs = agent.processor._predict_next_with_tracker(tracker)
    assert (ours.policy_name, ours.max_confidence_index, ours.probabilities) == \
        (theirs.policy_name, theirs.max_confidence_index, theirs.probabilities)
    assert agent.domain.action_names_or_texts[ours.max_confidence_index] == "action_describe_role"


def test_a_failing_component_fails_the_run_as_with_dask(agent, monkeypatch):
    runner = agent.processor.graph_runner
    target = agent.processor.model_metadata.nlu_target
    with pytest.raises(GraphComponentException) as ours:
        runner.run(inputs={PLACEHOLDER_MESSAGE: ["not a message"]}, targets=[target])
    with_dask(monkeypatch)
    with pytest.raises(GraphComponentException) as theirs:
        runner.run(inputs={PLACEHOLDER_MESSAGE: ["not a message"]}, targets=[target])
    assert str(ours.value) == str(theirs.value)
