"""Telegram end to end: webhook updates into the real Rasa server, the answers read from the Bot API
stand-in's sendMessage. The first test sends the server's first update: Rasa's own connector answers
that one with HTTP 500."""
import json

import pytest

from tests.channels.conftest import TELEGRAM_SECRET, TELEGRAM_WEBHOOK
from tests.channels.wire import telegram_callback, telegram_message


@pytest.fixture
def chat(unique) -> int:
    return 500_000 + unique


def test_start_greets_and_the_first_update_is_answered(send, telegram_api, chat):
    assert send(telegram_message(1, chat, "/start")) == 200
    assert "career advisor" in telegram_api.texts(chat)


def test_webhook_is_registered_with_the_secret_token(channel_servers, telegram_api):
    telegram_api.wait_for(
        "setWebhook", lambda params: params == {"url": TELEGRAM_WEBHOOK, "secret_token": TELEGRAM_SECRET})


def test_question_is_answered(send, telegram_api, chat):
    assert send(telegram_message(2, chat, "how much does a project manager earn?")) == 200
    assert "$87,628" in telegram_api.texts(chat)


def test_buttons_are_an_inline_keyboard_and_a_click_is_answered(send, telegram_api, chat):
    send(telegram_message(3, chat, "what do they do?"))
    [question] = telegram_api.wait_for("sendMessage", lambda params: params["chat_id"] == str(chat))
    keyboard = json.loads(question.params["reply_markup"])["inline_keyboard"]
    buttons = {button["text"]: button["callback_data"] for row in keyboard for button in row}
    assert set(buttons) == {"Implementation specialist", "Project manager", "Technical expert"}

    assert send(telegram_callback(4, chat, f"cb-{chat}", buttons["Project manager"])) == 200
    assert "plan, organize and direct" in telegram_api.texts(chat, count=2)
    telegram_api.wait_for("answerCallbackQuery", lambda params: params["callback_query_id"] == f"cb-{chat}")


@pytest.mark.parametrize("secret", [None, "", "wrong-secret"], ids=["missing", "empty", "wrong"])
def test_updates_without_the_secret_token_are_rejected(send, telegram_api, chat, secret):
    assert send(telegram_message(5, chat, "what does a PM do?"), secret=secret) == 403
    assert send(telegram_message(6, chat, "hello there")) == 200
    assert "career advisor" in telegram_api.texts(chat)
    assert "plan, organize" not in telegram_api.texts(chat)
