"""Every message gets an answer, even when the Rasa server can't produce one.

Rasa catches what goes wrong while handling a message, logs it and answers nothing: with the
tracker or lock store unreachable the turn fails before any reply, and with the action server
down the action's reply is dropped. Each channel here wraps its message handler with
`answering`, so the person hears that something failed instead of waiting for a reply.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.contract import APOLOGY, StoreUnavailable

logger = logging.getLogger(__name__)

# The turn was not handled (or not stored): saying so lets the person send it again.
NOT_HANDLED = "Sorry, something went wrong on my side and I couldn't take in your message. Please try again in a moment."

MessageHandler = Callable[[UserMessage], Awaitable[Any]]


class WatchedOutput(OutputChannel):
    """Passes replies on to the channel's own output, noting whether there were any."""

    def __init__(self, channel: OutputChannel) -> None:
        self.channel = channel
        self.replied = False

    def __getattr__(self, attribute: str) -> Any:
        """Everything else is the channel's own (e.g. Telegram's answer_callback_query)."""
        return getattr(self.channel, attribute)

    def name(self) -> str:
        return self.channel.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.replied = True
        await self.channel.send_response(recipient_id, message)


def answering(on_new_message: MessageHandler) -> MessageHandler:
    """The handler, plus an apology when handling fails or ends without a reply."""

    async def handle(message: UserMessage) -> Any:
        output = WatchedOutput(message.output_channel)
        message.output_channel = output
        try:
            result = await on_new_message(message)
        except (Exception, StoreUnavailable):  # the server stays up; the person hears the turn failed
            logger.exception("message from %s not handled", message.sender_id)
            await output.channel.send_text_message(message.sender_id, NOT_HANDLED)
            return None
        if not output.replied:  # e.g. an action whose server is down
            await output.channel.send_text_message(message.sender_id, APOLOGY)
        return result

    return handle
