"""The interest quiz gives six scores; occupations are matched on the shape of a person's interests."""
import re
from pathlib import Path

import pytest
import yaml

from bot.catalogue.interests import (
    DEFAULT_INTERESTS_PATH,
    NEAR_TIE,
    InterestGuideError,
    default_interest_guide,
    load_interest_guide,
    match,
    preference,
    profile_from_answers,
)
from bot.catalogue.model import RIASEC, default_catalogue
from tests.catalogue.conftest import SHARED_ONET

guide = default_interest_guide()
catalogue = default_catalogue()
PROFILED = [o for o in catalogue.occupations.values() if o.interests and set(o.interests) == set(RIASEC)
            and len(set(o.interests.values())) > 1]


def answer_all(liked: str, disliked: str = "") -> dict[str, str]:
    """Likes every statement of the liked areas, dislikes those of the disliked ones, is unsure of the rest."""
    return {s.id: "like" if s.area in liked else "dislike" if s.area in disliked else "unsure" for s in guide.statements}


def test_the_quiz_has_two_or_three_statements_for_each_area():
    assert 12 <= len(guide.statements) <= 18
    for letter in RIASEC:
        assert 2 <= sum(statement.area == letter for statement in guide.statements) <= 3
    assert list(guide.areas) == list(RIASEC) and set(guide.zones) == {1, 2, 3, 4, 5}
    scores = {answer_id: answer.score for answer_id, answer in guide.answers.items()}
    assert scores["like"] > scores["unsure"] > scores["dislike"]


@pytest.mark.skipif(not SHARED_ONET.exists(), reason="needs ../shared/data")
def test_no_statement_is_taken_from_onet_activities():
    activities = (SHARED_ONET / "Interests Illustrative Activities.txt").read_text(encoding="utf-8").lower()
    for wording in [text for statement in guide.statements for text in (statement.text, statement.liked)]:
        words = re.findall(r"[a-z']+", wording.lower())
        runs = [" ".join(words[start : start + 4]) for start in range(len(words) - 3)]
        assert not [run for run in runs if run in activities], wording


def test_profile_sums_each_areas_answers_and_unanswered_counts_zero():
    profile = profile_from_answers(guide, answer_all(liked="IC", disliked="R"))
    per_area = {letter: sum(s.area == letter for s in guide.statements) for letter in RIASEC}
    like, dislike = guide.answers["like"].score, guide.answers["dislike"].score
    assert profile["I"] == like * per_area["I"] and profile["C"] == like * per_area["C"]
    assert profile["R"] == dislike * per_area["R"]
    assert profile["A"] == profile["S"] == profile["E"] == 0
    assert profile_from_answers(guide, {}) == dict.fromkeys(RIASEC, 0)
    with pytest.raises(KeyError):
        profile_from_answers(guide, {"no_such_statement": "like"})
    with pytest.raises(KeyError):
        profile_from_answers(guide, {guide.statements[0].id: "maybe"})


def test_an_occupations_own_profile_ranks_it_first_but_for_near_ties_the_tie_rule_prefers():
    """Over every profiled occupation: matching its own six levels gives it r = 1, and only occupations within
    NEAR_TIE of that, each preferred by the tie rule, come before it (or fill the list ahead of it)."""
    for occupation in PROFILED:
        result = match(catalogue, occupation.interests, limit=5)
        codes = [found.occupation.code for found in result.matches]
        place = codes.index(occupation.code) if occupation.code in codes else len(codes)
        if place < len(codes):
            assert result.matches[place].correlation == pytest.approx(1.0)
        for ahead in result.matches[:place]:
            assert ahead.correlation >= 1 - NEAR_TIE and preference(ahead.occupation) < preference(occupation), occupation.title
    assert len(PROFILED) > 800


@pytest.mark.parametrize("choice", ["short", "vocational", "college"])
def test_the_matches_are_in_the_chosen_zones(choice):
    zones = guide.zone_choices[choice].zones
    result = match(catalogue, profile_from_answers(guide, answer_all(liked="SE")), zones=zones)
    assert len(result.matches) == 5 and result.zones == zones and result.good_in_chosen_zones >= 5
    assert all(found.occupation.job_zone in zones and found.in_chosen_zones for found in result.matches)
    higher = next(o for o in PROFILED if o.job_zone and o.job_zone > max(zones))
    assert higher.code not in [found.occupation.code for found in match(catalogue, higher.interests, zones=zones).matches]


def test_the_quiz_leads_to_occupations_of_the_liked_areas():
    result = match(catalogue, profile_from_answers(guide, answer_all(liked="IC", disliked="RASE")))
    assert result.person_top_areas == ("I", "C")
    for place, found in enumerate(result.matches):
        assert all(found.correlation >= later.correlation - NEAR_TIE for later in result.matches[place + 1:])
    for found in result.matches:
        assert {"I", "C"} & set(found.occupation.high_point), found.occupation.title


def test_a_flat_profile_gets_no_matches_and_says_why():
    for answer in guide.answers:
        result = match(catalogue, profile_from_answers(guide, {s.id: answer for s in guide.statements}))
        assert result.flat_profile and result.matches == () and result.person_top_areas == ()


def test_occupations_without_a_full_interest_profile_are_skipped(fixture_catalogue):
    """In the fixture, Actors have no interest levels and Air Crew Officers only three."""
    result = match(fixture_catalogue, {"R": 3, "I": 1, "A": 3, "S": 0, "E": 0, "C": 0}, limit=10)
    codes = {found.occupation.code for found in result.matches}
    assert codes and not codes & {"27-2011.00", "55-1011.00"}


def broken(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(DEFAULT_INTERESTS_PATH.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "interests.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda raw: raw["areas"].pop("E"), "areas"),
        (lambda raw: raw["areas"]["S"].pop("name"), "areas.S.name"),
        (lambda raw: raw["statements"].extend([{"id": f"extra{n}", "area": "R", "text": "More"} for n in range(2)]), "statements"),
        (lambda raw: raw["statements"].append({"id": "odd", "area": "X", "text": "Odd"}), "statements #19.area"),
        (lambda raw: raw["statements"].append(dict(raw["statements"][0])), "statements"),
        (lambda raw: raw["answers"]["like"].update(score="lots"), "answers.like.score"),
        (lambda raw: raw["zones"].pop(3), "zones"),
        (lambda raw: raw["zones"][4].pop("name"), "zones.4.name"),
        (lambda raw: raw["zone_choices"]["short"].update(zones=[7]), "zone_choices.short.zones"),
        (lambda raw: raw["zone_choices"]["short"].update(zones=[1, 3]), "zone_choices.short.zones"),
        (lambda raw: raw["statements"][0].pop("liked"), "statements #1.liked"),
        (lambda raw: raw.pop("prompt"), "prompt"),
    ],
)
def test_a_broken_file_names_itself_and_the_field(tmp_path, change, field):
    path = broken(tmp_path, change)
    with pytest.raises(InterestGuideError) as error:
        load_interest_guide(path)
    assert str(path) in str(error.value) and f"field '{field}" in str(error.value)


def test_invalid_yaml_names_the_file(tmp_path):
    path = tmp_path / "interests.yml"
    path.write_text("areas: [unclosed", encoding="utf-8")
    with pytest.raises(InterestGuideError, match=re.escape(str(path))):
        load_interest_guide(path)
