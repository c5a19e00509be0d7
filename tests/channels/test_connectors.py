"""The channel fixes' plain logic, without servers: origin checks, Slack signatures and retries,
Telegram secrets, commands and start-up, the chat page's configuration and files."""
from __future__ import annotations

import asyncio
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from http.server import ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from channels.limits import FairShare, TokenBuckets, Verdict, client_address
from channels.settings import Limit, credentials, fair_share_settings
from channels.slack import RecentIds, SlackInput
from channels.socketio import SocketIOInput
from channels.telegram import TelegramInput, is_start_command, secret_matches
from channels.web import PageConfig, PageHandler, widget_bundle
from charts.service import ChartService
from tests.channels.wire import slack_signature
from serving.local import free_port


def test_socketio_accepts_only_the_configured_origins():
    channel = SocketIOInput.from_credentials(
        {"session_persistence": True, "allowed_origins": ["http://localhost:8080/", "https://advisor.example"]})
    assert channel.session_persistence
    assert channel.origin_allowed("http://localhost:8080") and channel.origin_allowed("https://advisor.example/")
    for origin in ("http://localhost:8081", "https://advisor.example.evil", "null", None):
        assert not channel.origin_allowed(origin)
    assert not SocketIOInput.from_credentials({}).origin_allowed("http://localhost:8080")


def test_recent_ids_tell_a_retry_from_a_first_delivery_in_bounded_memory():
    ids = RecentIds(size=2)
    assert ids.first("Ev1") and not ids.first("Ev1")
    assert ids.first(None) and ids.first(None), "events without an id are never taken for retries"
    ids.first("Ev2"), ids.first("Ev3")
    assert ids.first("Ev1"), "the oldest id is forgotten once more than `size` are held"


def slack(**credentials) -> SlackInput:
    return SlackInput.from_credentials({"slack_token": "xoxb-1", "slack_signing_secret": "secret", **credentials})


