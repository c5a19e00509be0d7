"""The interest quiz's zone rule, tie rule and reasons, pinned on a small hand-made catalogue.

Every occupation's six interest levels are written out; the person likes hands-on work and
organizing (R and C), so an occupation shaped (7, 1, 1, 1, 1, 7) matches perfectly.
"""
from __future__ import annotations

import numpy
import pytest

from bot.catalogue import answers
from bot.catalogue.interests import (
    GOOD_MATCH, JOB_ZONES, NEAR_TIE, default_interest_guide, match, moved, profile_from_answers, quiz_result,
)
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, RIASEC, Catalogue, DataSource, Occupation, Wages

guide = default_interest_guide()
PERSON = {"R": 3, "I": -3, "A": -3, "S": -3, "E": -3, "C": 3}  # likes hands-on work and organizing
EXACT = (7, 1, 1, 1, 1, 7)  # r = 1 with PERSON
CLOSE = (7, 1, 1, 1, 1.6, 7)  # within NEAR_TIE of EXACT
FAIR = (6, 1, 2, 3, 2, 5)  # a good match, clearly below EXACT
WEAK = (3, 2, 1, 5, 6, 2)  # below GOOD_MATCH


def r(levels) -> float:
    return float(numpy.corrcoef([PERSON[letter] for letter in RIASEC], levels)[0, 1])


def test_the_shapes_are_what_their_names_say():
    assert r(EXACT) == pytest.approx(1) and 1 - NEAR_TIE < r(CLOSE) < 1
    assert GOOD_MATCH <= r(FAIR) < 1 - NEAR_TIE and r(WEAK) < GOOD_MATCH


def occupation(code: str, title: str, levels, zone: int | None, median: int | None = 50_000,
               employment: int | None = 10_000, soc: str | None = None) -> Occupation:
    wages = None if median is None else Wages(soc_code=soc or code[:7], employment=employment, median=median,
                                                mean=None, pct10=None, pct25=None, pct75=None, pct90=None)
    order = sorted(RIASEC, key=lambda letter: -levels[RIASEC.index(letter)])
    return Occupation(code=code, title=title, alternate_titles=(), reported_titles=(),
                      interests=dict(zip(RIASEC, levels)), high_point=tuple(order[:2]), job_zone=zone,
                      education=None, wages=wages, skills=(), related=())


def catalogue_of(*occupations: Occupation) -> Catalogue:
    sources = {ONET_SOURCE: DataSource(ONET_SOURCE, "O*NET 29.3 Database", ""),
               BLS_SOURCE: DataSource(BLS_SOURCE, "BLS OEWS, May 2024", "")}
    return Catalogue(sources=sources, occupations={o.code: o for o in occupations})


def titles(result) -> list[str]:
    return [found.occupation.title for found in result.matches]


# ------------------------------------------------------------------ the zone rule

ZONED = catalogue_of(
    occupation("51-0001.00", "Zone five, exact", EXACT, 5),
    occupation("51-0002.00", "Zone four, fair", FAIR, 4),
    occupation("51-0003.00", "Zone three, fair", FAIR, 3),
    occupation("51-0004.00", "Zone three, weak", WEAK, 3),
    occupation("51-0005.00", "Zone two, close", CLOSE, 2),
    occupation("51-0006.00", "Zone two, fair", FAIR, 2),
    occupation("51-0007.00", "No zone, exact", EXACT, None),
)


def test_with_enough_good_matches_every_match_is_in_the_chosen_zones():
    result = match(ZONED, PERSON, zones=(2,), limit=2)
    assert titles(result) == ["Zone two, close", "Zone two, fair"]
    assert result.zones == (2,) and result.good_in_chosen_zones == 2 and all(f.in_chosen_zones for f in result.matches)


def test_too_few_good_matches_come_first_then_the_nearest_zones_best_marked():
    """Zone 3 has one good match: then zones 2 and 4 (one away, ranked together), never zone 5's better one."""
    result = match(ZONED, PERSON, zones=(3,), limit=3)
    assert titles(result) == ["Zone three, fair", "Zone two, close", "Zone four, fair"]
    assert [found.in_chosen_zones for found in result.matches] == [True, False, False]
    assert result.good_in_chosen_zones == 1
    text = answers.recommendation(ZONED, result, guide)
    assert "Only 1 occupation in job zone 3" in text
    assert "Zone two, close (job zone 2, less preparation than you chose)" in text
    assert "Zone four, fair (job zone 4, more preparation than you chose)" in text


