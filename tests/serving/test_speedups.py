"""The speed fix changes no behaviour: action server replies are judged as Rasa judges them."""
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from serving import speedups

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
