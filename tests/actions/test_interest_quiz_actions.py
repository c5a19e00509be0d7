"""The interest quiz's actions, with rasa_sdk's Tracker and CollectingDispatcher."""
from __future__ import annotations

import asyncio
from pathlib import Path

import yaml
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import DID_NOT_CATCH
from actions.base import LISTED_SLOT
from actions.interest_quiz import (
    ASK_ACTIONS, PREPARATION_SLOT, ZONES_SLOT, ActionAskInterestPreparation, ActionChangeInterestZone,
    ActionRecommendOccupations, ActionStartInterestQuiz, ValidateInterestQuizForm, interest_slots, slot_for,
)
from actions.quiz import NO_RECOMMENDATION_YET, ActionExplainOtherRoles, ActionRecommendRole
from actions.roles import ActionAnswerAttribute, ActionDescribeRole, ActionPathToRole
from bot.catalogue.interests import default_interest_guide
from bot.catalogue.model import default_catalogue
from tests.actions.test_actions import entity, run, tracker

REPO = Path(__file__).resolve().parents[2]
guide = default_interest_guide()
catalogue = default_catalogue()
DOMAIN = {"slots": {}, "forms": {"interest_quiz_form": {"required_slots": []}}}


def validate(text, intent, entities=None, **slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateInterestQuizForm().run(dispatcher, tracker(text, intent, entities, **slots), DOMAIN))
    said = "\n".join(message.get("text") or "" for message in dispatcher.messages)
    filled = {event["name"]: event["value"] for event in events if event["event"] == "slot" and event["name"] != "requested_slot"}
    return filled, said


def answers_liking(areas: str, choice: str | None = None) -> dict[str, str]:
    """Every statement answered: liked in the given RIASEC areas, disliked in the others."""
    answers = {slot_for(s.id): "like" if s.area in areas else "dislike" for s in guide.statements}
    return {**answers, PREPARATION_SLOT: choice} if choice else answers


def test_the_domain_has_exactly_the_quizs_slots_and_ask_actions():
    domain = yaml.safe_load((REPO / "domain.yml").read_text())
    assert domain["forms"]["interest_quiz_form"]["required_slots"] == interest_slots()
    asked = {f"action_ask_{slot}" for slot in interest_slots()}
    assert asked <= set(domain["actions"]) and set(interest_slots()) <= set(domain["slots"])


def test_each_zone_choice_can_be_typed():
    synonyms = yaml.safe_load((REPO / "data" / "nlu" / "synonyms.yml").read_text())["nlu"]
    assert set(guide.zone_choices) <= {item["synonym"] for item in synonyms}


def test_each_statement_is_asked_in_order_with_like_unsure_dislike_buttons():
    assert len(ASK_ACTIONS) == len(guide.statements) >= 12
    text, buttons, _ = run(ASK_ACTIONS[1](), tracker("", "affirm"))
    assert text.endswith(guide.statements[1].text) and f"2 of {len(guide.statements)}" in text
    assert [b["payload"] for b in buttons] == ["/affirm", "/answer_somewhat", "/deny"]
    assert [b["title"] for b in buttons] == [option.label for option in guide.answers.values()]


def test_the_preparation_question_offers_every_zone_choice():
    text, buttons, _ = run(ActionAskInterestPreparation(), tracker("", "affirm"))
    assert text == guide.zone_question
    assert [b["payload"] for b in buttons][-1] == '/choose_preparation{"preparation_limit": "any"}'


def test_typed_and_clicked_answers_fill_the_statement_asked():
    first, second = (slot_for(s.id) for s in guide.statements[:2])
    assert validate("sounds fun", "affirm", requested_slot=first)[0] == {first: "like"}
    assert validate("/answer_somewhat", "answer_somewhat", requested_slot=second)[0] == {second: "unsure"}
    assert validate("not my thing", "deny", requested_slot=second)[0] == {second: "dislike"}


def test_a_preparation_choice_fills_the_last_slot_and_anything_else_is_asked_again():
    slots, _ = validate("a college degree is fine", "choose_preparation", [entity("preparation_limit", "college")],
                        requested_slot=PREPARATION_SLOT)
    assert slots == {PREPARATION_SLOT: "college"}
    slots, said = validate("yes", "affirm", requested_slot=PREPARATION_SLOT)
    assert slots == {PREPARATION_SLOT: None} and said == DID_NOT_CATCH


def test_a_question_mid_quiz_is_left_to_the_rules():
    slots, said = validate("how much do nurses earn?", "ask_attribute", requested_slot=slot_for(guide.statements[3].id))
    assert slots == {} and said == ""


def test_start_introduces_the_quiz_and_forgets_earlier_answers():
    text, _, events = run(ActionStartInterestQuiz(), tracker("quiz me on my interests", "start_interest_quiz", **answers_liking("R", "any")))
    assert text == guide.intro
    assert {event["name"] for event in events} == {*interest_slots(), ZONES_SLOT, "requested_slot"}
    assert all(event["value"] is None for event in events)


def slot(events, name):
    return next(event["value"] for event in events if event["event"] == "slot" and event["name"] == name)