def test_a_weak_match_of_the_chosen_zone_comes_only_after_every_good_one_near_it():
    result = match(ZONED, PERSON, zones=(3,), limit=10)
    assert titles(result)[-1] == "Zone three, weak" and "Zone five, exact" in titles(result)
    assert "Zone three, weak (a weaker match)" in answers.recommendation(ZONED, result, guide)


def test_whatever_it_takes_spans_every_zone_and_says_so():
    assert guide.zone_choices["any"].zones == JOB_ZONES
    result = match(ZONED, PERSON, zones=guide.zone_choices["any"].zones, limit=3)
    assert result.every_zone and titles(result) == ["No zone, exact", "Zone five, exact", "Zone two, close"]
    assert "across all five job zones" in answers.recommendation(ZONED, result, guide)
    assert "No zone, exact" not in titles(match(ZONED, PERSON, zones=(1, 2, 3, 4), limit=10))


@pytest.mark.parametrize("zones, step, expected", [
    ((1, 2), -1, None), ((1, 2), 1, (3,)), ((3,), -1, (2,)), ((4,), 1, (5,)), ((5,), 1, None), (JOB_ZONES, 1, None),
])
def test_moving_goes_one_zone_past_the_shown_ones(zones, step, expected):
    assert moved(zones, step) == expected


# ------------------------------------------------------------------ the tie rule

def test_ties_go_to_own_bls_figures_then_a_group_then_all_other_then_no_wage():
    tied = catalogue_of(
        occupation("11-9199.01", "Residual Specialists", EXACT, 3, employment=900_000),  # figures of 11-9199, "All Other"
        occupation("51-0010.00", "Unpaid Workers", EXACT, 3, median=None),
        occupation("51-0021.00", "Group Workers", EXACT, 3, employment=800_000, soc="51-0020"),
        occupation("51-0030.00", "Own Figures Workers", EXACT, 3, employment=1_000),
    )
    assert titles(match(tied, PERSON, zones=(3,))) == [
        "Own Figures Workers", "Group Workers", "Residual Specialists", "Unpaid Workers"]


def test_more_employment_wins_a_near_tie_but_not_a_clear_difference():
    catalogue = catalogue_of(
        occupation("51-0040.00", "Small Exact Workers", EXACT, 3, employment=2_000),
        occupation("51-0050.00", "Large Close Workers", CLOSE, 3, employment=200_000),
        occupation("51-0060.00", "Huge Fair Workers", FAIR, 3, employment=2_000_000),
    )
    assert titles(match(catalogue, PERSON, zones=(3,))) == ["Large Close Workers", "Small Exact Workers", "Huge Fair Workers"]


def test_a_residual_category_still_wins_when_it_matches_clearly_better():
    catalogue = catalogue_of(
        occupation("51-0070.00", "Fair Workers", FAIR, 3, employment=2_000_000),
        occupation("51-9199.00", "Production Workers, All Other", EXACT, 3),
    )
    assert titles(match(catalogue, PERSON, zones=(3,))) == ["Production Workers, All Other", "Fair Workers"]


# ------------------------------------------------------------------ reasons in the person's own answers

def answers_liking(*statement_ids: str) -> dict[str, str]:
    return {s.id: "like" if s.id in statement_ids else "dislike" for s in guide.statements}


def test_reasons_name_the_liked_activities_of_the_occupations_main_areas_in_turn():
    liked = answers_liking("fix_machine", "build_by_hand", "care_for_outdoors", "tidy_records", "write_story")
    assert profile_from_answers(guide, liked)["R"] > 0
    catalogue = catalogue_of(occupation("51-0080.00", "Machine Keepers", (7, 1, 1, 1, 1, 6), 3))
    result = quiz_result(catalogue, guide, liked, zones=(3,))
    assert [s.id for s in result.matches[0].liked] == ["fix_machine", "tidy_records", "build_by_hand"]
    text = answers.recommendation(catalogue, result, guide)
    assert ("Machine Keepers: you said you'd like fixing machines, keeping records and budgets in order and building "
            "things with your hands; this work is mostly hands-on work and organizing; median pay $50,000 a year; "
            "medium preparation") in text
    assert "writing" not in text


def test_without_a_liked_activity_in_its_areas_the_reason_is_the_shape():
    unsure_but_one_dislike = {s.id: "unsure" for s in guide.statements} | {"write_story": "dislike"}
    catalogue = catalogue_of(occupation("51-0090.00", "Quiet Organizers", (5, 1, 1, 1, 1, 7), 3))
    result = quiz_result(catalogue, guide, unsure_but_one_dislike, zones=(3,))
    text = answers.recommendation(catalogue, result, guide)
    assert result.matches[0].liked == () and "you said" not in text
    assert "this work is mostly organizing and hands-on work; its mix of interests is shaped like your answers" in text
