"""Actions that help a person see which role fits them."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import RoleAction, SafeAction, knowledge, preferences
from bot import replies
from bot.context import subject_role
from bot.knowledge import Role


class ActionFitCheck(RoleAction):
    """"Is PM a good fit if I like organizing?": weighs what they like against what sources say of the role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_fit_check"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        likes, dislikes = preferences(tracker)
        return replies.fit_check(knowledge(), roles[0], likes, dislikes)


class ActionRecommendRole(SafeAction):
    """"Which career is right for me?": a recommendation from what they said they like, else the sources' guide."""

    def name(self) -> str:
        return "action_recommend_role"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        likes, dislikes = preferences(tracker)
        dispatcher.utter_message(text=replies.recommendation(knowledge(), likes, dislikes))
        return []
