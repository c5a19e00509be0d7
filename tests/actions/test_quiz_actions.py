"""The quiz's actions, with rasa_sdk's Tracker and CollectingDispatcher."""
from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import DID_NOT_CATCH
from actions.quiz import (
    NO_RECOMMENDATION_YET, ActionExplainRecommendation, ActionRecommendRole, ActionStartQuiz, ActionUpdateQuizAnswers,
    ValidateCareerQuizForm,
)
from tests.actions.test_actions import entity, run, tracker

DOMAIN = {"slots": {}, "forms": {"career_quiz_form": {"required_slots": []}}}
ALL_ANSWERED = dict(quiz_technical="yes", quiz_planning="no", quiz_people="no", quiz_teaching="no", quiz_pay="no",
                    quiz_preparation="neither")


def validate(text, intent, entities=None, **slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateCareerQuizForm().run(dispatcher, tracker(text, intent, entities, **slots), DOMAIN))
    said = "\n".join(message.get("text") or "" for message in dispatcher.messages)
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}, said


def test_a_button_answer_fills_the_asked_question():
    slots, _ = validate("/answer_somewhat", "answer_somewhat", requested_slot="quiz_planning")
    assert slots["quiz_planning"] == "somewhat"


def test_free_text_with_a_contrast_answers_two_questions():
    slots, _ = validate("i'd rather code", "inform_preference", [entity("preference", "technical_work")],
                        requested_slot="quiz_planning")
    assert slots["quiz_technical"] == "yes" and slots["quiz_planning"] == "no"


def test_an_unreadable_answer_is_asked_again_with_a_hint():
    slots, said = validate("purple", "out_of_scope", requested_slot="quiz_pay")
    assert slots["quiz_pay"] is None and said == DID_NOT_CATCH


def test_a_question_mid_quiz_is_left_to_the_rules():
    slots, said = validate("how much do PMs earn?", "ask_attribute", requested_slot="quiz_pay")
    assert "quiz_pay" not in slots and said == ""


def test_start_clears_old_answers_and_counts_volunteered_ones():
    t = tracker("I love programming and hate managing people, what should I do?", "ask_recommendation",
                [entity("preference", "technical_work"), entity("preference", "leading", role="dislike")], **ALL_ANSWERED)
    _, _, events = run(ActionStartQuiz(), t)
    slots = {event["name"]: event["value"] for event in events}
    assert slots["quiz_technical"] == "yes" and slots["quiz_people"] == "no"
    assert slots["quiz_pay"] is None and slots["quiz_complete"] is False


def test_result_sets_the_recommended_role_as_the_subject():
    text, _, events = run(ActionRecommendRole(), tracker("/deny", "deny", **ALL_ANSWERED))
    assert text.startswith("My recommendation: technical expert")
    assert SlotSet("recommended_role", "technical_expert") in events and SlotSet("roles", ["technical_expert"]) in events
    assert SlotSet("quiz_complete", True) in events


def test_changed_answer_keeps_the_others():
    t = tracker("actually i do like leading teams", "inform_preference", [entity("preference", "leading")], **ALL_ANSWERED)
    _, _, events = run(ActionUpdateQuizAnswers(), t)
    assert events == [SlotSet("quiz_people", "yes")]


def test_why_before_any_recommendation_says_so():
    dispatcher = CollectingDispatcher()
    events = ActionExplainRecommendation().run(dispatcher, tracker("why?", "ask_why"), {})
    assert [message["text"] for message in dispatcher.messages] == [NO_RECOMMENDATION_YET]
    assert events == []


def test_each_question_is_asked_from_the_knowledge_file_with_answer_buttons():
    from actions.quiz import ASK_ACTIONS
    from bot.knowledge import load_knowledge

    questions = load_knowledge().quiz
    assert [action().name() for action in ASK_ACTIONS] == [f"action_ask_quiz_{q.id}" for q in questions]
    text, buttons, _ = run(ASK_ACTIONS[-1](), tracker("", "affirm"))
    assert text == questions[-1].ask
    assert buttons[1] == {"title": "An MBA or PMP certification", "payload": '/choose_preparation{"preparation": "business"}'}


def test_likes_stated_under_another_intent_still_answer_the_quiz():
    slots, _ = validate("to be honest i enjoy organising a lot", "fit_check", [entity("preference", "planning")],
                        requested_slot="quiz_planning")
    assert slots["quiz_planning"] == "yes"
