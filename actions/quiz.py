"""The career quiz: a Rasa form whose answers are read by bot/quiz.py and scored by bot/recommend.py."""
from __future__ import annotations

from abc import abstractmethod

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.base import ROLES_SLOT, SafeAction, entity_values, knowledge, preferences
from bot import advice, quiz
from bot.knowledge import QuizQuestion
from bot.recommend import recommend

REQUESTED_SLOT = "requested_slot"
RECOMMENDED_SLOT = "recommended_role"
COMPLETE_SLOT = "quiz_complete"
# Intents that can be answers to a quiz question; any other intent interrupts the quiz (the rules
# answer it and the form resumes).
ANSWER_INTENTS = {"affirm", "deny", "answer_somewhat", "inform_preference", "choose_preparation", "out_of_scope", "nlu_fallback"}
PLAIN_ANSWERS = {"affirm": quiz.YES, "answer_somewhat": quiz.SOMEWHAT, "deny": quiz.NO}
NO_RECOMMENDATION_YET = "I haven't recommended a role yet. Say \"which career is right for me?\" and I'll ask a few quick questions."
LEVEL_PAYLOADS = {quiz.YES: "/affirm", quiz.SOMEWHAT: "/answer_somewhat", quiz.NO: "/deny"}
DID_NOT_CATCH = "Sorry, I didn't catch that. Please pick one of the options, or say \"stop\" to leave the quiz."


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
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    likes, dislikes = preferences(tracker)
    choice = next(iter(entity_values(tracker, "preparation")), None)
    answers = quiz.read_reply(
        knowledge(), asked, tracker.latest_message.get("text") or "", PLAIN_ANSWERS.get(intent), likes, dislikes, choice
    )
    return {slot_for(question_id): answer for question_id, answer in answers.items()}


def is_answer(tracker: Tracker) -> bool:
    """An answer intent, or likes and dislikes with no role named ("to be honest I enjoy organising")."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    states_preferences = any(preferences(tracker)) and not entity_values(tracker, "role")
    return intent in ANSWER_INTENTS or states_preferences


def answer_buttons(question: QuizQuestion) -> list[dict[str, str]]:
    """Buttons whose payloads the form reads like typed answers."""
    if question.choices is not None:
        return [
            {"title": question.labels[choice], "payload": f'/choose_{question.id}{{"{question.id}": "{choice}"}}'}
            for choice in question.choices
        ]
    return [{"title": question.labels[answer], "payload": LEVEL_PAYLOADS[answer]} for answer in quiz.LEVELS]


class AskQuizQuestion(SafeAction):
    """Asks one quiz question, worded in the knowledge file, with its answers as buttons."""

    @property
    @abstractmethod
    def question_id(self) -> str:
        """Set as a class attribute by each generated subclass."""

    def name(self) -> str:
        return f"action_ask_{slot_for(self.question_id)}"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        question = quiz.question(knowledge(), self.question_id)
        dispatcher.utter_message(text=question.ask, buttons=answer_buttons(question))
        return []


# One action per question: Rasa's form asks for slot X by running action_ask_X.
ASK_ACTIONS = [
    type(f"AskQuiz{question.id.capitalize()}", (AskQuizQuestion,), {"question_id": question.id, "__module__": __name__})
    for question in knowledge().quiz
]


class ValidateCareerQuizForm(FormValidationAction):
    """Reads each reply: the answer to the question asked, plus anything volunteered about the others."""

    def name(self) -> str:
        return "validate_career_quiz_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return quiz_slots()

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not is_answer(tracker):
            return []  # a question mid-quiz: nothing extracted, so the form yields to the rules
        requested = tracker.get_slot(REQUESTED_SLOT)
        answers = read_reply(tracker, question_for(requested))
        if requested and requested not in answers:
            dispatcher.utter_message(text=DID_NOT_CATCH)
            answers[requested] = None  # keeps the form active; it asks the same question again
        return [SlotSet(slot, value) for slot, value in answers.items()]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answers are already checked when read; pass on this turn's quiz slots unchanged."""
        slots = tracker.slots_to_validate()
        return [SlotSet(slot, value) for slot, value in slots.items() if slot in quiz_slots()]


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
        if not result.decided:
            return [SlotSet(COMPLETE_SLOT, True)]
        best = result.best.role.id
        return [SlotSet(COMPLETE_SLOT, True), SlotSet(RECOMMENDED_SLOT, best), SlotSet(ROLES_SLOT, [best])]


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

    def explain(self, trait_levels: dict[str, float]) -> str:
        return advice.explain_others(knowledge(), trait_levels)
