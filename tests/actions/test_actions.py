"""Each action, run with rasa_sdk's own Tracker and CollectingDispatcher."""
from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import RoleAction
from bot.contract import APOLOGY
from actions.comparisons import (
    ActionCompareRoles, ActionCompareSalary, ActionCompareTechnical, ActionDoBoth, ActionSalaryDifference,
    ActionSharedSkills,
)
from actions.guidance import ActionFitCheck
from actions.roles import ActionAnswerAttribute, ActionDescribeRole, ActionFollowUpRole
from actions.scope import ActionListCapabilities, ActionListSources


def entity(name: str, value: str, role: str | None = None) -> dict[str, Any]:
    found = {"entity": name, "value": value}
    if role:
        found["role"] = role
    return found


def tracker(text: str, intent: str, entities: list[dict[str, Any]] | None = None, **slots: Any) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []}
    return Tracker("tester", slots, message, [], False, None, {}, "action_listen")


def run(action, tracker_: Tracker) -> tuple[str, list[dict[str, Any]], list]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, {})
    text = "\n".join(message.get("text") or "" for message in dispatcher.messages)
    buttons = [button for message in dispatcher.messages for button in message.get("buttons", [])]
    return text, buttons, events


def test_describe_role_answers_and_remembers_the_role():
    text, _, events = run(ActionDescribeRole(), tracker("what does a PM do?", "ask_role", [entity("role", "PM")]))
    assert "plan, organize and direct" in text
    assert SlotSet("roles", ["project_manager"]) in events
    assert SlotSet("attribute", None) in events


def test_a_role_question_that_names_an_attribute_answers_the_attribute():
    """"What does a PM earn?" read as a question about the role still gets the pay, not the overview."""
    message = tracker("what does a project manager earn?", "ask_role",
                      [entity("role", "project manager"), entity("attribute", "salary")])
    text, _, events = run(ActionDescribeRole(), message)
    assert "$87,628" in text and "plan, organize and direct" not in text
    assert SlotSet("attribute", "salary") in events


def test_attribute_question_uses_the_attribute_entity():
    t = tracker("how much do PMs earn", "ask_attribute", [entity("role", "PMs"), entity("attribute", "salary")])
    text, _, events = run(ActionAnswerAttribute(), t)
    assert "$87,628" in text
    assert SlotSet("attribute", "salary") in events


def test_follow_up_pronoun_uses_the_role_under_discussion():
    t = tracker("how much do they earn?", "ask_attribute", [entity("attribute", "salary")], roles=["implementation_specialist"])
    text, _, _ = run(ActionAnswerAttribute(), t)
    assert "$61,287" in text


def test_role_found_in_text_when_nlu_missed_the_entity():
    text, _, _ = run(ActionAnswerAttribute(), tracker("what does a projct manger earn", "ask_attribute", [entity("attribute", "salary")]))
    assert "$87,628" in text


def test_and_project_managers_keeps_the_topic():
    t = tracker("and project managers?", "follow_up_role", [entity("role", "project managers")],
                roles=["technical_expert"], attribute="salary")
    text, _, events = run(ActionFollowUpRole(), t)
    assert "$87,628" in text
    assert SlotSet("roles", ["project_manager"]) in events and SlotSet("attribute", "salary") in events


def test_follow_up_without_a_topic_describes_the_role():
    text, _, _ = run(ActionFollowUpRole(), tracker("what about tech experts?", "follow_up_role", [entity("role", "tech experts")]))
    assert "backbone of project execution" in text


def test_technical_expert_salary_is_admitted_unknown():
    t = tracker("how much do technical experts make", "ask_attribute", [entity("role", "technical experts"), entity("attribute", "salary")])
    text, _, _ = run(ActionAnswerAttribute(), t)
    assert "I don't have a salary figure for technical experts" in text and "$" not in text


def test_unknown_role_is_named_and_context_is_kept():
    t = tracker("what does an astronaut earn", "ask_attribute", [entity("role", "astronaut"), entity("attribute", "salary")],
                roles=["project_manager"])
    text, _, events = run(ActionAnswerAttribute(), t)
    assert "I don't know “astronaut”" in text and "occupations in my catalogue" in text
    assert "$" not in text
    # The roles under discussion are kept: only the unknown job is recorded, for the markers, and cleared.
    assert [(event["name"], event["value"]) for event in events] == [("unknown_occupation", "astronaut"), ("unknown_occupation", None)]


