"""Which channels are on, decided from the environment alone, written as Rasa's credentials file.

Secrets never live in the repo: `credentials.yml` holds the always-on channels, and this module adds
Slack and Telegram only when all of their variables are set, so a half-configured channel is off
(and says which variable is missing) instead of failing at start-up.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, Mapping

from serving.settings_file import write_settings

SOCKETIO = "channels.socketio.SocketIOInput"
SLACK = "channels.slack.SlackInput"
TELEGRAM = "channels.telegram.TelegramInput"

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
TELEGRAM_VARIABLES = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_USERNAME", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_SECRET_TOKEN")
DEFAULT_WEB_PORT = 8080
# Telegram accepts 1-256 characters of this set as a webhook secret token.
_TELEGRAM_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@dataclass(frozen=True)
class Channel:
    """One optional channel: on when every variable it needs is set."""

    name: str
    missing: tuple[str, ...]
    credentials: dict[str, Any]

    @property
    def on(self) -> bool:
        return not self.missing


def web_port(env: Mapping[str, str]) -> int:
    return int(env.get("WEB_PORT") or DEFAULT_WEB_PORT)


def widget_origins(env: Mapping[str, str]) -> list[str]:
    """The origins whose pages may open a conversation: WEB_ORIGINS (space or comma separated),
    else the chat page's own origins."""
    configured = re.split(r"[\s,]+", env.get("WEB_ORIGINS", "").strip())
    origins = [origin.rstrip("/") for origin in configured if origin]
    port = web_port(env)
    return origins or [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]


def _missing(env: Mapping[str, str], names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if not env.get(name))


def slack(env: Mapping[str, str]) -> Channel:
    credentials = {
        "slack_token": env.get("SLACK_BOT_TOKEN"),
        "slack_signing_secret": env.get("SLACK_SIGNING_SECRET"),
        "api_url": env.get("SLACK_API_URL") or None,
    }
    return Channel("slack", _missing(env, SLACK_VARIABLES), credentials)


def telegram(env: Mapping[str, str]) -> Channel:
    secret = env.get("TELEGRAM_SECRET_TOKEN", "")
    if secret and not _TELEGRAM_SECRET.fullmatch(secret):
        raise ValueError("TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    credentials = {
        "access_token": env.get("TELEGRAM_BOT_TOKEN"),
        "verify": env.get("TELEGRAM_BOT_USERNAME"),
        "webhook_url": env.get("TELEGRAM_WEBHOOK_URL"),
        "secret_token": secret,
        "api_url": env.get("TELEGRAM_API_URL") or None,
    }
    return Channel("telegram", _missing(env, TELEGRAM_VARIABLES), credentials)


def credentials(base: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """The base channels, the socket.io channel limited to the widget origins, and every optional
    channel that is fully configured."""
    result: dict[str, Any] = {name: (dict(options) if options else options) for name, options in base.items()}
    if SOCKETIO in result:
        result[SOCKETIO] = {**(result[SOCKETIO] or {}), "allowed_origins": widget_origins(env)}
    for channel, key in ((slack(env), SLACK), (telegram(env), TELEGRAM)):
        if channel.on:
            result[key] = channel.credentials
    return result


def summary(env: Mapping[str, str]) -> str:
    """What `make run` prints: which channels are on, and what turns the others on."""
    lines = [
        f"Chat page: http://localhost:{web_port(env)} (widget origins: {' '.join(widget_origins(env))})",
    ]
    for channel in (slack(env), telegram(env)):
        state = "on" if channel.on else f"off (set {', '.join(channel.missing)})"
        lines.append(f"{channel.name.capitalize()}: {state}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return write_settings(argv, __doc__.splitlines()[0], "credentials.yml", credentials, summary)


if __name__ == "__main__":
    sys.exit(main())
