"""Slack through the Events API, on Rasa's own connector.

What Rasa 3.6.21's connector lacks, added here:
- the Web API base URL is fixed to Slack's; `api_url` (SLACK_API_URL) points it elsewhere, e.g. a proxy
  or a test stand-in;
- a Slack retry (X-Slack-Retry-Num) is processed again unless its reason is `http_timeout`, so a
  retried event is answered twice; here an event id already taken is acknowledged and dropped;
- an image block's alt text (and the notification text) is the image's URL; here it is the alt text the
  action sent with the image (`alt_text`), which says what the chart shows;
- the url_verification challenge comes back JSON-encoded (`"abc"`, quotes included); Slack documents
  the challenge value as plain text, which is what this answers.
Signature and five-minute replay checks stay Rasa's (`is_request_from_slack_authentic`).
A body that is too large, neither JSON nor a form, or malformed is refused with a 4xx (Rasa answers
some with 500). A message over the sender's fair share, or too long, is acknowledged and not
processed (channels/limits.py); Slack's requests all come from Slack, so its address is no client's.
"""
from __future__ import annotations

import json
from http import HTTPStatus
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels import slack
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from channels import limits
from channels.guard import answering

FORM = "application/x-www-form-urlencoded"


class RecentIds:
    """The last `size` ids seen, so a retried delivery can be told from a first one in bounded memory."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._seen: OrderedDict[str, None] = OrderedDict()

    def first(self, id_: Optional[str]) -> bool:
        """True the first time an id is offered (and always for no id); records it."""
        if not id_:
            return True
        if id_ in self._seen:
            return False
        self._seen[id_] = None
        if len(self._seen) > self.size:
            self._seen.popitem(last=False)
        return True


def json_body(request: Request) -> dict[str, Any]:
    """An Events API request's JSON object, or {} for anything else (interactive payloads are forms)."""
    if request.headers.get("content-type") != "application/json":
        return {}
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


ALT_TEXT_LIMIT = 2000  # Slack's limit for an image block's alt_text


def malformed(request: Request) -> Optional[HTTPResponse]:
    """The 4xx for a body Slack would not send: too large, neither JSON nor a form, or unparsable."""
    if request.headers.get("content-type", "").split(";")[0].strip() != FORM:
        body = limits.json_object_body(request)
        return body if isinstance(body, HTTPResponse) else None
    too_large = limits.oversized(request)
    if too_large:
        return too_large
    try:
        payload = json.loads(request.form.get("payload", ""))
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return limits.refusal(HTTPStatus.BAD_REQUEST, "the form's payload must be a JSON object")
    return None


class SlackOutput(slack.SlackBot):
    """Rasa's Slack output, posting to a configurable Web API base URL, images with their alt text."""

    def __init__(
        self,
        token: str,
        slack_channel: Optional[str] = None,
        thread_id: Optional[str] = None,
        proxy: Optional[str] = None,
        api_url: Optional[str] = None,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        if api_url:
            self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url.rstrip("/") + "/")

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        alt = (kwargs.get("alt_text") or image)[:ALT_TEXT_LIMIT]
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True, text=alt,
                                 blocks=[{"type": "image", "image_url": image, "alt_text": alt}])


class SlackInput(slack.SlackInput):
    """Rasa's Slack input with a configurable Web API URL, one answer per event, and a plain challenge."""

    def __init__(self, *args: Any, api_url: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = api_url
        self.deliveries = RecentIds()

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[str, Any]]) -> "SlackInput":
        credentials = dict(credentials or {})
        api_url = credentials.pop("api_url", None)
        channel = super().from_credentials(credentials)
        channel.api_url = api_url
        return channel

    def get_output_channel(self, channel: Optional[str] = None, thread_id: Optional[str] = None) -> SlackOutput:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    async def process_message(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender_id: Optional[str],
        metadata: Optional[dict],
    ) -> Any:
        if not self.deliveries.first(json_body(request).get("event_id")):
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(limits.within_fair_share(answering(on_new_message), limits.shared()))

        @blueprint.middleware("request")
        async def answer_url_verification(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST":
                return None
            refused = malformed(request)
            if refused:
                return refused
            body = json_body(request)
            if body.get("type") == "url_verification" and self.is_request_from_slack_authentic(request):
                return response.text(str(body.get("challenge", "")))
            return None  # Rasa's handler checks the signature and does the rest

        return blueprint
