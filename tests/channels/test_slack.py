"""Slack end to end: signed Events API and interactivity requests into the real Rasa server, the answers
read from the Web API stand-in's chat.postMessage."""

import pytest

from tests.channels.conftest import HANDOFF_CHANNEL, SLACK_SECRET
from tests.channels.wire import post, slack_button_click, slack_headers, slack_message_event, slack_url_verification

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def webhook(channel_servers) -> str:
    return f"{channel_servers.rasa_url}/webhooks/slack/webhook"


@pytest.fixture
def dm(unique) -> tuple[str, str]:
    """A user and their direct-message channel with the app."""
    return f"U{unique:08d}", f"D{unique:08d}"


def say(webhook: str, user: str, channel: str, text: str, event_id: str, **headers) -> tuple[int, str]:
    body = slack_message_event(user, channel, text, event_id)
    return post(webhook, body, {**slack_headers(SLACK_SECRET, body, JSON), **headers})


def test_url_verification_challenge_is_answered(webhook):
    body = slack_url_verification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    status, reply = post(webhook, body, slack_headers(SLACK_SECRET, body, JSON))
    assert (status, reply) == (200, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")


def test_signed_direct_message_is_answered(webhook, slack_api, dm, unique):
    user, channel = dm
    assert say(webhook, user, channel, "what does a PM do?", f"Ev{unique}")[0] == 200
    assert "plan, organize and direct" in slack_api.texts(channel)


def test_buttons_are_block_kit_buttons_and_a_click_is_answered(webhook, slack_api, dm, unique):
    user, channel = dm
    say(webhook, user, channel, "what do they do?", f"Ev{unique}")
    [question] = slack_api.wait_for("chat.postMessage", lambda params: params.get("channel") == channel)
    actions = next(block for block in question.params["blocks"] if block["type"] == "actions")
    buttons = {button["text"]["text"]: button["value"] for button in actions["elements"] if button["type"] == "button"}
    assert set(buttons) == {"Implementation specialist", "Project manager", "Technical expert"}

    click = slack_button_click(user, channel, "Project manager", buttons["Project manager"])
    assert post(webhook, click, slack_headers(SLACK_SECRET, click, FORM))[0] == 200
    assert "plan, organize and direct" in slack_api.texts(channel, count=2)


def test_forged_and_replayed_events_are_rejected_and_trigger_nothing(webhook, slack_api, dm, unique):
    user, channel = dm
    body = slack_message_event(user, channel, "what does a PM do?", f"Ev{unique}-forged")
    forged = slack_headers("not-the-signing-secret", body, JSON)
    replayed = slack_headers(SLACK_SECRET, body, JSON, age=6 * 60)
    unsigned = {"Content-Type": JSON}
    for headers in (forged, replayed, unsigned):
        assert post(webhook, body, headers)[0] == 400

    # A genuine message afterwards is answered, and it is the only answer in the channel.
    say(webhook, user, channel, "hello there", f"Ev{unique}-genuine")
    assert "career advisor" in slack_api.texts(channel)
    assert len(slack_api.matching("chat.postMessage", lambda params: params.get("channel") == channel)) == 1


def test_a_retried_event_is_not_answered_twice(webhook, slack_api, dm, unique):
    user, channel = dm
    say(webhook, user, channel, "hello there", f"Ev{unique}")
    slack_api.texts(channel)
    status, _ = say(webhook, user, channel, "hello there", f"Ev{unique}",
                    **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})
    assert status == 200
    say(webhook, user, channel, "what does a PM do?", f"Ev{unique}-next")
    texts = slack_api.texts(channel, count=2)
    assert "plan, organize and direct" in texts and texts.count("career advisor") == 1


def test_bot_messages_are_ignored(webhook, slack_api, dm, unique):
    user, channel = dm
    body = slack_message_event(user, channel, "what does a PM do?", f"Ev{unique}-bot", bot_id="B0BOT",
                               subtype="bot_message")
    assert post(webhook, body, slack_headers(SLACK_SECRET, body, JSON))[0] == 200
    say(webhook, user, channel, "hello there", f"Ev{unique}-person")
    assert "career advisor" in slack_api.texts(channel)
    assert "plan, organize" not in slack_api.texts(channel)


def test_a_person_is_handed_off_with_reply_here_and_the_note_reaches_the_counsellors_channel(webhook, slack_api, dm, unique):
    user, channel = dm
    steps = [
        ("can a human help me?", "What would you like a counsellor to help you with?"),
        ("choosing between nursing and teaching", "or choose to get the reply here in Slack"),
        ("please reply here", "They'll reach you: a reply here in Slack"),
        ("yes", "A counsellor will reply to you here in Slack"),
    ]
    for number, (text, expected) in enumerate(steps, 1):
        assert say(webhook, user, channel, text, f"Ev{unique}-{number}")[0] == 200
        slack_api.wait_for("chat.postMessage", lambda params: params.get("channel") == channel and expected in params.get("text", ""))
    [note] = slack_api.wait_for("chat.postMessage", lambda params: params.get("channel") == HANDOFF_CHANNEL
                                and f"<@{user}>" in params.get("text", ""))
    assert "Help wanted with: choosing between nursing and teaching" in note.params["text"]
    assert f"Reply to them in Slack: <@{user}>" in note.params["text"] and "Channel: slack" in note.params["text"]
