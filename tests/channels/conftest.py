"""One server set for every channel test: the real servers, started as `make run` starts them, with
Slack and Telegram switched on by their environment variables and pointed at local stand-ins."""
from __future__ import annotations

import itertools
import json

import pytest

from tests.channels.standins import SlackApi, TelegramApi
from tests.channels.wire import post
from serving.local import Servers, start_servers

SLACK_TOKEN = "xoxb-1111-2222-test"
SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TELEGRAM_TOKEN = "123456789:AAEtestTOKENtestTOKENtestTOKENtest12"
TELEGRAM_USERNAME = "career_advisor_test_bot"
TELEGRAM_SECRET = "s3cret-Token_for-tests"
TELEGRAM_WEBHOOK = "https://advisor.example/webhooks/telegram/webhook"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HANDOFF_CHANNEL = "C0COUNSELLORS"  # where hand-off notes are posted, through the same Web API stand-in


@pytest.fixture(scope="session")
def slack_api() -> SlackApi:
    api = SlackApi(SLACK_TOKEN)
    yield api
    api.close()


@pytest.fixture(scope="session")
def telegram_api() -> TelegramApi:
    api = TelegramApi(TELEGRAM_TOKEN, TELEGRAM_USERNAME)
    yield api
    api.close()


def channels_env(slack_api: SlackApi, telegram_api: TelegramApi) -> dict[str, str]:
    """Slack and Telegram on, talking to the stand-ins."""
    return {
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack_api.api_url,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_USERNAME": TELEGRAM_USERNAME,
        "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": telegram_api.url,
        "HANDOFF_SLACK_CHANNEL": HANDOFF_CHANNEL,
    }


@pytest.fixture(scope="session")
def channel_servers(tmp_path_factory, slack_api: SlackApi, telegram_api: TelegramApi) -> Servers:
    env = channels_env(slack_api, telegram_api)
    running = start_servers(tmp_path_factory.mktemp("channel-servers") / "run.log", extra_env=env)
    yield running
    running.stop()


@pytest.fixture
def send(channel_servers):
    """Delivers a Telegram update as Telegram does, with the secret token unless told otherwise."""
    url = f"{channel_servers.rasa_url}/webhooks/telegram/webhook"

    def deliver(update: dict, secret: str | None = TELEGRAM_SECRET) -> int:
        headers = {"Content-Type": "application/json", **({TELEGRAM_SECRET_HEADER: secret} if secret is not None else {})}
        return post(url, json.dumps(update).encode(), headers)[0]

    return deliver


_ids = itertools.count(1)


@pytest.fixture
def unique() -> int:
    """A number no other test in the session uses, for user, chat and channel ids."""
    return next(_ids)
