"""Which channels `make run` turns on, from the environment alone."""
import stat

import pytest
import yaml

from channels import settings

BASE = {"rest": None, settings.SOCKETIO: {"session_persistence": True}}
SLACK_ENV = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "secret"}
TELEGRAM_ENV = {
    "TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_BOT_USERNAME": "advisor_bot",
    "TELEGRAM_WEBHOOK_URL": "https://bot.example/webhooks/telegram/webhook", "TELEGRAM_SECRET_TOKEN": "s3cret",
}


def test_without_secrets_only_rest_and_the_widget_are_on():
    assert set(settings.credentials(BASE, {})) == {"rest", settings.SOCKETIO}


def test_a_fully_configured_channel_is_on_with_its_settings():
    creds = settings.credentials(BASE, {**SLACK_ENV, **TELEGRAM_ENV, "SLACK_API_URL": "http://127.0.0.1:9/api/"})
    assert creds[settings.SLACK] == {"slack_token": "xoxb-1", "slack_signing_secret": "secret",
                                     "api_url": "http://127.0.0.1:9/api/"}
    assert creds[settings.TELEGRAM]["secret_token"] == "s3cret" and creds[settings.TELEGRAM]["api_url"] is None


@pytest.mark.parametrize("dropped", ["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"])
def test_a_half_configured_channel_is_off_and_says_what_is_missing(dropped):
    env = {name: value for name, value in SLACK_ENV.items() if name != dropped}
    assert settings.SLACK not in settings.credentials(BASE, env)
    assert f"Slack: off (set {dropped})" in settings.summary(env)


def test_telegram_secret_must_be_one_telegram_accepts():
    with pytest.raises(ValueError, match="TELEGRAM_SECRET_TOKEN"):
        settings.credentials(BASE, {**TELEGRAM_ENV, "TELEGRAM_SECRET_TOKEN": "has spaces"})


def test_widget_origins_default_to_the_chat_page_and_can_be_set():
    assert settings.widget_origins({"WEB_PORT": "9000"}) == ["http://localhost:9000", "http://127.0.0.1:9000"]
    env = {"WEB_ORIGINS": "https://a.example/, https://b.example"}
    assert settings.credentials(BASE, env)[settings.SOCKETIO] == {
        "session_persistence": True, "allowed_origins": ["https://a.example", "https://b.example"]}


def test_cli_writes_an_owner_only_file_and_prints_which_channels_are_on(tmp_path, monkeypatch, capsys):
    base = tmp_path / "credentials.yml"
    base.write_text(yaml.safe_dump(BASE))
    out = tmp_path / "var" / "credentials.yml"
    for name, value in SLACK_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert settings.main(["--base", str(base), "--out", str(out)]) == 0
    assert settings.SLACK in yaml.safe_load(out.read_text())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    printed = capsys.readouterr().out
    assert "Slack: on" in printed and "Telegram: off (set TELEGRAM_BOT_TOKEN" in printed
