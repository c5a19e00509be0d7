"""Role actions answering about catalogue occupations, with rasa_sdk's Tracker and CollectingDispatcher."""
from __future__ import annotations

import json

import pytest
from rasa_sdk.events import SlotSet

from actions.comparisons import ActionCompareRoles, ActionCompareSalary, ActionSalaryDifference
from actions.guidance import ActionFitCheck
from actions.roles import ActionAnswerAttribute, ActionDescribeRole, ActionFollowUpRole, ActionPathToRole
from actions.scope import ActionListSources
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, default_catalogue
from tests.actions.test_actions import entity, run, tracker

DATA_SCIENTISTS, ECONOMISTS, NURSES, CIVIL_ENGINEERS = "15-2051.00", "19-3011.00", "29-1141.00", "17-2051.00"
catalogue = default_catalogue()


def median(code: str) -> str:
    return f"${catalogue.occupations[code].wages.median:,}"


def test_salary_of_a_catalogue_occupation_names_median_source_and_year_and_is_remembered():
    t = tracker("how much does a data scientist make", "ask_attribute", [entity("role", "data scientist"), entity("attribute", "salary")])
    text, _, events = run(ActionAnswerAttribute(), t)
    assert median(DATA_SCIENTISTS) in text and "BLS OEWS, May 2024" in text
    assert SlotSet("roles", [DATA_SCIENTISTS]) in events and SlotSet("attribute", "salary") in events


def test_an_occupation_named_only_in_the_text_is_found():
    text, _, _ = run(ActionAnswerAttribute(), tracker("and what do registered nurses earn", "ask_attribute", [entity("attribute", "salary")]))
    assert median(NURSES) in text


def test_follow_ups_reuse_the_occupation_under_discussion():
    text, _, _ = run(ActionAnswerAttribute(), tracker("how much do they earn?", "ask_attribute", [entity("attribute", "salary")],
                                                     roles=[ECONOMISTS]))
    assert median(ECONOMISTS) in text
    text, _, _ = run(ActionPathToRole(), tracker("how do i get there?", "how_to_get_there", roles=[NURSES]))
    assert "job zone 4" in text and "O*NET 29.3" in text and "$" not in text
    text, _, _ = run(ActionFollowUpRole(), tracker("and economists?", "follow_up_role", [entity("role", "economists")],
                                                   roles=[NURSES], attribute="salary"))
    assert median(ECONOMISTS) in text and median(NURSES) not in text


@pytest.mark.parametrize(
    "attribute, expected",
    [("skills", "important skills"), ("interests", "Figuring things out"), ("related", "Occupations O*NET relates to it"), (None, "O*NET-SOC 19-3011.00")],
)
def test_each_topic_of_an_occupation_has_its_answer(attribute, expected):
    entities = [entity("role", "economist")] + ([entity("attribute", attribute)] if attribute else [])
    text, _, _ = run(ActionAnswerAttribute(), tracker("tell me about economists", "ask_attribute", entities))
    assert expected in text


def test_a_catalogue_only_topic_of_an_article_role_comes_from_its_linked_occupation():
    t = tracker("what interests suit a PM", "ask_attribute", [entity("role", "PM"), entity("attribute", "interests")])
    text, _, events = run(ActionAnswerAttribute(), t)
    assert "Project Management Specialists" in text and "Leading and persuading" in text
    assert SlotSet("roles", ["project_manager"]) in events


def test_which_pays_more_of_two_occupations_uses_bls_alone():
    t = tracker("which pays more, data scientist or economist?", "compare_salary",
                [entity("role", "data scientist"), entity("role", "economist")])
    text, _, events = run(ActionCompareSalary(), t)
    assert text.startswith("Economists earn more") and median(ECONOMISTS) in text and median(DATA_SCIENTISTS) in text
    assert "BLS OEWS, May 2024" in text and "Implementation Specialist vs. Project Manager" not in text
    assert SlotSet("roles", [DATA_SCIENTISTS, ECONOMISTS]) in events


