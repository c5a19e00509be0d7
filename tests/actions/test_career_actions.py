"""The actions for questions beyond one profile: lists, career change, skill gaps, comparisons on any attribute."""
from __future__ import annotations

import json

from rasa_sdk.events import SlotSet

from actions.career import ActionCareerChange, ActionSearchOccupations, ActionSkillGap
from actions.comparisons import ActionCompareRoles, ActionCompareSalary
from actions.roles import ActionAnswerAttribute, ActionDescribeRole
from bot.catalogue.model import default_catalogue
from tests.actions.test_actions import entity, run, tracker

catalogue = default_catalogue()
NURSES, ECONOMISTS, TEACHERS, COORDINATORS = "29-1141.00", "19-3011.00", "25-2021.00", "25-9031.00"


def test_a_list_over_the_catalogue_has_a_button_per_occupation_and_becomes_the_topics():
    text, buttons, events = run(ActionSearchOccupations(), tracker("highest paying jobs without a four-year degree",
                                                                 "search_occupations"))
    codes = [json.loads(button["payload"].split("/ask_role", 1)[1])["role"] for button in buttons]
    assert len(codes) == 5 and all(catalogue.occupations[code].job_zone <= 3 for code in codes)
    assert SlotSet("roles", codes) in events and "by BLS median annual wage" in text


def test_career_change_remembers_the_current_occupation_and_offers_each_move():
    text, buttons, events = run(ActionCareerChange(), tracker("i'm an economist, what else could i do?", "career_change",
                                                            [entity("role", "economist")]))
    related = list(catalogue.occupations[ECONOMISTS].related[:5])
    assert SlotSet("current_occupation", ECONOMISTS) in events and SlotSet("roles", related) in events
    assert [json.loads(button["payload"].split("/skill_gap", 1)[1])["role"] for button in buttons] == related
    assert "what would change for you" in text


def test_skill_gap_after_a_career_change_is_for_the_first_move_offered():
    related = list(catalogue.occupations[TEACHERS].related[:5])
    text, _, events = run(ActionSkillGap(), tracker("what would i need to learn for that?", "skill_gap",
                                                   current_occupation=TEACHERS, roles=related))
    target = catalogue.occupations[related[0]]
    assert text.startswith(f"From {catalogue.occupations[TEACHERS].title} to {target.title}:")
    assert SlotSet("roles", [related[0]]) in events


def test_skill_gap_between_two_named_occupations_needs_no_memory():
    text, _, _ = run(ActionSkillGap(), tracker("what would i need to learn to go from teacher to instructional coordinator",
                                               "skill_gap", [entity("role", TEACHERS), entity("role", COORDINATORS)]))
    assert "Instructional Coordinators" in text and "→" in text


def test_skill_gap_without_knowing_the_persons_work_asks_for_it():
    text, _, _ = run(ActionSkillGap(), tracker("what skills would i need to become an economist", "skill_gap",
                                               [entity("role", "economist")]))
    assert text.startswith("What do you work as now?")


def test_a_follow_up_comparison_on_education_compares_preparation():
    text, _, events = run(ActionCompareRoles(), tracker("which one needs more education?", "compare_roles",
                                                        [entity("attribute", "requirements")], roles=[NURSES, ECONOMISTS]))
    assert text.startswith("Economists need the most preparation") and SlotSet("attribute", "requirements") in events


def test_which_has_more_jobs_compares_employment():
    text, _, _ = run(ActionCompareRoles(), tracker("which of them has more jobs", "compare_roles", roles=[ECONOMISTS, NURSES]))
    assert text.startswith("Registered Nurses have the most jobs")


def test_a_comparison_of_unrelated_things_gets_the_scope_reply_not_a_career_answer():
    t = tracker("what's the difference between a virus and bacteria?", "compare_roles", roles=["project_manager"])
    text, _, events = run(ActionCompareRoles(), t)
    assert "$" not in text and "I know implementation specialists" in text and events == []


def test_a_false_premise_is_corrected_before_the_answer():
    t = tracker("since nurses earn more than economists, which pays more?", "compare_salary",
                [entity("role", "nurses"), entity("role", "economists")])
    text, _, _ = run(ActionCompareSalary(), t)
    assert text.startswith("Actually, that's not so: Economists earn more than Registered Nurses")


def test_hourly_question_for_an_occupation_named_in_text_only():
    text, _, events = run(ActionAnswerAttribute(), tracker("how much do registered nurses make per hour", "ask_attribute",
                                                           [entity("attribute", "salary")]))
    assert f"${catalogue.occupations[NURSES].wages.hourly_median:,.2f} an hour" in text
    assert SlotSet("attribute", "hourly_pay") in events


def test_a_misspelled_occupation_is_found():
    text, _, events = run(ActionAnswerAttribute(), tracker("how much do registred nurses make", "ask_attribute",
                                                           [entity("role", "registred nurses"), entity("attribute", "salary")]))
    assert SlotSet("roles", [NURSES]) in events and f"${catalogue.occupations[NURSES].wages.median:,}" in text


def test_an_unknown_job_named_in_text_gets_i_dont_know_not_buttons():
    text, buttons, events = run(ActionDescribeRole(), tracker("what does a dragon tamer do?", "ask_role"))
    assert text.startswith("I don't know “dragon tamer”") and buttons == []
    assert [event["name"] for event in events] == ["unknown_occupation", "unknown_occupation"]
