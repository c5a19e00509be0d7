"""The career quiz: a Rasa form whose answers are read by bot/quiz.py and scored by bot/recommend.py."""
from __future__ import annotations

from abc import abstractmethod

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import LISTED_SLOT, ROLES_SLOT, SafeAction, entity_values, knowledge, preferences
from actions.forms import REQUESTED_SLOT, AskQuestion, Buttons, QuizFormValidation, generated_ask_actions, intent_of
from actions.roles import ActionDescribeRole
from bot import advice, quiz
from bot.context import listed_position
from bot.knowledge import QuizQuestion
from bot.recommend import recommend

RECOMMENDED_SLOT = "recommended_role"
COMPLETE_SLOT = "quiz_complete"
PLAIN_ANSWERS = {"affirm": quiz.YES, "answer_somewhat": quiz.SOMEWHAT, "deny": quiz.NO}
NO_RECOMMENDATION_YET = "I haven't recommended a role yet. Say \"which career is right for me?\" and I'll ask a few quick questions."
LEVEL_PAYLOADS = {quiz.YES: "/affirm", quiz.SOMEWHAT: "/answer_somewhat", quiz.NO: "/deny"}


SLOT_PREFIX = "quiz_"


def slot_for(question_id: str) -> str:
    return f"{SLOT_PREFIX}{question_id}"


def question_for(slot: str | None) -> str | None:
    """The question a quiz slot holds the answer to; None for any other slot."""
    return slot.removeprefix(SLOT_PREFIX) if slot in quiz_slots() else None


def quiz_slots() -> list[str]:
    return [slot_for(question.id) for question in knowledge().quiz]


def answers_so_far(tracker: Tracker) -> dict[str, str]:
    return {
        question.id: tracker.get_slot(slot_for(question.id))
        for question in knowledge().quiz
        if tracker.get_slot(slot_for(question.id))
    }


def levels(tracker: Tracker) -> dict[str, float]:
    return quiz.trait_levels(knowledge(), answers_so_far(tracker))


def read_reply(tracker: Tracker, asked: str | None) -> dict[str, str]:
    """Every quiz answer the latest message gives, keyed by slot."""
    likes, dislikes = preferences(tracker)
    choice = next(iter(entity_values(tracker, "preparation")), None)
    answers = quiz.read_reply(
        knowledge(), asked, tracker.latest_message.get("text") or "", PLAIN_ANSWERS.get(intent_of(tracker)), likes, dislikes, choice
    )
    return {slot_for(question_id): answer for question_id, answer in answers.items()}


def answer_buttons(question: QuizQuestion) -> Buttons:
    """Buttons whose payloads the form reads like typed answers."""
    if question.choices is not None:
        return [
            {"title": question.labels[choice], "payload": f'/choose_{question.id}{{"{question.id}": "{choice}"}}'}
            for choice in question.choices
        ]
    return [{"title": question.labels[answer], "payload": LEVEL_PAYLOADS[answer]} for answer in quiz.LEVELS]


class AskQuizQuestion(AskQuestion):
    """Asks one quiz question, worded in the knowledge file, with its answers as buttons."""

    slot_prefix = SLOT_PREFIX

    def question(self) -> tuple[str, Buttons]:
        question = quiz.question(knowledge(), self.question_id)
        return question.ask, answer_buttons(question)


ASK_ACTIONS = generated_ask_actions(AskQuizQuestion, [question.id for question in knowledge().quiz], __name__)


class ValidateCareerQuizForm(QuizFormValidation):
    """Reads each reply: the answer to the question asked, plus likes and dislikes that answer others."""

    def name(self) -> str:
        return "validate_career_quiz_form"

    def slots(self) -> list[str]:
        return quiz_slots()

    def read(self, tracker: Tracker, requested: str | None) -> dict[str, str]:
        return read_reply(tracker, question_for(requested))

    def is_answer(self, tracker: Tracker) -> bool:
        """An answer intent, or likes and dislikes with no role named ("to be honest I enjoy organising")."""
        states_preferences = any(preferences(tracker)) and not entity_values(tracker, "role")
        return super().is_answer(tracker) or states_preferences


def cleared_quiz() -> list[EventType]:
    return [SlotSet(slot, None) for slot in [*quiz_slots(), RECOMMENDED_SLOT, REQUESTED_SLOT]] + [
        SlotSet(COMPLETE_SLOT, False)
    ]


class ActionStartQuiz(SafeAction):
    """A fresh quiz that already counts what the person volunteered ("I love programming")."""

    def name(self) -> str:
        return "action_start_quiz"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        volunteered = read_reply(tracker, asked=None)
        return cleared_quiz() + [SlotSet(slot, value) for slot, value in volunteered.items()]


class ActionRestartQuiz(SafeAction):
    """"Start over": forget every answer so the form asks from the first question."""

    def name(self) -> str:
        return "action_restart_quiz"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        return cleared_quiz()


class ActionUpdateQuizAnswers(SafeAction):
    """"Actually I do like leading teams" after the result: change those answers, keep the rest."""

    def name(self) -> str:
        return "action_update_quiz_answers"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        return [SlotSet(slot, value) for slot, value in read_reply(tracker, asked=None).items()]


class ActionRecommendRole(SafeAction):
    """The quiz's result; the recommended role becomes the subject for "tell me more" and "how do I get there?"."""

    def name(self) -> str:
        return "action_recommend_role"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        trait_levels = levels(tracker)
        result = recommend(knowledge(), trait_levels)
        dispatcher.utter_message(text=advice.quiz_result(knowledge(), result, trait_levels))
        # The ranking is now the last list: "the second one" no longer means an earlier list's second.
        if not result.decided:
            return [SlotSet(COMPLETE_SLOT, True), SlotSet(LISTED_SLOT, None)]
        best = result.best.role.id
        return [SlotSet(COMPLETE_SLOT, True), SlotSet(RECOMMENDED_SLOT, best), SlotSet(ROLES_SLOT, [best]), SlotSet(LISTED_SLOT, None)]


class RecommendationFollowUp(SafeAction):
    """A follow-up that needs a recommendation to have been made."""

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        if not tracker.get_slot(RECOMMENDED_SLOT):
            dispatcher.utter_message(text=NO_RECOMMENDATION_YET)
            return []
        dispatcher.utter_message(text=self.explain(levels(tracker)))
        return []

    @abstractmethod
    def explain(self, trait_levels: dict[str, float]) -> str:
        ...


class ActionExplainRecommendation(RecommendationFollowUp):
    """"Why?": every answer that counted, for and against."""

    def name(self) -> str:
        return "action_explain_recommendation"

    def explain(self, trait_levels: dict[str, float]) -> str:
        return advice.explain_why(knowledge(), trait_levels)


class ActionExplainOtherRoles(RecommendationFollowUp):
    """"What about the others?": how the roles not recommended scored, and why."""

    def name(self) -> str:
        return "action_explain_other_roles"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """"And the second one?" after a numbered list of occupations means that occupation, not the quiz's runners-up."""
        if tracker.get_slot(LISTED_SLOT) and listed_position(tracker.latest_message.get("text") or ""):
            return ActionDescribeRole().respond(dispatcher, tracker)
        return super().respond(dispatcher, tracker)

    def explain(self, trait_levels: dict[str, float]) -> str:
        return advice.explain_others(knowledge(), trait_levels)
