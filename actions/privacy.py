"""Forget me: confirm; the Rasa server's tracker store deletes the conversation (stores/tracker.py).

The action server stays stateless and never touches the store: deleting here would be undone by the
save that ends the turn.
"""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction
from bot.contract import FORGET_ACTION

CONFIRMATION = (
    "Done: I've deleted our conversation, including the roles we discussed and your quiz answers. "
    "If you write again, we start from scratch."
)


class ActionForgetMe(SafeAction):
    """Confirms the deletion that the tracker store carries out when it stores this turn."""

    def name(self) -> str:
        return FORGET_ACTION

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=CONFIRMATION)
        return []
