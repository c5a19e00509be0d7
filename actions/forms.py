"""What the bot's quizzes share: a Rasa form with one slot per question, asked by generated actions.

Each quiz says which slots it has and how it reads a reply; asking, re-asking an unreadable answer
and yielding to the rules for a question mid-quiz are the same for all.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Iterable

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.base import SafeAction

REQUESTED_SLOT = "requested_slot"
# Intents that can be answers to a quiz question; any other intent interrupts the quiz (the rules
# answer it and the form resumes).
ANSWER_INTENTS = {"affirm", "deny", "answer_somewhat", "inform_preference", "choose_preparation", "out_of_scope", "nlu_fallback"}
DID_NOT_CATCH = "Sorry, I didn't catch that. Please pick one of the options, or say \"stop\" to leave the quiz."


def intent_of(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


Buttons = list[dict[str, str]]


class AskQuestion(SafeAction, ABC):
    """Asks one quiz question with its answers as buttons. Rasa's form asks for slot X by running action_ask_X."""

    slot_prefix: str  # set by each quiz's subclass

    @property
    @abstractmethod
    def question_id(self) -> str:
        """Set as a class attribute by each generated subclass."""

    @abstractmethod
    def question(self) -> tuple[str, Buttons]:
        """The question's text and its answer buttons."""

    def name(self) -> str:
        return f"action_ask_{self.slot_prefix}{self.question_id}"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        text, buttons = self.question()
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


def generated_ask_actions(base: type[AskQuestion], ids: Iterable[str], module: str) -> list[type[AskQuestion]]:
    """One subclass of base per question id."""
    return [
        type(f"{base.__name__}{''.join(part.capitalize() for part in question_id.split('_'))}", (base,),
             {"question_id": question_id, "__module__": module})
        for question_id in ids
    ]


class QuizFormValidation(FormValidationAction, ABC):
    """Reads each reply: the answer to the question asked, plus anything it says about the others.

    Shared by the quizzes and the hand-off form: a reply that is no answer (by intent) leaves the form
    to the rules; an answer that can't be read is said so, and the question asked again.
    """

    @abstractmethod
    def slots(self) -> list[str]:
        """The quiz's slots, in the order their questions are asked."""

    @abstractmethod
    def read(self, tracker: Tracker, requested: str | None) -> dict[str, Any]:
        """Every answer the latest message gives, keyed by slot."""

    def not_understood(self, tracker: Tracker, requested: str) -> str:
        """Said before the question is asked again."""
        return DID_NOT_CATCH

    def is_answer(self, tracker: Tracker) -> bool:
        return intent_of(tracker) in ANSWER_INTENTS

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return self.slots()

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not self.is_answer(tracker):
            return []  # a question mid-quiz: nothing extracted, so the form yields to the rules
        requested = tracker.get_slot(REQUESTED_SLOT)
        answers: dict[str, Any] = dict(self.read(tracker, requested))
        if requested and requested not in answers:
            dispatcher.utter_message(text=self.not_understood(tracker, requested))
            answers[requested] = None  # keeps the form active; it asks the same question again
        return [SlotSet(slot, value) for slot, value in answers.items()]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answers are already checked when read; pass on this turn's quiz slots unchanged."""
        slots = tracker.slots_to_validate()
        return [SlotSet(slot, value) for slot, value in slots.items() if slot in self.slots()]
