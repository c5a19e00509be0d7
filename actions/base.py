"""The adapter between Rasa and bot/: read the tracker, ask bot/ for a reply, return slot events.

Actions hold no facts, numbers or role names; those come from the knowledge file through bot/.
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import replies
from bot.context import MessageRoles, Subject, roles_in_message
from bot.knowledge import ATTRIBUTES, Knowledge, Role, default_knowledge
from bot.resolve import RoleResolver

logger = logging.getLogger(__name__)

ROLES_SLOT = "roles"
# Said when an action breaks; it cannot live in the domain, which only rules' responses may use.
APOLOGY = "Sorry, I can't look that up right now. Please try again in a moment."
ATTRIBUTE_SLOT = "attribute"

SubjectChooser = Callable[[Knowledge, MessageRoles, list[str]], Subject]


def knowledge() -> Knowledge:
    return default_knowledge()


_resolver: RoleResolver | None = None


def resolver() -> RoleResolver:
    global _resolver
    if _resolver is None:
        _resolver = RoleResolver(knowledge())
    return _resolver


def entity_values(tracker: Tracker, entity: str, role: str | None = None) -> list[str]:
    """Values of one entity in the latest message, optionally only those with a given entity role."""
    return [
        str(item["value"])
        for item in tracker.latest_message.get("entities", [])
        if item.get("entity") == entity and item.get("value") is not None and item.get("role") == role
    ]


def message_roles(tracker: Tracker) -> MessageRoles:
    return roles_in_message(resolver(), entity_values(tracker, "role"), tracker.latest_message.get("text") or "")


def asked_attribute(tracker: Tracker) -> str | None:
    """The attribute named in this message, if it is one the knowledge file has."""
    return next((value for value in entity_values(tracker, "attribute") if value in ATTRIBUTES), None)


def attribute_for_turn(tracker: Tracker) -> str | None:
    """The attribute named now, else the topic under discussion ("and project managers?").

    When the message names an attribute the bot can't map, None: an overview beats a stale topic.
    """
    if entity_values(tracker, "attribute"):
        return asked_attribute(tracker)
    return tracker.get_slot(ATTRIBUTE_SLOT)


def preferences(tracker: Tracker) -> tuple[set[str], set[str]]:
    """Trait ids the person likes and dislikes in this message."""
    traits = knowledge().traits
    likes = {value for value in entity_values(tracker, "preference") if value in traits}
    dislikes = {value for value in entity_values(tracker, "preference", role="dislike") if value in traits}
    return likes - dislikes, dislikes


def role_buttons(payload_intent: str, extra: str = "") -> list[dict[str, str]]:
    """One button per detailed role, so a person can pick instead of typing."""
    return [
        {"title": role.name.capitalize(), "payload": f'/{payload_intent}{{"role": "{role.name}"{extra}}}'}
        for role in knowledge().roles.values()
    ]


class SafeAction(Action, ABC):
    """An action that apologises instead of going silent when something breaks."""

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            return self.respond(dispatcher, tracker)
        except Exception:  # a bug must cost one answer, not the conversation
            logger.exception("action %s failed", self.name())
            dispatcher.utter_message(text=APOLOGY)
            return []

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        ...


class KnowledgeReplyAction(SafeAction, ABC):
    """Sends one reply built from the knowledge file alone."""

    @property
    @abstractmethod
    def compose(self) -> Callable[[Knowledge], str]:
        """The bot/ function that writes the reply; set with staticmethod() in each subclass."""

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=self.compose(knowledge()))
        return []


class RoleAction(SafeAction, ABC):
    """Answers about the roles a turn is about; remembers them for follow-ups."""

    choose_subject: SubjectChooser  # set with staticmethod() in each subclass

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        subject = self.choose_subject(knowledge(), message_roles(tracker), tracker.get_slot(ROLES_SLOT) or [])
        if subject.unanswerable.unknown:
            dispatcher.utter_message(text=replies.unknown_role(knowledge(), subject.unanswerable.unknown[0]))
            return []
        if subject.unanswerable.mentioned:
            mentioned = knowledge().mentioned_roles[subject.unanswerable.mentioned[0]]
            dispatcher.utter_message(text=replies.mentioned_role(knowledge(), mentioned))
            return []
        if not subject.roles:
            dispatcher.utter_message(text=replies.ASK_WHICH_ROLE, buttons=role_buttons("ask_role"))
            return []
        attribute = self.attribute(tracker)
        dispatcher.utter_message(text=self.answer(subject.roles, attribute, tracker))
        return [SlotSet(ROLES_SLOT, [role.id for role in subject.roles]), SlotSet(ATTRIBUTE_SLOT, attribute)]

    def attribute(self, tracker: Tracker) -> str | None:
        """The attribute this turn is about, remembered so "and project managers?" keeps the topic."""
        return None

    @abstractmethod
    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        ...
