"""Actions that say what the bot can do and where its facts come from."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction, knowledge
from bot import replies


class ActionListCapabilities(SafeAction):
    """"What can you do?": the roles and topics the knowledge file covers."""

    def name(self) -> str:
        return "action_list_capabilities"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=replies.capabilities(knowledge()))
        return []


class ActionListSources(SafeAction):
    """"Where does your information come from?": every source by title."""

    def name(self) -> str:
        return "action_list_sources"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=replies.sources_list(knowledge()))
        return []

