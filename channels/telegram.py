"""Telegram through a webhook, on Rasa's own connector.

What Rasa 3.6.21's connector gets wrong, fixed here:
- it calls setWebhook while loading the channel, in a throwaway event loop: a failure (Telegram
  unreachable, bad token) aborts `rasa run`, and the bot's HTTP session stays bound to that dead
  loop, so the first update is answered with HTTP 500. Here setWebhook runs once the server is up,
  in the server's loop, and a failure is logged, not fatal;
- it never sets or checks the webhook secret token; here setWebhook sends it and every update
  without it in X-Telegram-Bot-Api-Secret-Token is refused (its /set_webhook route, which would
  register the webhook without the token, registers it with the token instead);
- the Bot API server is fixed to Telegram's; `api_url` (TELEGRAM_API_URL) points it at another one
  (Telegram supports self-hosted Bot API servers);
- button clicks are never acknowledged (the client shows a spinner); here answerCallbackQuery is called;
- `/start`, what every Telegram client sends first, is no intent of this bot; here it greets;
- an image is sent as a bare photo; here its alt text (what the chart shows) is the photo's caption.
- a body that is too large, not JSON or not an object is answered with 500 or handled; here with a 4xx.
A message over the sender's fair share, or too long, is acknowledged and not processed
(channels/limits.py); updates all come from Telegram, so its address is no client's.
"""
from __future__ import annotations

import hmac
import logging
import re
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Optional

from aiogram.bot.api import TelegramAPIServer
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import limits
from channels.guard import answering

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
GREET = "/greet"
# "/start", "/start@CareerBot" (in groups), "/start some-deep-link-payload".
_START = re.compile(r"/start(@\w+)?(\s.*)?", re.DOTALL)


def is_start_command(text: Optional[str]) -> bool:
    return bool(text) and _START.fullmatch(text.strip()) is not None


def secret_matches(expected: str, given: Optional[str]) -> bool:
    """Constant-time comparison; an unset expected secret matches nothing."""
    return bool(expected) and hmac.compare_digest(expected.encode(), (given or "").encode())


CAPTION_LIMIT = 1024  # Telegram's limit for a photo's caption


class TelegramOutput(telegram.TelegramOutput):
    """Rasa's Telegram output, talking to a configurable Bot API server, photos with a caption."""

    def __init__(self, access_token: str, api_url: Optional[str] = None) -> None:
        super().__init__(access_token)
        if api_url:
            self.server = TelegramAPIServer.from_base(api_url)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.send_photo(recipient_id, image, caption=(kwargs.get("alt_text") or "")[:CAPTION_LIMIT] or None)


class TelegramInput(telegram.TelegramInput):
    """Rasa's Telegram input, with the fixes listed in the module docstring."""

    def __init__(
        self,
        access_token: str,
        verify: str,
        webhook_url: str,
        secret_token: str = "",
        api_url: Optional[str] = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url)
        self.secret_token = secret_token
        self.api_url = api_url
        self._bot: Optional[TelegramOutput] = None

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[str, Any]]) -> "TelegramInput":
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            credentials.get("secret_token", ""),
            credentials.get("api_url"),
        )

    def get_output_channel(self) -> TelegramOutput:
        """One bot for the channel, made without any network call: its HTTP session opens lazily, in
        the server's loop, on first use."""
        if self._bot is None:
            self._bot = TelegramOutput(self.access_token, self.api_url)
        return self._bot

    def get_metadata(self, request: Request) -> Optional[dict[str, Any]]:
        callback = (request.json or {}).get("callback_query") if request.method == "POST" else None
        return {"callback_query_id": callback["id"]} if callback else None

    async def register_webhook(self, bot: TelegramOutput) -> bool:
        """Points Telegram at this server with the secret token; logs instead of raising."""
        try:
            await bot.request("setWebhook", {"url": self.webhook_url, "secret_token": self.secret_token})
        except (TelegramAPIError, OSError) as error:
            logger.error(f"Telegram setWebhook failed, updates won't arrive until it succeeds: {error}")
            return False
        logger.info(f"Telegram webhook set to {self.webhook_url}")
        return True

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> Any:
            query_id = (message.metadata or {}).get("callback_query_id")
            if query_id:
                try:
                    await message.output_channel.answer_callback_query(query_id)
                except TelegramAPIError as error:  # the answer still matters more than the spinner
                    logger.warning(f"Telegram answerCallbackQuery failed: {error}")
            if is_start_command(message.text):
                message.text = GREET
            return await on_new_message(message)

        blueprint = super().blueprint(limits.within_fair_share(answering(handle), limits.shared()))
        bot = self.get_output_channel()

        @blueprint.listener("after_server_start")
        async def set_webhook_on_start(*_: Any) -> None:
            await self.register_webhook(bot)

        @blueprint.listener("before_server_stop")
        async def close_session(*_: Any) -> None:
            await bot.session.close()

        @blueprint.middleware("request")
        async def guard(request: Request) -> Optional[HTTPResponse]:
            if request.path.endswith("/set_webhook"):
                registered = await self.register_webhook(bot)
                return response.text("Webhook setup successful" if registered else "Invalid webhook")
            if request.path.endswith("/webhook") and not secret_matches(
                self.secret_token, request.headers.get(SECRET_HEADER)
            ):
                return response.text("Forbidden", status=HTTPStatus.FORBIDDEN)
            if request.method == "POST" and request.path.endswith("/webhook"):
                body = limits.json_object_body(request)
                return body if isinstance(body, HTTPResponse) else None
            return None

        return blueprint
