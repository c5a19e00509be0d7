"""The adapter between Rasa and bot/: read the tracker, ask bot/ for a reply, return slot events.

Actions hold no facts, numbers or role names; those come from the knowledge files through bot/.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
from abc import ABC, abstractmethod
from typing import Any, Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from analytics.markers import events_from_dicts, second_miss_in_a_row
from bot import handoff, replies, topics
from bot.charts import Chart
from bot.contract import APOLOGY
from bot.catalogue import answers
from bot.catalogue.answers import Choice
from bot.catalogue.interests import InterestGuide
from bot.catalogue.model import Catalogue
from bot.catalogue.titles import TitleMatch, default_title_index
from bot.context import MessageRoles, Subject, TopicFinder
from bot.knowledge import Knowledge
from bot.question import Question, read_question
from bot.resolve import RoleResolver
from bot.text import clean_mention
from bot.topics import Library, Topic

logger = logging.getLogger(__name__)

ROLES_SLOT = "roles"
ATTRIBUTE_SLOT = "attribute"
# Set to the job named in a turn the bot could not answer, and cleared in the same turn (markers.yml).
UNKNOWN_OCCUPATION_SLOT = "unknown_occupation"
# The occupations of the last numbered list, in order, so "the second one" names one.
LISTED_SLOT = "listed_occupations"
# The occupation a person said they work in ("I'm a nurse, what else could I do?"), for "what would I need to learn?".
CURRENT_SLOT = "current_occupation"

SubjectChooser = Callable[[Library, MessageRoles, list[str]], Subject]


def library() -> Library:
    return topics.default_library()


def knowledge() -> Knowledge:
    return library().knowledge


def catalogue() -> Catalogue:
    return library().catalogue


def guide() -> InterestGuide:
    return library().guide


_finder: TopicFinder | None = None


def finder() -> TopicFinder:
    global _finder
    if _finder is None:
        _finder = TopicFinder(knowledge(), RoleResolver(knowledge()), default_title_index())
    return _finder


def entity_values(tracker: Tracker, entity: str, role: str | None = None) -> list[str]:
    """Values of one entity in the latest message, optionally only those with a given entity role."""
    return [
        str(item["value"])
        for item in tracker.latest_message.get("entities", [])
        if item.get("entity") == entity and item.get("value") is not None and item.get("role") == role
    ]


def message_roles(tracker: Tracker) -> MessageRoles:
    listed = [code for code in tracker.get_slot(LISTED_SLOT) or [] if library().knows(code)]
    return finder().in_message(entity_values(tracker, "role"), tracker.latest_message.get("text") or "", listed,
                               asked(tracker).attributes)


def listed(choices: tuple[Choice, ...]) -> list[EventType]:
    """Remembers a numbered list's occupations, so "the second one" can name one next."""
    return [SlotSet(LISTED_SLOT, [choice.code for choice in choices])]


def asked(tracker: Tracker) -> Question:
    """What this message asks: the NLU's attributes, completed by bot.question's cues."""
    tagged = [value for value in entity_values(tracker, "attribute") if value in topics.ATTRIBUTE_NAMES]
    return read_question(tracker.latest_message.get("text") or "", tagged)


def asked_or_remembered(tracker: Tracker) -> Question:
    """The attributes asked now, else the one under discussion ("and project managers?").

    When the message names an attribute the bot can't map, none: an overview beats a stale topic.
    """
    question = asked(tracker)
    remembered = tracker.get_slot(ATTRIBUTE_SLOT)
    if question.attributes or entity_values(tracker, "attribute") or not remembered:
        return question
    return dataclasses.replace(question, attributes=(remembered,))


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


def send_chart(dispatcher: CollectingDispatcher, chart: Chart | None) -> None:
    """A chart, as an image message after the answer's text; the chat page server draws it at PUBLIC_URL
    (scripts/run.sh sets it), where the widget, Slack and Telegram fetch it."""
    if chart:
        dispatcher.utter_message(image=os.environ.get("PUBLIC_URL", "").rstrip("/") + chart.address, alt_text=chart.alt)


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

    @abstractmethod
    def name(self) -> str:
        ...


