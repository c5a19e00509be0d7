"""The interest quiz: a Rasa form over the activities in interests.yml and the preparation question, then
the occupations of the chosen job zones whose interest profiles match best (bot/catalogue/interests.py,
answers.py), and the same answers one zone down or up ("show me ones that need less preparation").
"""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ATTRIBUTE_SLOT, ROLES_SLOT, SafeAction, catalogue, entity_values, guide, library, listed, send_chart
from actions.forms import REQUESTED_SLOT, AskQuestion, Buttons, QuizFormValidation, generated_ask_actions, intent_of
from bot import topics
from bot.catalogue import answers
from bot.catalogue.answers import Choice
from bot.catalogue.interests import JOB_ZONES, moved, profile_from_answers, quiz_result

SLOT_PREFIX = "interest_"
PREPARATION_SLOT = "interest_preparation"
PREPARATION_ENTITY = "preparation_limit"  # a zone choice's id, from a button or a typed answer
ZONES_SLOT = "interest_zones"  # the job zones the matches were last drawn from
# Moving the matches one job zone down or up: the intent, its button's title and the step.
ZONE_MOVES = {"less_preparation": ("Ones that need less preparation", -1),
              "more_preparation": ("Ones that need more preparation", 1)}
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


def preparation_choice(tracker: Tracker) -> str | None:
    """The zone choice this message names, by its id."""
    return next((value for value in entity_values(tracker, PREPARATION_ENTITY) if value in guide().zone_choices), None)


def preparation_buttons() -> Buttons:
    return [
        {"title": choice.label, "payload": f'/choose_preparation{{"{PREPARATION_ENTITY}": "{choice.id}"}}'}
        for choice in guide().zone_choices.values()
    ]


def read_reply(tracker: Tracker, requested: str | None) -> dict[str, str]:
    """The answer this message gives to the question asked, keyed by its slot; empty when it gives none."""
    if requested == PREPARATION_SLOT:
        choice = preparation_choice(tracker)
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
        return guide().zone_question, preparation_buttons()


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
        return [SlotSet(slot, None) for slot in [*interest_slots(), ZONES_SLOT, REQUESTED_SLOT]]


def given_answers(tracker: Tracker) -> dict[str, str]:
    """The activities answered so far: statement id -> answer id."""
    given = {statement.id: tracker.get_slot(slot_for(statement.id)) for statement in guide().statements}
    return {statement: answer for statement, answer in given.items() if answer in guide().answers}


def show_matches(dispatcher: CollectingDispatcher, tracker: Tracker, zones: tuple[int, ...]) -> list[EventType]:
    """The matches of the person's answers in these job zones, with a button for each way they can move;
    the best becomes the subject of follow-ups, and all of them can be named by place."""
    given = given_answers(tracker)
    result = quiz_result(catalogue(), guide(), given, zones)
    buttons = [] if result.every_zone or result.flat_profile else [
        {"title": title, "payload": f"/{intent}"} for intent, (title, step) in ZONE_MOVES.items() if moved(zones, step)]
    dispatcher.utter_message(text=answers.recommendation(catalogue(), result, guide()), buttons=buttons)
    send_chart(dispatcher, topics.interest_chart(library(), profile_from_answers(guide(), given), result))
    if not result.matches:
        return []
    shown = tuple(Choice(found.occupation.title, found.occupation.code) for found in result.matches)
    return [SlotSet(ROLES_SLOT, [shown[0].code]), SlotSet(ATTRIBUTE_SLOT, None), SlotSet(ZONES_SLOT, list(zones)), *listed(shown)]


def chosen_zones(choice_id: str | None) -> tuple[int, ...]:
    choice = guide().zone_choices.get(choice_id or "")
    return choice.zones if choice else JOB_ZONES


class ActionRecommendOccupations(SafeAction):
    """The quiz's result: the best matches in the job zones the person chose, with reasons."""

    def name(self) -> str:
        return "action_recommend_occupations"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        return show_matches(dispatcher, tracker, chosen_zones(tracker.get_slot(PREPARATION_SLOT)))


class ActionChangeInterestZone(SafeAction):
    """After the matches: the same answers one job zone down or up, or in the zones of another preparation choice."""

    def name(self) -> str:
        return "action_change_interest_zone"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if not given_answers(tracker):
            dispatcher.utter_message(text=answers.NO_INTEREST_QUIZ_YET,
                                     buttons=[{"title": "Quiz me on my interests", "payload": "/start_interest_quiz"}])
            return []
        intent = intent_of(tracker) or ""
        if intent not in ZONE_MOVES:
            choice = preparation_choice(tracker)
            if choice is None:
                dispatcher.utter_message(text=guide().zone_question, buttons=preparation_buttons())
                return []
            return [SlotSet(PREPARATION_SLOT, choice), *show_matches(dispatcher, tracker, chosen_zones(choice))]
        shown = tuple(tracker.get_slot(ZONES_SLOT) or chosen_zones(tracker.get_slot(PREPARATION_SLOT)))
        step = ZONE_MOVES[intent][1]
        zones = moved(shown, step)
        if zones is None:
            dispatcher.utter_message(text=answers.zone_move_refused(guide(), shown, step), buttons=preparation_buttons())
            return []
        return show_matches(dispatcher, tracker, zones)
