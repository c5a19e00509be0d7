"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the hand-off's email."""
from __future__ import annotations

import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from serving.local import free_port


class Inbox:
    """aiosmtpd's handler: every message accepted, parsed, kept."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._changed = threading.Condition()
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.controller.port}"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._changed:
            self.messages.append(message)
            self._changed.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, match, timeout: float = 60) -> EmailMessage:
        """The first message received that `match`es (else fails after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (found := [message for message in self.messages if match(message)]):
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"no matching email in {timeout}s: {[m['Subject'] for m in self.messages]}"
                self._changed.wait(remaining)
            return found[0]

    def __enter__(self) -> "Inbox":
        self.controller.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.controller.stop()
