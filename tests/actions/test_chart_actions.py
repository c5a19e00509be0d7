"""Charts go out after the answer's text, as an image at PUBLIC_URL with alt text; only where they help."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.comparisons import ActionCompareRoles, ActionCompareSalary
from actions.interest_quiz import ActionRecommendOccupations
from actions.roles import ActionAnswerAttribute
from bot.catalogue.model import default_catalogue
from tests.actions.test_actions import entity, tracker
from tests.actions.test_interest_quiz_actions import answers_liking

PUBLIC_URL = "https://advisor.example"
catalogue = default_catalogue()


@pytest.fixture(autouse=True)
def public_url(monkeypatch):
    monkeypatch.setenv("PUBLIC_URL", PUBLIC_URL + "/")


def messages(action, tracker_) -> list[dict]:
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker_, {})
    return dispatcher.messages


def test_a_pay_comparison_is_followed_by_its_chart_with_alt_text():
    sent = messages(ActionCompareSalary(), tracker("which pays more, data scientist or economist?", "compare_salary",
                                                   [entity("role", "data scientist"), entity("role", "economist")]))
    text, chart = sent
    assert "Economists earn more" in text["text"] and not text.get("image")
    address = urlsplit(chart["image"])
    assert f"{address.scheme}://{address.netloc}" == PUBLIC_URL and address.path == "/charts/pay"
    assert "15-2051.00" in address.query and "19-3011.00" in address.query
    economists = catalogue.occupations["19-3011.00"].wages.median
    assert f"Economists ${economists:,}" in chart["alt_text"] and not chart.get("text")


def test_an_hourly_question_about_one_occupation_gets_its_hourly_spread():
    sent = messages(ActionAnswerAttribute(), tracker("what do nurses make an hour", "ask_attribute", [entity("role", "nurses")]))
    assert len(sent) == 2 and "/charts/pay-spread?code=29-1141.00&per=hour" in sent[1]["image"]


def test_answers_a_chart_would_not_help_get_none():
    for action, t in [
        (ActionCompareRoles(), tracker("how do data scientists and economists differ", "compare_roles",
                                       [entity("role", "data scientist"), entity("role", "economist")])),
        (ActionAnswerAttribute(), tracker("what skills do nurses need", "ask_attribute",
                                          [entity("role", "nurses"), entity("attribute", "skills")])),
    ]:
        assert not any(message.get("image") for message in messages(action, t))


def test_the_interest_quiz_result_is_followed_by_the_persons_profile_beside_the_best_matchs():
    sent = messages(ActionRecommendOccupations(), tracker("/choose_preparation", "choose_preparation", **answers_liking("IC", "any")))
    text, chart = sent
    best = text["text"].split("\n1. ")[1].split(":")[0]
    assert "/charts/interests?" in chart["image"] and best in chart["alt_text"]