def test_no_role_anywhere_asks_which_with_buttons():
    text, buttons, events = run(ActionDescribeRole(), tracker("what do they do", "ask_role"))
    assert text == "Which role do you mean?"
    assert [button["title"] for button in buttons] == ["Implementation specialist", "Project manager", "Technical expert"]
    assert buttons[1]["payload"] == '/ask_role{"role": "project manager"}'
    assert events == []


def test_which_pays_more_with_nothing_named_compares_every_role():
    text, _, events = run(ActionCompareSalary(), tracker("which pays more?", "compare_salary"))
    assert text.startswith("Project managers earn more")
    assert "technical experts" in text
    assert SlotSet("roles", ["implementation_specialist", "project_manager", "technical_expert"]) in events


def test_a_pay_intent_on_words_about_another_aspect_compares_that_aspect():
    """"Which employs more people?" reads like "which pays more?" to the NLU; its words decide."""
    dentists_and_pharmacists = ["29-1021.00", "29-1051.00"]
    t = tracker("which employs more people?", "compare_salary", roles=dentists_and_pharmacists)
    text, _, events = run(ActionCompareSalary(), t)
    assert text.startswith("Pharmacists have the most jobs") and "$" not in text
    assert SlotSet("attribute", "employment") in events


def test_how_much_more_reuses_the_compared_roles():
    t = tracker("how much more?", "salary_difference", roles=["implementation_specialist", "project_manager"])
    text, _, _ = run(ActionSalaryDifference(), t)
    assert "$26,341" in text and "43%" in text


def test_difference_between_two_named_roles():
    t = tracker("difference between a project manager and a technical expert", "compare_roles",
                [entity("role", "project manager"), entity("role", "technical expert")])
    text, _, _ = run(ActionCompareRoles(), t)
    assert text.startswith("Project managers vs technical experts")


def test_more_technical_and_shared_skills_and_doing_both():
    pair = [entity("role", "PM"), entity("role", "technical expert")]
    assert "Technical experts are more technical" in run(ActionCompareTechnical(), tracker("which is more technical", "compare_technical", pair))[0]
    assert "overlap" in run(ActionSharedSkills(), tracker("what do they share", "shared_skills", pair))[0]
    assert "not mutually exclusive" in run(ActionDoBoth(), tracker("can I do both", "do_both", pair))[0]


def test_fit_check_reads_likes_and_dislikes():
    t = tracker("is PM a good fit if I like organizing but hate leading people", "fit_check",
                [entity("role", "PM"), entity("preference", "planning"), entity("preference", "leading", role="dislike")])
    text, _, _ = run(ActionFitCheck(), t)
    assert "You like planning and organizing" in text
    assert "You'd rather avoid leading a team" in text



def test_capabilities_and_sources_come_from_the_knowledge_files():
    capabilities = run(ActionListCapabilities(), tracker("what can you do", "ask_capabilities"))[0]
    assert "project managers" in capabilities and "occupations" in capabilities and "quiz me on my interests" in capabilities
    assert "Navigating the Divide" in run(ActionListSources(), tracker("sources?", "ask_sources"))[0]


class BrokenAction(RoleAction):
    choose_subject = staticmethod(lambda *args: 1 / 0)

    def name(self) -> str:
        return "action_broken"

    def answer(self, roles, attribute, tracker_):
        return ""


def test_a_failing_action_apologises_instead_of_going_silent():
    text, _, events = run(BrokenAction(), tracker("hi", "ask_role"))
    assert text == APOLOGY and events == []


@pytest.mark.parametrize("text", ["", "🙂🙂🙂", "<script>alert('x')</script>", "x" * 30000])
def test_odd_messages_never_crash_an_action(text):
    reply, _, _ = run(ActionDescribeRole(), tracker(text, "ask_role"))
    assert reply and "<script>" not in reply


def test_an_attribute_the_bot_cannot_map_gives_an_overview_not_the_stale_topic():
    t = tracker("what about a PM's vibe", "ask_attribute", [entity("role", "PM"), entity("attribute", "vibe")], attribute="works_with")
    text, _, events = run(ActionAnswerAttribute(), t)
    assert "plan, organize and direct" in text and "Who project managers work with" not in text
    assert SlotSet("attribute", None) in events