def test_an_article_role_against_an_occupation_never_mixes_sources():
    t = tracker("which pays more, PM or data scientist?", "compare_salary", [entity("role", "PM"), entity("role", "data scientist")])
    text, _, _ = run(ActionCompareSalary(), t)
    assert "$100,750" in text and "$87,628" not in text  # BLS's figure for PMs, never the article's average
    assert "Project Management Specialists" in text


def test_how_much_more_reuses_the_compared_occupations():
    text, _, _ = run(ActionSalaryDifference(), tracker("how much more?", "salary_difference", roles=[DATA_SCIENTISTS, ECONOMISTS]))
    gap = catalogue.occupations[ECONOMISTS].wages.median - catalogue.occupations[DATA_SCIENTISTS].wages.median
    assert f"${gap:,}" in text


def test_two_occupations_side_by_side_and_one_alone_asks_what_to_compare_with():
    t = tracker("compare nurses and economists", "compare_roles", [entity("role", "nurses"), entity("role", "economists")])
    text, _, _ = run(ActionCompareRoles(), t)
    assert text.startswith("Registered Nurses vs Economists")
    text, _, events = run(ActionCompareSalary(), tracker("do nurses earn more?", "compare_salary", [entity("role", "nurses")]))
    assert text == "Which role or occupation should I compare Registered Nurses with?"
    assert SlotSet("roles", [NURSES]) in events


def test_an_ambiguous_mention_gets_buttons_that_repeat_the_question_for_one_occupation():
    t = tracker("how much does an engineer make", "ask_attribute", [entity("role", "engineer"), entity("attribute", "salary")],
                roles=[NURSES])
    text, buttons, events = run(ActionAnswerAttribute(), t)
    assert "engineer" in text and 2 <= len(buttons) <= 4
    assert "$" not in text and events == []  # nothing answered, the conversation's subject unchanged
    payloads = {button["title"]: button["payload"] for button in buttons}
    assert payloads["Civil Engineers"] == '/ask_attribute{"role": "%s", "attribute": "salary"}' % CIVIL_ENGINEERS


def test_a_clarification_button_answers_that_occupation():
    payload = json.dumps({"role": CIVIL_ENGINEERS, "attribute": "salary"})
    t = tracker(f"/ask_attribute{payload}", "ask_attribute", [entity("role", CIVIL_ENGINEERS), entity("attribute", "salary")])
    text, buttons, events = run(ActionAnswerAttribute(), t)
    assert median(CIVIL_ENGINEERS) in text and not buttons
    assert SlotSet("roles", [CIVIL_ENGINEERS]) in events


def test_an_ambiguous_comparison_keeps_the_other_side_for_after_the_choice():
    t = tracker("who earns more, an engineer or a nurse?", "compare_salary", [entity("role", "engineer"), entity("role", "nurse")])
    _, buttons, events = run(ActionCompareSalary(), t)
    assert events == [SlotSet("roles", [NURSES])]
    assert all(button["payload"].startswith("/compare_salary") for button in buttons)
    after = tracker("/compare_salary", "compare_salary", [entity("role", CIVIL_ENGINEERS)], roles=[NURSES])
    text, _, _ = run(ActionCompareSalary(), after)
    assert median(CIVIL_ENGINEERS) in text and median(NURSES) in text


def test_a_fit_check_on_an_occupation_shows_its_interest_areas():
    text, _, _ = run(ActionFitCheck(), tracker("would nursing suit me, i like helping", "fit_check", [entity("role", "nurse")]))
    assert "Helping people" in text


def test_describe_an_occupation_gives_its_key_facts():
    text, _, _ = run(ActionDescribeRole(), tracker("what does a software engineer do", "ask_role", [entity("role", "software engineer")]))
    assert text.startswith("Software Developers")


def test_sources_include_both_data_sets_with_their_credit_lines():
    text, _, _ = run(ActionListSources(), tracker("where does your data come from?", "ask_sources"))
    assert "Navigating the Divide" in text
    assert catalogue.sources[ONET_SOURCE].credit in text and catalogue.sources[BLS_SOURCE].credit in text
