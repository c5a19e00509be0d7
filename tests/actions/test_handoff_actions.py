"""The hand-off's actions with rasa_sdk's Tracker and CollectingDispatcher; the note received by a real
SMTP server on loopback (aiosmtpd) and by the Slack Web API stand-in."""
from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import UNKNOWN_OCCUPATION_SLOT
from actions.handoff import (
    CONFIRMED_SLOT, CONTACT_SLOT, REQUEST_SLOT, SUGGESTION_SLOT, ActionAskHandoffContact, ActionOfferHandoff,
    ActionSendHandoff, ActionStartHandoff, ValidateHandoffForm,
)
from actions.roles import ActionDescribeRole
from bot import handoff
from serving.local import free_port
from tests.actions.test_actions import entity, run
from tests.channels.standins import SlackApi
from tests.mail import Inbox

SLACK_TOKEN = "xoxb-handoff-test"
HANDOFF_VARIABLES = ("HANDOFF_SLACK_CHANNEL", "HANDOFF_EMAIL_TO", "SMTP_URL", "HANDOFF_CONTACT", "SLACK_BOT_TOKEN", "SLACK_API_URL")


def user(text: str, intent: str, channel: str = "rest") -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": []},
            "input_channel": channel, "timestamp": 1.0}


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {}, "timestamp": 1.0}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name, "timestamp": 1.0}


NOT_UNDERSTOOD = action("utter_not_understood")


def conversation_tracker(events: list[dict[str, Any]], **slots: Any) -> Tracker:
    latest = next(event for event in reversed(events) if event["event"] == "user")
    message = {"text": latest["text"], "intent": latest["parse_data"]["intent"], "entities": []}
    return Tracker("person-1", {"requested_slot": None, **slots}, message, events, False, None, {}, "action_listen")


def validate(text: str, intent: str, channel: str = "rest", **slots: Any) -> tuple[dict[str, Any], str]:
    dispatcher = CollectingDispatcher()
    tracker = conversation_tracker([user(text, intent, channel)], **slots)
    events = asyncio.run(ValidateHandoffForm().run(dispatcher, tracker, {"slots": {}, "forms": {"handoff_form": {"required_slots": []}}}))
    said = "\n".join(message.get("text") or "" for message in dispatcher.messages)
    return {event["name"]: event["value"] for event in events if event["event"] == "slot" and event["name"] != "requested_slot"}, said


@pytest.fixture
def no_handoff_settings(monkeypatch):
    for name in HANDOFF_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_request_is_typed_or_the_suggestion_taken():
    assert validate("I want to move from retail into nursing", "career_change", requested_slot=REQUEST_SLOT)[0] == \
        {REQUEST_SLOT: "I want to move from retail into nursing"}
    assert validate("/affirm", "affirm", requested_slot=REQUEST_SLOT, handoff_suggestion="dragon tamer pay")[0] == \
        {REQUEST_SLOT: "dragon tamer pay"}
    filled, said = validate("yes", "affirm", requested_slot=REQUEST_SLOT)
    assert filled == {REQUEST_SLOT: None} and said == handoff.REQUEST_NEEDED


def test_the_contact_is_a_valid_email_or_reply_here_where_the_channel_allows_it():
    assert validate("it's jo@example.com", "inform", requested_slot=CONTACT_SLOT)[0] == {CONTACT_SLOT: "jo@example.com"}
    filled, said = validate("jo at example", "out_of_scope", requested_slot=CONTACT_SLOT)
    assert filled == {CONTACT_SLOT: None} and said == handoff.NOT_AN_EMAIL
    assert validate("/affirm", "affirm", "slack", requested_slot=CONTACT_SLOT)[0] == {CONTACT_SLOT: handoff.REPLY_HERE}
    assert validate("just reply here", "nlu_fallback", "slack", requested_slot=CONTACT_SLOT)[0] == {CONTACT_SLOT: handoff.REPLY_HERE}
    assert validate("just reply here", "nlu_fallback", "rest", requested_slot=CONTACT_SLOT)[0] == {CONTACT_SLOT: None}


def test_reply_here_is_a_button_only_on_slack():
    for channel, offered in (("slack", True), ("socketio", False)):
        _, buttons, _ = run(ActionAskHandoffContact(), conversation_tracker([user("hi", "greet", channel)]))
        assert ("Reply here" in [button["title"] for button in buttons]) is offered


def test_cancel_start_over_and_forget_me_leave_the_form_to_the_rules():
    for text, intent in (("stop", "stop_quiz"), ("no", "deny"), ("start over", "restart_quiz"), ("forget me", "forget_me")):
        assert validate(text, intent, requested_slot=CONTACT_SLOT) == ({}, "")


def test_only_a_yes_sends():
    assert validate("/affirm", "affirm", requested_slot=CONFIRMED_SLOT)[0] == {CONFIRMED_SLOT: True}
    assert validate("hmm", "nlu_fallback", requested_slot=CONFIRMED_SLOT) == ({CONFIRMED_SLOT: None}, handoff.NOT_CONFIRMED)


