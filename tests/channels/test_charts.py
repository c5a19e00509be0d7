"""Charts in every channel, against the real servers: REST carries Rasa's `image` field, Slack gets an image
block and Telegram a photo, each after the text answer, at an address the chat page server answers with a PNG;
a bad chart address gets 400."""
from __future__ import annotations

import io
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.channels.conftest import SLACK_SECRET
from tests.channels.wire import post, slack_headers, slack_message_event, telegram_message

COMPARISON = "which pays more, data scientist or economist?"


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def assert_serves_a_chart(servers, url: str) -> None:
    assert url.startswith(f"{servers.web_url}/charts/pay?"), url  # PUBLIC_URL, the page server's address
    status, headers, body = fetch(url)
    assert status == 200 and headers["Content-Type"] == "image/png" and "max-age" in headers["Cache-Control"]
    assert Image.open(io.BytesIO(body)).width == 720


def test_rest_returns_the_text_then_the_chart_in_rasas_image_field(channel_servers, unique):
    replies = channel_servers.say(f"rest-chart-{unique}", COMPARISON)
    assert [bool(reply.get("text")) for reply in replies] == [True, False]
    assert replies[0]["text"].startswith("Economists earn more")
    assert_serves_a_chart(channel_servers, replies[1]["image"])


def test_slack_gets_the_text_then_an_image_block_with_alt_text(channel_servers, slack_api, unique):
    user, channel = f"U9{unique:07d}", f"D9{unique:07d}"
    body = slack_message_event(user, channel, COMPARISON, f"EvChart{unique}")
    assert post(f"{channel_servers.rasa_url}/webhooks/slack/webhook", body, slack_headers(SLACK_SECRET, body, "application/json"))[0] == 200
    text, image = slack_api.wait_for("chat.postMessage", lambda params: params.get("channel") == channel, count=2)
    assert text.params["text"].startswith("Economists earn more")
    [block] = image.params["blocks"]
    assert block["type"] == "image" and block["alt_text"].startswith("Bar chart of median pay a year")
    assert_serves_a_chart(channel_servers, block["image_url"])


def test_telegram_gets_the_text_then_sendphoto_with_the_chart(channel_servers, send, telegram_api, unique):
    chat = 700_000 + unique
    assert send(telegram_message(100 + unique, chat, COMPARISON)) == 200
    assert telegram_api.texts(chat).startswith("Economists earn more")
    [photo] = telegram_api.wait_for("sendPhoto", lambda params: params.get("chat_id") == str(chat))
    assert "Economists" in photo.params["caption"]
    assert_serves_a_chart(channel_servers, photo.params["photo"])


@pytest.mark.parametrize("address", [
    "/charts/pay?codes=99-9999.99,19-3011.00&per=year&data=bls_oews_2024",
    "/charts/pay?codes=11-1011.00,11-1021.00,11-1031.00,11-2011.00,11-2021.00,11-2022.00&per=year&data=bls_oews_2024",
    "/charts/pay-spread?code=19-3011.00",
])
def test_a_bad_chart_address_gets_400_with_the_reason(channel_servers, address):
    status, headers, body = fetch(channel_servers.web_url + address)
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"Bad chart address: ") and b"Traceback" not in body
