"""Which channels are on, decided from the environment alone, written as Rasa's credentials file.

Secrets never live in the repo: `credentials.yml` holds the always-on channels, and this module adds
Slack and Telegram only when all of their variables are set, so a half-configured channel is off
(and says which variable is missing) instead of failing at start-up.
"""
from __future__ import annotations

import ipaddress
import math
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Union

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


Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


@dataclass(frozen=True)
class Limit:
    """`burst` messages at once, refilled at `per_minute`."""

    per_minute: float
    burst: int

    def __str__(self) -> str:
        return f"{self.per_minute:g} messages a minute (bursts of {self.burst})"


@dataclass(frozen=True)
class FairShareSettings:
    sender: Limit
    address: Limit
    trusted_proxies: tuple[Network, ...]


DEFAULTS = {"sender": Limit(per_minute=30, burst=20), "address": Limit(per_minute=300, burst=100)}


def _number(env: Mapping[str, str], name: str, default: float, kind: Callable[[str], float]) -> Any:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if not value > 0 or math.isinf(value):
        raise ValueError(f"{name} must be a positive number, not {raw!r}")
    return value


def _limit(env: Mapping[str, str], key: str) -> Limit:
    default, prefix = DEFAULTS[key], f"LIMIT_{key.upper()}"
    return Limit(_number(env, f"{prefix}_PER_MINUTE", default.per_minute, float),
                 _number(env, f"{prefix}_BURST", default.burst, int))


def trusted_proxies(env: Mapping[str, str]) -> tuple[Network, ...]:
    """TRUSTED_PROXIES: addresses or networks (space or comma separated) whose X-Forwarded-For is believed."""
    networks = []
    for item in env.get("TRUSTED_PROXIES", "").replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"TRUSTED_PROXIES: {item!r} is not an IP address or network") from None
    return tuple(networks)


def fair_share_settings(env: Mapping[str, str]) -> FairShareSettings:
    """The limits from the environment (LIMIT_SENDER_*, LIMIT_ADDRESS_*, TRUSTED_PROXIES); a bad value
    raises ValueError naming the variable."""
    return FairShareSettings(_limit(env, "sender"), _limit(env, "address"), trusted_proxies(env))


def credentials(base: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """The base channels, the socket.io channel limited to the widget origins, and every optional
    channel that is fully configured."""
    fair_share_settings(env)  # a bad limit stops the start here, named, not in Rasa's channel loading
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
    limits = fair_share_settings(env)
    proxies = " ".join(map(str, limits.trusted_proxies)) or "none (set TRUSTED_PROXIES)"
    lines.append(f"Limits: per sender {limits.sender}; per address {limits.address}; "
                 f"X-Forwarded-For believed from: {proxies}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return write_settings(argv, __doc__.splitlines()[0], "credentials.yml", credentials, summary)


if __name__ == "__main__":
    sys.exit(main())
