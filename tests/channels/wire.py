"""Requests in the channels' own wire formats: signed Slack Events API and interactivity requests,
Telegram webhook updates."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlencode


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POSTs and returns the status and body, error statuses included."""
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def slack_signature(secret: str, timestamp: int, body: bytes) -> str:
    """Slack's v0 signature: HMAC-SHA256 over `v0:{timestamp}:{body}`."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return f"v0={digest}"


def slack_headers(secret: str, body: bytes, content_type: str, age: float = 0) -> dict[str, str]:
    timestamp = int(time.time() - age)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": slack_signature(secret, timestamp, body),
    }


def slack_message_event(user: str, channel: str, text: str, event_id: str, **event: Any) -> bytes:
    """An Events API `message.im` callback, as Slack sends it for a direct message to the app."""
    ts = f"{time.time():.6f}"
    return json.dumps({
        "token": "verification-token-unused", "team_id": "T0TEAM", "api_app_id": "A0APP",
        "event": {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts,
                  "event_ts": ts, "channel_type": "im", **event},
        "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": "T0TEAM", "user_id": "U0BOT", "is_bot": True}],
    }).encode()


def slack_url_verification(challenge: str) -> bytes:
    return json.dumps({"token": "verification-token-unused", "challenge": challenge,
                       "type": "url_verification"}).encode()


def slack_button_click(user: str, channel: str, title: str, value: str) -> bytes:
    """An interactivity request for a Block Kit button click (form-encoded `payload`)."""
    ts = f"{time.time():.6f}"
    payload = {
        "type": "block_actions", "user": {"id": user, "username": "ann", "team_id": "T0TEAM"},
        "api_app_id": "A0APP", "token": "verification-token-unused",
        "container": {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": False},
        "trigger_id": "1.2.abc", "team": {"id": "T0TEAM", "domain": "example"},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "user": "U0BOT", "ts": ts, "text": "Which role do you mean?"},
        "response_url": "https://hooks.slack.invalid/actions/T0TEAM/1/abc",
        "actions": [{"action_id": "a1", "block_id": "b1", "text": {"type": "plain_text", "text": title},
                     "value": value, "type": "button", "action_ts": ts}],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def telegram_message(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": "Ann", "language_code": "en"}
    message = {"message_id": update_id, "from": user, "chat": {"id": chat_id, "type": "private", "first_name": "Ann"},
               "date": int(time.time()), "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def telegram_callback(update_id: int, chat_id: int, query_id: str, data: str) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": "Ann"}
    bot_message = {"message_id": update_id - 1, "from": {"id": 123456789, "is_bot": True, "first_name": "Advisor"},
                   "chat": {"id": chat_id, "type": "private"}, "date": int(time.time()), "text": "Which role?"}
    return {"update_id": update_id, "callback_query": {"id": query_id, "from": user, "message": bot_message,
                                                        "chat_instance": "-4242", "data": data}}
