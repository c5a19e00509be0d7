"""Delivering a hand-off note to the counsellors: a Slack channel and/or an email address, as configured.

Settings come from the environment the servers share (`make run`):
- HANDOFF_SLACK_CHANNEL: a channel id or name the bot is in; posted through the Slack Web API with
  the bot's SLACK_BOT_TOKEN (at SLACK_API_URL, as the Slack channel uses).
- HANDOFF_EMAIL_TO (addresses, comma separated) and SMTP_URL: `smtp://[user:password@]host[:port]`
  (STARTTLS when the server offers it) or `smtps://…` (TLS from the start); HANDOFF_EMAIL_FROM.
- HANDOFF_CONTACT: a line the person is shown when no note can be sent (a phone number, an address).
A failure is logged with the conversation id and the reason, never the note's content. Sending runs
in the action server's handler, each attempt bounded by TIMEOUT_SECONDS.
"""
from __future__ import annotations

import logging
import os
import smtplib
import ssl
import sys
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Mapping, Optional, Protocol
from urllib.parse import unquote, urlsplit

from slack_sdk import WebClient

from bot.handoff import Note

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_EMAIL_FROM = "career-advisor@localhost"


class Destination(Protocol):
    @property
    def name(self) -> str:
        """As the person is told where their note went."""

    def send(self, note: Note) -> None:
        """Delivers the note or raises."""


@dataclass(frozen=True)
class SlackChannel:
    channel: str
    token: str
    api_url: str = DEFAULT_SLACK_API_URL

    @property
    def name(self) -> str:
        return "Slack"

    def send(self, note: Note) -> None:
        client = WebClient(token=self.token, base_url=self.api_url.rstrip("/") + "/", timeout=TIMEOUT_SECONDS)
        client.chat_postMessage(channel=self.channel, text=note.text())  # raises SlackApiError unless "ok"


@dataclass(frozen=True)
class Mailbox:
    recipients: tuple[str, ...]
    smtp_url: str
    sender: str = DEFAULT_EMAIL_FROM

    @property
    def name(self) -> str:
        return "email"

    def message(self, note: Note) -> EmailMessage:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, ", ".join(self.recipients), note.subject
        if note.contact.email:
            message["Reply-To"] = note.contact.email
        message.set_content(note.text())
        return message

    def send(self, note: Note) -> None:
        url = urlsplit(self.smtp_url)
        if url.scheme == "smtps":
            server: smtplib.SMTP = smtplib.SMTP_SSL(url.hostname or "localhost", url.port or 465, timeout=TIMEOUT_SECONDS,
                                                    context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(url.hostname or "localhost", url.port or 25, timeout=TIMEOUT_SECONDS)
        with server:
            server.ehlo()
            if url.scheme != "smtps" and server.has_extn("starttls"):
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if url.username:
                server.login(unquote(url.username), unquote(url.password or ""))
            server.send_message(self.message(note))


@dataclass(frozen=True)
class Delivery:
    """Where a note went, and where it could not."""

    delivered: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoffSettings:
    destinations: tuple[Destination, ...] = ()
    contact_line: Optional[str] = None
    unused: tuple[str, ...] = field(default=())  # variables set without the ones they need

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "HandoffSettings":
        destinations: list[Destination] = []
        unused = []
        if env.get("HANDOFF_SLACK_CHANNEL"):
            if env.get("SLACK_BOT_TOKEN"):
                destinations.append(SlackChannel(env["HANDOFF_SLACK_CHANNEL"], env["SLACK_BOT_TOKEN"],
                                                 env.get("SLACK_API_URL") or DEFAULT_SLACK_API_URL))
            else:
                unused.append("HANDOFF_SLACK_CHANNEL (set SLACK_BOT_TOKEN)")
        recipients = tuple(address.strip() for address in env.get("HANDOFF_EMAIL_TO", "").split(",") if address.strip())
        if recipients:
            if env.get("SMTP_URL"):
                destinations.append(Mailbox(recipients, env["SMTP_URL"], env.get("HANDOFF_EMAIL_FROM") or DEFAULT_EMAIL_FROM))
            else:
                unused.append("HANDOFF_EMAIL_TO (set SMTP_URL)")
        return cls(tuple(destinations), env.get("HANDOFF_CONTACT") or None, tuple(unused))

    def summary(self) -> str:
        """What `make run` prints."""
        where = " and ".join(destination.name for destination in self.destinations)
        state = where or "off, the bot says no counsellor is connected (set HANDOFF_SLACK_CHANNEL, or HANDOFF_EMAIL_TO and SMTP_URL)"
        unused = f"; not used: {', '.join(self.unused)}" if self.unused else ""
        return f"Hand-off to counsellors: {state}{unused}"


def deliver(note: Note, destinations: tuple[Destination, ...]) -> Delivery:
    """Sends the note to every destination; one failing does not stop the others."""
    delivered, failed = [], []
    for destination in destinations:
        try:
            destination.send(note)
            delivered.append(destination.name)
        except Exception as error:  # any failure is the person's to hear about, and the operator's to read
            logger.error("hand-off note for conversation %s not delivered by %s: %r",
                         note.conversation_id, destination.name, error)
            failed.append(destination.name)
    return Delivery(tuple(delivered), tuple(failed))


def main() -> int:
    print(HandoffSettings.from_env(os.environ).summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
