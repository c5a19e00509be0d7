"""Fair shares over the real servers (channels/limits.py), with small limits set by environment: each
channel admits a sender's burst, refuses the next message as that channel should, stores nothing of
it, and admits again once a token has come back; addresses come from X-Forwarded-For only through a
trusted proxy."""
from __future__ import annotations

import json
import queue
import time
import uuid

import pytest

from channels.limits import SLOW_DOWN
from serving.local import Servers, start_servers
from tests.channels.conftest import SLACK_SECRET, TELEGRAM_SECRET, channels_env
from tests.channels.limited import Reply, post_from, rest, stored_events
from tests.channels.test_socketio import WidgetClient
from tests.channels.wire import slack_headers, slack_message_event, telegram_message

SENDER_BURST, SENDER_PER_MINUTE = 3, 12  # a token back every 5 s
ADDRESS_BURST, ADDRESS_PER_MINUTE = 12, 6
PROXY = "127.0.0.2"  # this machine too: the tests connect from it to play a trusted proxy
TOKEN_SECONDS = 60 / SENDER_PER_MINUTE
GREETING = "career advisor"


@pytest.fixture(scope="module")
def limited(tmp_path_factory, slack_api, telegram_api) -> Servers:
    env = {**channels_env(slack_api, telegram_api), "TRUSTED_PROXIES": PROXY,
           "LIMIT_SENDER_BURST": str(SENDER_BURST), "LIMIT_SENDER_PER_MINUTE": str(SENDER_PER_MINUTE),
           "LIMIT_ADDRESS_BURST": str(ADDRESS_BURST), "LIMIT_ADDRESS_PER_MINUTE": str(ADDRESS_PER_MINUTE)}
    running = start_servers(tmp_path_factory.mktemp("limited-servers") / "run.log", extra_env=env)
    yield running
    running.stop()


def fresh(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def test_rest_refuses_a_senders_message_over_its_burst_with_429_and_takes_it_after_retry_after(limited):
    sender, client = fresh("rest"), "198.51.100.1"
    for _ in range(SENDER_BURST):
        reply = rest(limited, sender, "hello there", PROXY, client)
        assert reply.status == 200 and GREETING in json.dumps(reply.body)
    stored = stored_events(limited, sender)
    refused = rest(limited, sender, "what does a PM do?", PROXY, client)
    assert (refused.status, refused.body) == (429, {"error": SLOW_DOWN})
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= TOKEN_SECONDS
    assert stored_events(limited, sender) == stored, "the refused message was stored"
    time.sleep(retry_after)
    assert "plan, organize and direct" in json.dumps(rest(limited, sender, "what does a PM do?", PROXY, client).body)


def test_the_widget_says_slow_down_once_drops_the_rest_and_takes_messages_again(limited):
    session = fresh("widget")
    client = WidgetClient(limited.rasa_url, limited.web_url, session)
    try:
        for _ in range(SENDER_BURST):
            client.ask("hello there", GREETING)
        time.sleep(1)
        while not client.replies.empty():
            client.replies.get()
        stored = stored_events(limited, session)
        for text in ("what does a PM do?", "and their pay?", "hello?"):
            client.client.emit("user_uttered", {"message": text, "session_id": session})
        assert client.replies.get(timeout=10)["text"] == SLOW_DOWN
        with pytest.raises(queue.Empty):
            client.replies.get(timeout=2)
        assert stored_events(limited, session) == stored
        time.sleep(TOKEN_SECONDS)
        client.ask("what does a PM do?", "plan, organize and direct")
    finally:
        client.close()


def slack_say(servers: Servers, user: str, text: str, event_id: str) -> Reply:
    body = slack_message_event(user, f"D{user}", text, event_id)
    return post_from(servers, "/webhooks/slack/webhook", body, slack_headers(SLACK_SECRET, body, "application/json"))


def test_slack_acknowledges_events_over_the_share_answers_none_and_notices_once(limited, slack_api):
    user = f"U{uuid.uuid4().hex[:8].upper()}"
    channel = f"D{user}"

    def posts() -> list[str]:
        return [call.params["text"] for call in slack_api.matching("chat.postMessage", lambda p: p.get("channel") == channel)]

    for n in range(SENDER_BURST):
        assert slack_say(limited, user, "hello there", f"Ev{user}{n}").status == 200
    slack_api.texts(channel, count=SENDER_BURST)  # Rasa handles Slack's events after acknowledging them
    time.sleep(1)  # and stores each turn after answering it
    answered, stored = len(posts()), stored_events(limited, user)
    for n in range(3):
        assert slack_say(limited, user, "what does a PM do?", f"Ev{user}x{n}").status == 200
    slack_api.texts(channel, count=answered + 1)
    time.sleep(2)  # for anything else that would come
    assert posts()[answered:] == [SLOW_DOWN]
    assert stored_events(limited, user) == stored
    time.sleep(TOKEN_SECONDS)
    slack_say(limited, user, "what does a PM do?", f"Ev{user}-after")
    assert "plan, organize and direct" in slack_api.texts(channel, count=answered + 2)


def test_telegram_acknowledges_updates_over_the_share_answers_none_and_notices_once(limited, telegram_api):
    chat = 700_000 + uuid.uuid4().int % 100_000
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}

    def deliver(update_id: int, text: str) -> int:
        body = json.dumps(telegram_message(update_id, chat, text)).encode()
        return post_from(limited, "/webhooks/telegram/webhook", body, headers).status

    def sent() -> list[str]:  # Telegram's updates are answered once handled, so these are complete
        return [call.params["text"] for call in telegram_api.matching("sendMessage", lambda p: p.get("chat_id") == str(chat))]

    for n in range(SENDER_BURST):
        assert deliver(n, "hello there") == 200
    answered, stored = len(sent()), stored_events(limited, str(chat))
    assert answered >= SENDER_BURST
    assert [deliver(10 + n, "what does a PM do?") for n in range(3)] == [200] * 3
    assert sent()[answered:] == [SLOW_DOWN]
    assert stored_events(limited, str(chat)) == stored
    time.sleep(TOKEN_SECONDS)
    deliver(20, "what does a PM do?")
    assert "plan, organize and direct" in "\n".join(sent()[answered + 1:])


def test_a_trusted_proxys_forwarded_for_names_the_client_and_anyone_elses_is_ignored(limited):
    crowded, other = "198.51.100.20", "198.51.100.21"
    statuses = [rest(limited, fresh("xff"), "hi", PROXY, crowded).status for _ in range(ADDRESS_BURST + 1)]
    assert statuses == [200] * ADDRESS_BURST + [429], "one client behind the proxy has its own burst, fresh senders or not"
    assert rest(limited, fresh("xff"), "hi", PROXY, other).status == 200, "another client behind it is not held back"

    # Not from the proxy (and last in this module, as it spends loopback's own share, which the widget uses): X-Forwarded-For is whatever the client wrote, so every message counts for its own address.
    spoofed = [rest(limited, fresh("spoof"), "hi", "127.0.0.1", f"203.0.113.{n}").status for n in range(ADDRESS_BURST + 1)]
    assert 429 in spoofed, "a new X-Forwarded-For for each message escaped the address's limit"