def test_the_request_is_suggested_from_the_messages_the_bot_could_not_answer():
    events = [user("hi", "greet"), bot("Hi!"), user("blorp zang", "nlu_fallback"), NOT_UNDERSTOOD, bot("Sorry"),
              user("can a human help me?", "request_human")]
    _, _, slots = run(ActionStartHandoff(), conversation_tracker(events))
    assert {"event": "slot", "name": SUGGESTION_SLOT, "value": "blorp zang", "timestamp": None} in slots


def test_a_person_is_offered_after_the_second_turn_in_a_row_the_bot_could_not_answer():
    once = [user("hello", "greet"), bot("Hi!"), user("blorp zang", "nlu_fallback"), NOT_UNDERSTOOD]
    assert run(ActionOfferHandoff(), conversation_tracker(once))[0] == ""
    twice = [user("blorp zang", "nlu_fallback"), NOT_UNDERSTOOD, bot("Sorry"), user("fnord wibble", "nlu_fallback"), NOT_UNDERSTOOD]
    text, buttons, _ = run(ActionOfferHandoff(), conversation_tracker(twice))
    assert text == handoff.OFFER and [button["payload"] for button in buttons] == ["/request_human", "/deny"]


def test_an_unknown_occupation_is_recorded_for_the_markers_and_a_second_one_in_a_row_brings_the_offer():
    events = [user("blorp zang", "nlu_fallback"), NOT_UNDERSTOOD, bot("Sorry"), user("what does a dragon tamer do?", "ask_role")]
    tracker = conversation_tracker(events)
    tracker.latest_message["entities"] = [entity("role", "dragon tamer")]
    text, buttons, slots = run(ActionDescribeRole(), tracker)
    assert "I don't know “dragon tamer”" in text and handoff.OFFER in text
    assert [(event["name"], event["value"]) for event in slots] == [(UNKNOWN_OCCUPATION_SLOT, "dragon tamer"), (UNKNOWN_OCCUPATION_SLOT, None)]


def filled_form(channel: str = "rest", contact: str = "jo@example.com") -> Tracker:
    events = [user("what does a dragon tamer do?", "ask_role", channel), bot("I don't know “dragon tamer”."),
              user("my number is 555 0100", "nlu_fallback", channel), NOT_UNDERSTOOD, bot("Sorry, I didn't understand that."),
              user("I'd like to talk to a person", "request_human", channel), action("action_start_handoff"),
              bot(handoff.ASK_REQUEST), user("becoming a dragon tamer", "nlu_fallback", channel), user("/affirm", "affirm", channel)]
    return conversation_tracker(events, handoff_request="becoming a dragon tamer", handoff_contact=contact, handoff_confirmed=True)


def test_the_note_reaches_the_counsellors_by_email_and_slack(no_handoff_settings):
    slack = SlackApi(SLACK_TOKEN)
    try:
        with Inbox() as inbox:
            for name, value in {"HANDOFF_EMAIL_TO": "counsellors@school.example", "SMTP_URL": inbox.url,
                                "HANDOFF_SLACK_CHANNEL": "C0COUNSEL", "SLACK_BOT_TOKEN": SLACK_TOKEN,
                                "SLACK_API_URL": slack.api_url}.items():
                no_handoff_settings.setenv(name, value)
            text, _, events = run(ActionSendHandoff(), filled_form())
            mail = inbox.wait_for(lambda message: "counsellor" in message["Subject"])
        posted = slack.texts("C0COUNSEL")
    finally:
        slack.close()
    assert "Slack and email" in text and "A counsellor will write to you at jo@example.com" in text
    body = mail.get_content()
    assert mail["To"] == "counsellors@school.example" and mail["Reply-To"] == "jo@example.com"
    for note in (body, posted):
        assert "Help wanted with: becoming a dragon tamer" in note and "Person: what does a dragon tamer do?" in note
        assert "Bot: I don't know “dragon tamer”." in note
        assert handoff.ASK_REQUEST not in note  # the form's own exchange is summed up, not repeated
    assert all(event["value"] is None for event in events)  # nothing left pending


def test_nothing_configured_is_said_plainly_and_nothing_is_sent(no_handoff_settings):
    no_handoff_settings.setenv("HANDOFF_CONTACT", "careers@school.example")
    text, _, _ = run(ActionSendHandoff(), filled_form())
    assert text == handoff.unavailable("careers@school.example")


def test_a_delivery_failure_is_told_and_logged_without_the_note(no_handoff_settings, caplog):
    no_handoff_settings.setenv("HANDOFF_EMAIL_TO", "counsellors@school.example")
    no_handoff_settings.setenv("SMTP_URL", f"smtp://127.0.0.1:{free_port()}")  # nothing listens there
    with caplog.at_level(logging.ERROR, logger="delivery.handoff"):
        text, _, _ = run(ActionSendHandoff(), filled_form())
    assert text == handoff.failed(None)
    [record] = [record for record in caplog.records if record.name == "delivery.handoff"]
    assert "person-1" in record.getMessage() and "email" in record.getMessage()
    assert "dragon tamer" not in record.getMessage()
