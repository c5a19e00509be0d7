"""Rasa's REST channel, answering even when handling a message fails (channels/guard.py), and taking
in only well-formed messages within the sender's and the client address's fair share (channels/limits.py)."""
from __future__ import annotations

from http import HTTPStatus
from typing import Optional

from rasa.core.channels import rest
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.text import MAX_MESSAGE_CHARS
from channels import limits
from channels.guard import MessageHandler, answering


def malformed(body: dict) -> Optional[HTTPResponse]:
    """The 4xx for a JSON object Rasa could not take in as a message, or None."""
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(message, str):
        return limits.refusal(HTTPStatus.BAD_REQUEST, '"message" must be a string')
    if sender is not None and (isinstance(sender, bool) or not isinstance(sender, (str, int))):
        return limits.refusal(HTTPStatus.BAD_REQUEST, '"sender" must be a string')
    if not isinstance(body.get("metadata") or {}, dict):
        return limits.refusal(HTTPStatus.BAD_REQUEST, '"metadata" must be a JSON object')
    if limits.too_long(message):
        return limits.refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                              f'"message" is longer than {MAX_MESSAGE_CHARS:,} characters')
    return None


class RestInput(rest.RestInput):
    """`/webhooks/rest/webhook`, as in Rasa; refused with 4xx: a body that is not a JSON object with a
    string message of at most MAX_MESSAGE_CHARS characters; with 429 and Retry-After: a message over
    the fair share."""

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        blueprint = super().blueprint(answering(on_new_message))
        fair_share = limits.shared()

        @blueprint.middleware("request")
        async def take_in(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            body = limits.json_object_body(request)
            if isinstance(body, HTTPResponse):
                return body
            problem = malformed(body)
            if problem:
                return problem
            sender = body.get("sender")
            verdict = fair_share.admit(None if sender is None else str(sender), fair_share.client_address(request))
            if not verdict.admitted:
                return limits.refusal(HTTPStatus.TOO_MANY_REQUESTS, limits.SLOW_DOWN,
                                      {"Retry-After": verdict.retry_after_header})
            return None

        return blueprint
