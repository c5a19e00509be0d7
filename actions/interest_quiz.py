"""The interest quiz: a Rasa form over the activities in interests.yml and the preparation question, then
the occupations whose interest profiles match best (bot/catalogue/interests.py, answers.py).
"""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ATTRIBUTE_SLOT, ROLES_SLOT, SafeAction, catalogue, entity_values, guide, library, send_chart
from actions.forms import REQUESTED_SLOT, AskQuestion, Buttons, QuizFormValidation, generated_ask_actions, intent_of
from bot import topics
from bot.catalogue import answers
from bot.catalogue.interests import match, profile_from_answers

SLOT_PREFIX = "interest_"
PREPARATION_SLOT = "interest_preparation"
PREPARATION_ENTITY = "preparation_limit"  # a zone choice's id, from a button or a typed answer
# A typed or clicked answer to an activity, by intent, as the answer ids of interests.yml.
PLAIN_ANSWERS = {"affirm": "like", "answer_somewhat": "unsure", "deny": "dislike"}
ANSWER_PAYLOADS = {answer: f"/{intent}" for intent, answer in PLAIN_ANSWERS.items()}


def slot_for(statement_id: str) -> str:
    return f"{SLOT_PREFIX}{statement_id}"


def statement_slots() -> list[str]:
    return [slot_for(statement.id) for statement in guide().statements]


def interest_slots() -> list[str]:
    """Every slot of the form, in the order it asks: the activities, then the preparation."""
    return [*statement_slots(), PREPARATION_SLOT]


def read_reply(tracker: Tracker, requested: str | None) -> dict[str, str]:
    """The answer this message gives to the question asked, keyed by its slot; empty when it gives none."""
    if requested == PREPARATION_SLOT:
        choice = next((value for value in entity_values(tracker, PREPARATION_ENTITY) if value in guide().zone_choices), None)
        return {PREPARATION_SLOT: choice} if choice else {}
    answer = PLAIN_ANSWERS.get(intent_of(tracker) or "")
    return {requested: answer} if answer and requested in statement_slots() else {}


class AskInterestStatement(AskQuestion):
    """Asks how one activity sounds, with the answers of interests.yml as buttons."""

    slot_prefix = SLOT_PREFIX

    def question(self) -> tuple[str, Buttons]:
        statements = guide().statements
        number = next(index for index, statement in enumerate(statements, 1) if statement.id == self.question_id)
        text = f"{guide().statement_prompt} ({number} of {len(statements)})\n{guide().statement(self.question_id).text}"
        return text, [{"title": option.label, "payload": ANSWER_PAYLOADS[option.id]} for option in guide().answers.values()]


ASK_ACTIONS = generated_ask_actions(AskInterestStatement, [statement.id for statement in guide().statements], __name__)


class ActionAskInterestPreparation(AskQuestion):
    """Asks how much preparation the person would take on; the answer filters occupations by job zone."""

    slot_prefix = SLOT_PREFIX
    question_id = PREPARATION_SLOT.removeprefix(SLOT_PREFIX)

    def question(self) -> tuple[str, Buttons]:
        buttons = [
            {"title": choice.label, "payload": f'/choose_preparation{{"{PREPARATION_ENTITY}": "{choice.id}"}}'}
            for choice in guide().zone_choices.values()
        ]
        return guide().zone_question, buttons


class ValidateInterestQuizForm(QuizFormValidation):
    """Reads each reply as the answer to the activity or the preparation question asked."""

    def name(self) -> str:
        return "validate_interest_quiz_form"

    def slots(self) -> list[str]:
        return interest_slots()

    def read(self, tracker: Tracker, requested: str | None) -> dict[str, str]:
        return read_reply(tracker, requested)


class ActionStartInterestQuiz(SafeAction):
    """A fresh interest quiz (also "start over"): the introduction, and every earlier answer forgotten."""

    def name(self) -> str:
        return "action_start_interest_quiz"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if guide().intro:
            dispatcher.utter_message(text=guide().intro)
        return [SlotSet(slot, None) for slot in [*interest_slots(), REQUESTED_SLOT]]


class ActionRecommendOccupations(SafeAction):
    """The quiz's result: the best matches with reasons; the best becomes the subject of follow-ups."""

    def name(self) -> str:
        return "action_recommend_occupations"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        given = {statement.id: tracker.get_slot(slot_for(statement.id)) for statement in guide().statements}
        profile = profile_from_answers(guide(), {statement: answer for statement, answer in given.items() if answer})
        choice = guide().zone_choices.get(tracker.get_slot(PREPARATION_SLOT) or "")
        result = match(catalogue(), profile, max_zone=choice.max_zone if choice else None)
        dispatcher.utter_message(text=answers.recommendation(catalogue(), result, guide()))
        send_chart(dispatcher, topics.interest_chart(library(), profile, result))
        if not result.matches:
            return []
        return [SlotSet(ROLES_SLOT, [result.matches[0].occupation.code]), SlotSet(ATTRIBUTE_SLOT, None)]
