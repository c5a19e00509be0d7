"""Actions that say what the bot can do and where its facts come from."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction, library
from bot import topics


class ActionListCapabilities(SafeAction):
    """"What can you do?": the article roles, the catalogue's occupations and the two quizzes."""

    def name(self) -> str:
        return "action_list_capabilities"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=topics.capabilities(library()))
        return []


class ActionListSources(SafeAction):
    """"Where does your information come from?": the articles by title, O*NET and BLS with their credit lines."""

    def name(self) -> str:
        return "action_list_sources"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=topics.attribution(library()))
        return []
