"""Rasa's REST channel, answering even when handling a message fails (channels/guard.py)."""
from __future__ import annotations

from rasa.core.channels import rest
from sanic import Blueprint

from channels.guard import MessageHandler, answering


class RestInput(rest.RestInput):
    """`/webhooks/rest/webhook`, as in Rasa."""

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        return super().blueprint(answering(on_new_message))
