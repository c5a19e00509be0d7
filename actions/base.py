"""The adapter between Rasa and bot/: read the tracker, ask bot/ for a reply, return slot events.

Actions hold no facts, numbers or role names; those come from the knowledge files through bot/.
"""
from __future__ import annotations

import json
import logging
from abc import ABC, abstractmethod
from typing import Any, Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import replies
from bot.catalogue import answers
from bot.catalogue.interests import InterestGuide, default_interest_guide
from bot.catalogue.model import Catalogue, default_catalogue
from bot.catalogue.titles import TitleIndex, TitleMatch, default_title_index
from bot.context import MessageRoles, Subject, Topic, TopicFinder, topic_id
from bot.knowledge import ATTRIBUTES, Knowledge, default_knowledge
from bot.resolve import RoleResolver

logger = logging.getLogger(__name__)

ROLES_SLOT = "roles"
# Said when an action breaks; it cannot live in the domain, which only rules' responses may use.
APOLOGY = "Sorry, I can't look that up right now. Please try again in a moment."
ATTRIBUTE_SLOT = "attribute"
# Topics only the catalogue has: an occupation's interest areas and the occupations related to it.
CATALOGUE_ATTRIBUTES = ("interests", "related")

SubjectChooser = Callable[[Knowledge, Catalogue, MessageRoles, list[str]], Subject]


def knowledge() -> Knowledge:
    return default_knowledge()


def catalogue() -> Catalogue:
    return default_catalogue()


def titles() -> TitleIndex:
    return default_title_index()


def guide() -> InterestGuide:
    return default_interest_guide()


_finder: TopicFinder | None = None


def finder() -> TopicFinder:
    global _finder
    if _finder is None:
        _finder = TopicFinder(knowledge(), RoleResolver(knowledge()), titles())
    return _finder


def entity_values(tracker: Tracker, entity: str, role: str | None = None) -> list[str]:
    """Values of one entity in the latest message, optionally only those with a given entity role."""
    return [
        str(item["value"])
        for item in tracker.latest_message.get("entities", [])
        if item.get("entity") == entity and item.get("value") is not None and item.get("role") == role
    ]


def message_roles(tracker: Tracker) -> MessageRoles:
    return finder().in_message(entity_values(tracker, "role"), tracker.latest_message.get("text") or "")


def asked_attribute(tracker: Tracker) -> str | None:
    """The attribute named in this message, if it is one the knowledge files have."""
    known = ATTRIBUTES + CATALOGUE_ATTRIBUTES
    return next((value for value in entity_values(tracker, "attribute") if value in known), None)


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


def clarification_buttons(tracker: Tracker, match: TitleMatch, attribute: str | None) -> tuple[str, list[dict[str, str]]]:
    """The clarifying question, with buttons that repeat this turn's question for one occupation, named by code."""
    clarification = answers.clarify(catalogue(), match)
    intent = (tracker.latest_message.get("intent") or {}).get("name") or "ask_role"
    extra = {"attribute": attribute} if attribute else {}
    buttons = [
        {"title": choice.title, "payload": f"/{intent}{json.dumps({'role': choice.code, **extra})}"}
        for choice in clarification.choices
    ]
    return clarification.text, buttons


class RoleAction(SafeAction, ABC):
    """Answers about the roles and occupations a turn is about; remembers them for follow-ups."""

    choose_subject: SubjectChooser  # set with staticmethod() in each subclass

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        previous = tracker.get_slot(ROLES_SLOT) or []
        subject = self.choose_subject(knowledge(), catalogue(), message_roles(tracker), previous)
        attribute = self.attribute(tracker)
        if subject.unanswerable.ambiguous:
            text, buttons = clarification_buttons(tracker, subject.unanswerable.ambiguous[0], attribute)
            dispatcher.utter_message(text=text, buttons=buttons)
            # What else was named is kept, so a comparison goes on with it once the person picks.
            return [SlotSet(ROLES_SLOT, [topic_id(topic) for topic in subject.roles])] if subject.roles else []
        if subject.unanswerable.unknown:
            dispatcher.utter_message(text=replies.unknown_role(catalogue(), subject.unanswerable.unknown[0]))
            return []
        if not subject.roles:
            dispatcher.utter_message(text=replies.ASK_WHICH_ROLE, buttons=role_buttons("ask_role"))
            return []
        dispatcher.utter_message(text=self.answer(subject.roles, attribute, tracker))
        return [SlotSet(ROLES_SLOT, [topic_id(topic) for topic in subject.roles]), SlotSet(ATTRIBUTE_SLOT, attribute)]

    def attribute(self, tracker: Tracker) -> str | None:
        """The attribute this turn is about, remembered so "and project managers?" keeps the topic."""
        return None

    @abstractmethod
    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        ...