def test_result_lists_five_matches_in_the_chosen_zone_remembers_them_and_offers_moving():
    text, buttons, events = run(ActionRecommendOccupations(), tracker("/choose_preparation", "choose_preparation",
                                                                      **answers_liking("IC", "college")))
    listed = [line for line in text.splitlines() if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert len(listed) == 5 and "6." not in text
    shown = slot(events, LISTED_SLOT)
    assert [catalogue.occupations[code].job_zone for code in shown] == [4] * 5
    assert all(line.startswith(f"{n}. {catalogue.occupations[code].title}:") for n, (line, code) in enumerate(zip(listed, shown), 1))
    assert slot(events, "roles") == shown[:1] and slot(events, ZONES_SLOT) == [4]
    assert SlotSet("attribute", None) in events
    assert [b["payload"] for b in buttons] == ["/less_preparation", "/more_preparation"]


def test_less_and_more_preparation_move_one_zone_and_stop_at_the_ends():
    answers = answers_liking("R", "vocational")
    _, _, events = run(ActionChangeInterestZone(), tracker("less preparation", "less_preparation", **answers, interest_zones=[3]))
    assert slot(events, ZONES_SLOT) == [2] and {catalogue.occupations[c].job_zone for c in slot(events, LISTED_SLOT)} == {2}
    _, buttons, events = run(ActionChangeInterestZone(), tracker("more", "more_preparation", **answers, interest_zones=[4]))
    assert slot(events, ZONES_SLOT) == [5] and [b["payload"] for b in buttons] == ["/less_preparation"]
    text, buttons, events = run(ActionChangeInterestZone(), tracker("more", "more_preparation", **answers, interest_zones=[5]))
    assert events == [] and "no job zone needs more preparation" in text and len(buttons) == len(guide.zone_choices)
    text, _, events = run(ActionChangeInterestZone(), tracker("less", "less_preparation", **answers_liking("R", "any"),
                                                              interest_zones=[1, 2, 3, 4, 5]))
    assert events == [] and "already span every job zone" in text


def test_another_preparation_choice_after_the_result_redraws_the_matches():
    _, _, events = run(ActionChangeInterestZone(), tracker("what about a four-year degree?", "choose_preparation",
                                                           [entity("preparation_limit", "college")],
                                                           **answers_liking("S", "short"), interest_zones=[1, 2]))
    assert SlotSet(PREPARATION_SLOT, "college") in events and slot(events, ZONES_SLOT) == [4]
    text, buttons, events = run(ActionChangeInterestZone(), tracker("what about a two-year degree?", "choose_preparation",
                                                                    **answers_liking("S", "short"), interest_zones=[1, 2]))
    assert events == [] and text == guide.zone_question and len(buttons) == len(guide.zone_choices)


def test_moving_before_the_quiz_offers_the_quiz():
    text, buttons, events = run(ActionChangeInterestZone(), tracker("less preparation", "less_preparation"))
    assert events == [] and "interest quiz" in text and buttons[0]["payload"] == "/start_interest_quiz"


def test_a_place_in_the_list_names_that_match_for_every_follow_up():
    _, _, events = run(ActionRecommendOccupations(), tracker("/choose_preparation", "choose_preparation",
                                                             **answers_liking("SA", "college")))
    shown = slot(events, LISTED_SLOT)
    second, fourth = (catalogue.occupations[shown[n]] for n in (1, 3))
    remembered = {"roles": shown[:1], LISTED_SLOT: shown}
    text, _, events = run(ActionDescribeRole(), tracker("tell me more about the second one", "tell_me_more", **remembered))
    assert second.title in text and SlotSet("roles", [second.code]) in events
    text, _, _ = run(ActionAnswerAttribute(), tracker("how much does the 4th one earn?", "ask_attribute",
                                                      [entity("attribute", "salary")], **remembered))
    assert f"${fourth.wages.median:,}" in text
    text, _, _ = run(ActionPathToRole(), tracker("how do I get into number 2?", "how_to_get_there", **remembered))
    assert second.title in text and guide.zones[second.job_zone].name in text
    text, _, _ = run(ActionAnswerAttribute(), tracker("what's similar to the fourth one?", "ask_attribute",
                                                      [entity("attribute", "related")], **remembered))
    related = catalogue.occupations[fourth.related[0]]
    assert fourth.title in text and related.title in text
    text, buttons, events = run(ActionDescribeRole(), tracker("tell me about the sixth one", "tell_me_more", **remembered))
    assert "had 5" in text and [b["title"] for b in buttons] == [catalogue.occupations[c].title for c in shown]


def test_a_profile_of_hands_on_work_gets_hands_on_occupations():
    text, _, events = run(ActionRecommendOccupations(), tracker("/choose_preparation", "choose_preparation",
                                                                **answers_liking("R", "any")))
    best = catalogue.occupations[next(event["value"] for event in events if event["name"] == "roles")[0]]
    assert best.high_point[0] == "R"


def test_all_unsure_says_there_is_no_shape_to_match():
    unsure = {slot_for(s.id): "unsure" for s in guide.statements}
    text, _, events = run(ActionRecommendOccupations(), tracker("/answer_somewhat", "answer_somewhat", **unsure))
    assert text and "1." not in text and events == []


def test_and_the_third_one_after_the_matches_is_that_match_until_a_career_quiz_result_replaces_the_list():
    """The NLU reads "and the third one?" as the career quiz's "what about the others?"."""
    shown = ["15-2051.00", "19-3011.00", "29-1141.00"]
    text, _, events = run(ActionExplainOtherRoles(), tracker("and the third one?", "ask_about_others", listed_occupations=shown))
    assert catalogue.occupations[shown[2]].title in text and SlotSet("roles", [shown[2]]) in events
    text, _, _ = run(ActionExplainOtherRoles(), tracker("and the others?", "ask_about_others", listed_occupations=shown))
    assert text == NO_RECOMMENDATION_YET
    answered = {f"quiz_{q}": "no" for q in ("technical", "planning", "people", "teaching", "pay")}
    _, _, events = run(ActionRecommendRole(), tracker("/deny", "deny", **answered, quiz_preparation="neither",
                                                      listed_occupations=shown))
    assert SlotSet(LISTED_SLOT, None) in events
