"""What each channel refuses before any work: bodies too large, not JSON, of the wrong type, or messages
longer than the NLU reads (bot.text.MAX_MESSAGE_CHARS) get a clear 4xx, never a 500; on Slack and
Telegram, whose platforms retry a failed delivery, a message too long is acknowledged and the person told."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bot.text import MAX_MESSAGE_CHARS
from channels.limits import MAX_BODY_BYTES, TOO_LONG
from tests.channels.conftest import SLACK_SECRET, TELEGRAM_SECRET
from tests.channels.limited import post_from, rest
from tests.channels.test_socketio import WidgetClient
from tests.channels.wire import slack_headers, slack_message_event, telegram_message

JSON = "application/json"
REST = "/webhooks/rest/webhook"
SLACK = "/webhooks/slack/webhook"
TELEGRAM = "/webhooks/telegram/webhook"
TELEGRAM_HEADERS = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
TOO_LARGE = b'{"sender": "big", "message": "' + b"x" * MAX_BODY_BYTES + b'"}'


@pytest.mark.parametrize("body, content_type, status, error", [
    (b'{"sender": "a", "message": ', JSON, 400, "the body is not valid JSON"),
    (b'["hello"]', JSON, 400, "the body must be a JSON object"),
    (b'{"sender": "a"}', JSON, 400, '"message" must be a string'),
    (b'{"sender": "a", "message": 42}', JSON, 400, '"message" must be a string'),
    (b'{"sender": ["a"], "message": "hi"}', JSON, 400, '"sender" must be a string'),
    (b'{"sender": "a", "message": "hi", "metadata": "x"}', JSON, 400, '"metadata" must be a JSON object'),
    (b'{"sender": "a", "message": "hi"}', "text/plain", 415, "send the body as application/json"),
    (b"sender=a&message=hi", "application/x-www-form-urlencoded", 415, "send the body as application/json"),
    (TOO_LARGE, JSON, 413, f"the body is larger than {MAX_BODY_BYTES} bytes"),
    (json.dumps({"sender": "a", "message": "x" * (MAX_MESSAGE_CHARS + 1)}).encode(), JSON, 413,
     f'"message" is longer than {MAX_MESSAGE_CHARS:,} characters'),
], ids=["truncated-json", "json-list", "no-message", "number-message", "list-sender", "string-metadata",
        "text-plain", "form", "body-too-large", "message-too-long"])
def test_rest_refuses_what_it_cannot_take_in_with_a_4xx_that_says_why(channel_servers, body, content_type, status, error):
    reply = post_from(channel_servers, REST, body, {"Content-Type": content_type})
    assert (reply.status, reply.body) == (status, {"error": error})


def test_rest_answers_a_message_of_exactly_the_nlus_length(channel_servers):
    reply = rest(channel_servers, "at-the-cap", ("what does a PM do? " * 60)[:MAX_MESSAGE_CHARS])
    assert reply.status == 200 and reply.body


@pytest.mark.parametrize("body, content_type, status", [
    (b'{"type": "event_callback", ', JSON, 400),
    (b'"event_callback"', JSON, 400),
    (b"<event/>", "application/xml", 415),
    (urlencode({"nothing": "here"}).encode(), "application/x-www-form-urlencoded", 400),
    (urlencode({"payload": "{not json"}).encode(), "application/x-www-form-urlencoded", 400),
    (TOO_LARGE, JSON, 413),
], ids=["truncated-json", "json-string", "xml", "form-without-payload", "form-payload-not-json", "too-large"])
def test_slack_refuses_malformed_bodies_with_a_4xx(channel_servers, body, content_type, status):
    assert post_from(channel_servers, SLACK, body, slack_headers(SLACK_SECRET, body, content_type)).status == status


@pytest.mark.parametrize("body, content_type, status", [
    (b'{"update_id": 1, ', JSON, 400),
    (b"[1, 2]", JSON, 400),
    (b"update_id=1", "application/x-www-form-urlencoded", 415),
    (TOO_LARGE, JSON, 413),
], ids=["truncated-json", "json-list", "form", "too-large"])
def test_telegram_refuses_malformed_bodies_with_a_4xx(channel_servers, body, content_type, status):
    headers = {**TELEGRAM_HEADERS, "Content-Type": content_type}
    assert post_from(channel_servers, TELEGRAM, body, headers).status == status


def test_slack_and_telegram_acknowledge_a_message_too_long_and_say_so(channel_servers, slack_api, telegram_api, unique):
    long = "x" * (MAX_MESSAGE_CHARS + 1)
    user = f"ULONG{unique:06d}"
    body = slack_message_event(user, f"D{user}", long, f"EvLong{unique}")
    assert post_from(channel_servers, SLACK, body, slack_headers(SLACK_SECRET, body, JSON)).status == 200
    assert slack_api.texts(f"D{user}") == TOO_LONG

    chat = 900_000 + unique
    update = json.dumps(telegram_message(unique, chat, long)).encode()
    assert post_from(channel_servers, TELEGRAM, update, {**TELEGRAM_HEADERS, "Content-Type": JSON}).status == 200
    assert telegram_api.texts(chat) == TOO_LONG


def test_the_widget_says_a_message_is_too_long_and_goes_on(channel_servers, unique):
    client = WidgetClient(channel_servers.rasa_url, channel_servers.web_url, f"widget-long-{unique}")
    try:
        assert client.ask("x" * (MAX_MESSAGE_CHARS + 1), TOO_LONG) == TOO_LONG
        client.ask("what does a PM do?", "plan, organize and direct")
    finally:
        client.close()