def choice_buttons(tracker: Tracker, choices: tuple[Choice, ...], attribute: str | None = None,
                   intent: str | None = None) -> list[dict[str, str]]:
    """Buttons that ask a question (this turn's, by default) about one occupation each, named by code."""
    intent = intent or (tracker.latest_message.get("intent") or {}).get("name") or "ask_role"
    extra = {"attribute": attribute} if attribute else {}
    return [{"title": choice.title, "payload": f"/{intent}{json.dumps({'role': choice.code, **extra})}"} for choice in choices]


def clarification_buttons(tracker: Tracker, match: TitleMatch, attribute: str | None) -> tuple[str, list[dict[str, str]]]:
    """The clarifying question, with a button for each likely occupation."""
    clarification = answers.clarify(catalogue(), match)
    return clarification.text, choice_buttons(tracker, clarification.choices, attribute)


def offer_a_person_if_stuck(dispatcher: CollectingDispatcher, tracker: Tracker, this_turn_missed: bool = False) -> None:
    """After a second turn in a row the bot could not answer (markers.yml: MISSES), offers a counsellor."""
    if second_miss_in_a_row(events_from_dicts(tracker.events), this_turn_missed):
        dispatcher.utter_message(text=handoff.OFFER,
                                 buttons=[{"title": title, "payload": payload} for title, payload in handoff.OFFER_BUTTONS])


def unknown_reply(mention: str) -> str:
    suggestion = finder().suggestion(mention)
    return topics.unknown_topic(library(), mention, catalogue().occupations[suggestion] if suggestion else None)


class RoleAction(SafeAction, ABC):
    """Answers about the roles and occupations a turn is about; remembers them for follow-ups."""

    choose_subject: SubjectChooser  # set with staticmethod() in each subclass

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        question = self.question(tracker)
        subject, events = self.subject(dispatcher, tracker, question)
        if subject is None:
            return events
        premise = topics.check_premise(library(), subject.roles, question)
        text = self.answer(subject.roles, question, tracker)
        dispatcher.utter_message(text=f"{premise}\n\n{text}" if premise else text)
        send_chart(dispatcher, self.chart(subject.roles, question))
        return [SlotSet(ROLES_SLOT, [topic.id for topic in subject.roles]), SlotSet(ATTRIBUTE_SLOT, self.remembered(question))]

    def subject(self, dispatcher: CollectingDispatcher, tracker: Tracker, question: Question) -> tuple[Subject | None, list[EventType]]:
        """The topics to answer about; or None, with the clarifying question or the "don't know" already said."""
        previous = tracker.get_slot(ROLES_SLOT) or []
        message = message_roles(tracker)
        if message.beyond_list:
            listing = topics.beyond_list(library(), tracker.get_slot(LISTED_SLOT) or [])
            dispatcher.utter_message(text=listing.text, buttons=choice_buttons(tracker, listing.choices))
            return None, []
        subject = self.choose_subject(library(), message, previous)
        if subject.unanswerable.ambiguous:
            attribute = next(iter(question.attributes), None)
            text, buttons = clarification_buttons(tracker, subject.unanswerable.ambiguous[0], attribute)
            dispatcher.utter_message(text=text, buttons=buttons)
            # What else was named is kept, so a comparison goes on with it once the person picks.
            return None, [SlotSet(ROLES_SLOT, [topic.id for topic in subject.roles])] if subject.roles else []
        if subject.unanswerable.unknown:
            mention = subject.unanswerable.unknown[0]
            dispatcher.utter_message(text=unknown_reply(mention))
            offer_a_person_if_stuck(dispatcher, tracker, this_turn_missed=True)
            # Set and cleared: the event names the moment for the markers, and no stale job lingers.
            return None, [SlotSet(UNKNOWN_OCCUPATION_SLOT, clean_mention(mention)), SlotSet(UNKNOWN_OCCUPATION_SLOT, None)]
        if not subject.roles:
            return None, self.without_subject(dispatcher)
        return subject, []

    def without_subject(self, dispatcher: CollectingDispatcher) -> list[EventType]:
        dispatcher.utter_message(text=replies.ASK_WHICH_ROLE, buttons=role_buttons("ask_role"))
        return []

    def question(self, tracker: Tracker) -> Question:
        """What the turn asks; the attribute remembered so "and project managers?" keeps the topic."""
        return asked(tracker)

    def remembered(self, question: Question) -> str | None:
        return next(iter(question.attributes), None)

    @abstractmethod
    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        ...

    def chart(self, roles: list[Topic], question: Question) -> Chart | None:
        """A chart to go with the answer, where one helps."""
        return None