def test_slack_signature_and_age_are_checked():
    body, now = b'{"type": "event_callback"}', int(time.time())

    def request(secret: str, timestamp: int) -> SimpleNamespace:
        headers = {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": slack_signature(secret, timestamp, body)}
        return SimpleNamespace(headers=headers, body=body)

    channel = slack()
    assert channel.is_request_from_slack_authentic(request("secret", now))
    assert not channel.is_request_from_slack_authentic(request("other", now))
    assert not channel.is_request_from_slack_authentic(request("secret", now - 301))


def test_slack_answers_go_to_the_configured_web_api():
    assert slack(api_url="http://127.0.0.1:9/api").get_output_channel("D1").client.base_url == "http://127.0.0.1:9/api/"
    assert slack().get_output_channel("D1").client.base_url == "https://slack.com/api/"


@pytest.mark.parametrize("text", ["/start", " /start ", "/start@career_bot", "/start deep-link"])
def test_start_commands(text):
    assert is_start_command(text)


@pytest.mark.parametrize("text", ["start", "/started", "/restart", "what does /start do?", "", None])
def test_not_start_commands(text):
    assert not is_start_command(text)


def test_telegram_secret_must_match_exactly_and_be_set():
    assert secret_matches("s3cret", "s3cret")
    assert not secret_matches("s3cret", "s3cre") and not secret_matches("s3cret", None)
    assert not secret_matches("", "") and not secret_matches("", None)


def unreachable_telegram() -> TelegramInput:
    return TelegramInput.from_credentials({
        "access_token": "123456789:AAEtest", "verify": "advisor_bot", "webhook_url": "https://bot.example/hook",
        "secret_token": "s3cret", "api_url": f"http://127.0.0.1:{free_port()}"})


def test_telegram_loads_without_reaching_the_bot_api():
    channel = unreachable_telegram()
    bot = channel.get_output_channel()  # Rasa's own calls setWebhook here, and fails
    assert bot.server.api_url("T", "getMe") == f"{channel.api_url}/botT/getMe"


def test_telegram_webhook_failure_is_reported_not_raised(caplog):
    channel = unreachable_telegram()
    assert asyncio.run(channel.register_webhook(channel.get_output_channel())) is False
    assert "setWebhook failed" in caplog.text


def test_widget_connects_to_rasa_on_the_pages_own_host_unless_told():
    config = PageConfig(rasa_port=5005)
    assert config.socket_url_for("localhost:8080") == "http://localhost:5005"
    assert config.socket_url_for("[::1]:8080") == "http://[::1]:5005"
    assert PageConfig(5005, "https://chat.example/").socket_url_for("localhost:8080") == "https://chat.example"
    policy = PageConfig(5005, "https://chat.example").content_security_policy("localhost:8080")
    assert "connect-src 'self' https://chat.example wss://chat.example;" in policy and "*" not in policy


def test_the_page_may_show_charts_from_public_url_and_nowhere_else():
    assert "img-src 'self' data: https://advisor.example;" in PageConfig(
        5005, public_url="https://advisor.example/base").content_security_policy("localhost:8080")
    assert "img-src 'self' data:;" in PageConfig(5005).content_security_policy("localhost:8080")


def test_widget_bundle_is_served_without_its_remote_font_import():
    assert b"fonts.googleapis" not in widget_bundle() and b"WebChat" in widget_bundle()


@pytest.fixture(scope="module")
def page_server(tmp_path_factory) -> str:
    charts = ChartService(tmp_path_factory.mktemp("charts"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PageHandler, config=PageConfig(5005), charts=charts))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Security-Policy"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def test_page_server_serves_the_page_its_config_and_nothing_else(page_server):
    status, policy, page = get(f"{page_server}/")
    assert status == 200 and "default-src 'self'" in policy and '<main id="webchat">' in page
    assert 'window.CAREER_ADVISOR = {"socketUrl": "http://127.0.0.1:5005"' in get(f"{page_server}/config.js")[2]
    for path in ("/../README.md", "/%2e%2e/README.md", "/channels/web.py", "/nothing.html"):
        assert get(f"{page_server}{path}")[0] == 404


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def fair_share(clock: Clock, **env: str) -> FairShare:
    return FairShare(fair_share_settings({"LIMIT_SENDER_BURST": "3", "LIMIT_SENDER_PER_MINUTE": "60",
                                          "LIMIT_ADDRESS_BURST": "5", "LIMIT_ADDRESS_PER_MINUTE": "60", **env}), clock)


def test_a_sender_gets_its_burst_then_one_message_per_token_and_the_first_refusal_is_told():
    clock = Clock()
    share = fair_share(clock)
    assert [share.admit("ann").admitted for _ in range(4)] == [True, True, True, False]
    assert share.admit("ann") == Verdict(retry_after=1.0, first_refusal=False), "told once, not at every refusal"
    assert share.admit("bob").admitted, "another sender is not held back"
    clock.now += 1
    assert share.admit("ann").admitted
    assert share.admit("ann").first_refusal, "after an admitted message, a refusal is told again"


def test_an_address_is_limited_across_fresh_sender_ids_and_a_refusal_spends_no_senders_token():
    clock = Clock()
    share = fair_share(clock)
    assert [share.admit(f"fresh-{n}", "198.51.100.7").admitted for n in range(6)] == [True] * 5 + [False]
    clock.now += 1
    assert share.admit("fresh-5", "198.51.100.7").admitted


def test_buckets_of_senders_gone_quiet_are_forgotten_so_a_flood_of_ids_leaves_nothing_behind():
    clock = Clock()
    buckets = TokenBuckets(Limit(per_minute=60, burst=3), max_keys=1000, clock=clock)
    for n in range(50_000):
        clock.now += 0.01
        buckets.take(f"sender-{n}")
    assert len(buckets) <= 1000
    clock.now += 10
    buckets.take("last")
    buckets.take("last")
    assert len(buckets) < 1000


@pytest.mark.parametrize("peer, forwarded, client", [
    ("127.0.0.2", ["198.51.100.1"], "198.51.100.1"),
    ("127.0.0.2", ["203.0.113.9, 198.51.100.1"], "198.51.100.1"),  # the left part is the client's own say
    ("127.0.0.2", ["203.0.113.9", "10.0.0.5"], "203.0.113.9"),  # through two trusted proxies
    ("127.0.0.1", ["198.51.100.1"], "127.0.0.1"),  # not a trusted proxy: its header is ignored
    ("127.0.0.2", ["not-an-address"], "127.0.0.2"),
    ("127.0.0.2", [], "127.0.0.2"),
])
def test_the_client_address_is_read_from_x_forwarded_for_only_through_trusted_proxies(peer, forwarded, client):
    proxies = fair_share_settings({"TRUSTED_PROXIES": "127.0.0.2, 10.0.0.0/8"}).trusted_proxies
    assert client_address(peer, forwarded, proxies) == client


@pytest.mark.parametrize("env, named", [
    ({"LIMIT_SENDER_BURST": "0"}, "LIMIT_SENDER_BURST"),
    ({"LIMIT_ADDRESS_PER_MINUTE": "lots"}, "LIMIT_ADDRESS_PER_MINUTE"),
    ({"TRUSTED_PROXIES": "10.0.0.0/8 proxy.internal"}, "TRUSTED_PROXIES"),
])
def test_a_bad_limit_setting_stops_the_start_naming_the_variable(env, named):
    with pytest.raises(ValueError, match=named):
        credentials({}, env)
