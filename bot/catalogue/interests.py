"""The interest quiz and matching occupations on the shape of a person's interests.

The quiz's statements, the answer scores, the plain-word names of the six RIASEC areas and of the
five job zones all live in bot/knowledge/interests.yml, in our own wording. A person's six scores
are matched against each occupation's six O*NET interest levels by Pearson correlation: the shape
of the profile counts, not how strongly someone answered overall.

The matches are drawn from the job zones the person chose, as O*NET's own Interest Profiler does
("whatever it takes" is every zone). A match is good at a correlation of GOOD_MATCH or more; when the
chosen zones hold fewer good matches than asked for, the good ones come first and the rest are the
best good matches of the nearest zones (one zone away, then two), each marked as outside the choice.
Ties and near-ties (correlations within NEAR_TIE of the best one left) go to the occupation a person
can act on: one with BLS figures for itself, before one sharing a wider group's figures, before one
whose figures are a residual "All Other" group's, before one with no BLS wage; then the one employing
more people; then by title. Each pick takes the best one left by that rule, so no match is ever more
than NEAR_TIE below one it was put ahead of.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy

from bot.catalogue.model import RIASEC, Catalogue, Occupation, per_catalogue
from bot.knowledge import KnowledgeError, Reader, read_yaml

DEFAULT_INTERESTS_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "interests.yml"
STATEMENTS_PER_AREA = (2, 3)
JOB_ZONES = (1, 2, 3, 4, 5)
ANY_ZONE = "any"
TOP_AREAS = 3  # a person's strongest areas named in reasons, at most
# A good match: from r = 0.6 up, 97% or more of the matches of 82 consistent answer patterns have
# their main interest area among the areas the person liked; below, 91% and falling
# (`python -m bench.interest_zones`).
GOOD_MATCH = 0.6
# Correlations this close count as tied: one answer moved one step shifts a match's r by more
# (median 0.03, `python -m bench.interest_zones`).
NEAR_TIE = 0.02
LIKED_SHOWN = 3  # activities named as the reason for one match, at most


class InterestGuideError(KnowledgeError):
    """interests.yml does not follow its schema (the message names the file and the field)."""



@dataclass(frozen=True)
class InterestArea:
    letter: str  # R, I, A, S, E or C
    name: str  # plain words, e.g. "hands-on work"
    description: str  # one line in our words


@dataclass(frozen=True)
class Statement:
    """One quiz item: an activity a person may like or not, speaking to one RIASEC area."""

    id: str
    text: str  # e.g. "Fix a bicycle or a machine"
    area: str  # RIASEC letter
    liked: str  # as a reason names it: "you said you'd like fixing machines"


@dataclass(frozen=True)
class AnswerOption:
    id: str  # like / unsure / dislike
    label: str  # button title
    score: int  # added to the statement's area


@dataclass(frozen=True)
class JobZone:
    """What an O*NET job zone means, in plain words."""

    zone: int  # 1-5
    name: str  # e.g. "considerable preparation"
    description: str  # e.g. "most need a four-year college degree and several years of related experience"


@dataclass(frozen=True)
class ZoneChoice:
    """An answer to "how much preparation would you take on?"."""

    id: str
    label: str  # button title
    zones: tuple[int, ...]  # the job zones it means, consecutive, e.g. (1, 2); every zone for "any"


@dataclass(frozen=True)
class InterestGuide:
    """Everything interests.yml holds."""

    areas: Mapping[str, InterestArea]  # by letter, in RIASEC order
    statement_prompt: str  # asked with each statement, e.g. "Would you enjoy this?"
    statements: tuple[Statement, ...]  # in the order they are asked
    answers: Mapping[str, AnswerOption]  # by id, in button order
    zones: Mapping[int, JobZone]  # by job zone, 1-5
    zone_question: str
    zone_choices: Mapping[str, ZoneChoice]  # by id, in button order
    intro: str = ""  # said once before the first statement
    search_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # letter -> words that name the area in a search
    title_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # everyday word -> the words titles use

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if there is none)."""
        found = next((statement for statement in self.statements if statement.id == statement_id), None)
        if found is None:
            raise KeyError(statement_id)
        return found


def _named(reader: Reader, raw: Any, field: str, keys: tuple[Any, ...]) -> dict[Any, tuple[str, str]]:
    """Exactly the given keys, each with a name and a description in plain words."""
    items = reader.mapping(raw, field)
    if set(items) != set(keys):
        raise reader.fail(field, f"expected exactly {list(keys)}, got {sorted(items)}")
    return {
        key: (reader.text(reader.mapping(items[key], f"{field}.{key}"), "name", f"{field}.{key}.name"),
              reader.text(items[key], "description", f"{field}.{key}.description"))
        for key in keys
    }


def _read_statements(reader: Reader, raw: Any) -> tuple[Statement, ...]:
    if not isinstance(raw, list):
        raise reader.fail("statements", "expected a list of {id, area, text}")
    statements = []
    for number, item in enumerate(raw, start=1):
        field = f"statements #{number}"
        item = reader.mapping(item, field)
        area = item.get("area")
        if area not in RIASEC:
            raise reader.fail(f"{field}.area", f"expected one of {list(RIASEC)}, got {area!r}")
        statements.append(Statement(reader.text(item, "id", f"{field}.id"), reader.text(item, "text", f"{field}.text"), area,
                                    reader.text(item, "liked", f"{field}.liked")))
    ids = [statement.id for statement in statements]
    if len(set(ids)) != len(ids):
        raise reader.fail("statements", "statement ids must be unique")
    low, high = STATEMENTS_PER_AREA
    for letter in RIASEC:
        count = sum(statement.area == letter for statement in statements)
        if not low <= count <= high:
            raise reader.fail("statements", f"area {letter} has {count} statements; expected {low} to {high}")
    return tuple(statements)


def _read_answers(reader: Reader, raw: Any) -> dict[str, AnswerOption]:
    answers = {}
    for answer_id, item in reader.mapping(raw, "answers").items():
        item = reader.mapping(item, f"answers.{answer_id}")
        score = item.get("score")
        if not isinstance(score, int) or isinstance(score, bool):
            raise reader.fail(f"answers.{answer_id}.score", f"expected a whole number, got {score!r}")
        answers[answer_id] = AnswerOption(answer_id, reader.text(item, "label", f"answers.{answer_id}.label"), score)
    if len({answer.score for answer in answers.values()}) < 2:
        raise reader.fail("answers", "expected at least two answers with different scores")
    return answers


def _read_zone_choices(reader: Reader, raw: Any) -> dict[str, ZoneChoice]:
    choices = {}
    for choice_id, item in reader.mapping(raw, "zone_choices").items():
        field = f"zone_choices.{choice_id}"
        item = reader.mapping(item, field)
        zones = JOB_ZONES if item.get("zones") == ANY_ZONE else item.get("zones")
        if (not isinstance(zones, (list, tuple)) or not zones or not set(zones) <= set(JOB_ZONES)
                or list(zones) != list(range(zones[0], zones[0] + len(zones)))):
            raise reader.fail(f"{field}.zones", f"expected consecutive job zones 1-5 or '{ANY_ZONE}', got {zones!r}")
        choices[choice_id] = ZoneChoice(choice_id, reader.text(item, "label", f"{field}.label"), tuple(zones))
    if not choices:
        raise reader.fail("zone_choices", "expected at least one choice")
    return choices


def _read_search_words(reader: Reader, raw: Any) -> dict[str, tuple[str, ...]]:
    words = {}
    for letter, items in reader.mapping(raw or {}, "search_words").items():
        if letter not in RIASEC or not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
            raise reader.fail(f"search_words.{letter}", f"expected a RIASEC letter with a list of words, got {letter!r}: {items!r}")
        words[letter] = tuple(item.strip().lower() for item in items)
    return words


def _read_title_words(reader: Reader, raw: Any) -> dict[str, tuple[str, ...]]:
    words = {}
    for word, items in reader.mapping(raw or {}, "title_words").items():
        if not isinstance(items, list) or not items or not all(isinstance(item, str) and item.strip() for item in items):
            raise reader.fail(f"title_words.{word}", f"expected a list of words, got {items!r}")
        words[str(word).lower()] = tuple(item.strip().lower() for item in items)
    return words


def parse_interest_guide(raw: object, path: Path) -> InterestGuide:
    """Builds the guide from parsed YAML, raising InterestGuideError on the first schema violation."""
    reader = Reader(path, "interest guide", set(), InterestGuideError)
    data = reader.mapping(raw, "(file)")
    return InterestGuide(
        areas={letter: InterestArea(letter, *words) for letter, words in _named(reader, data.get("areas"), "areas", RIASEC).items()},
        statement_prompt=reader.text(data, "prompt"),
        statements=_read_statements(reader, data.get("statements")),
        answers=_read_answers(reader, data.get("answers")),
        zones={zone: JobZone(zone, *words) for zone, words in _named(reader, data.get("zones"), "zones", JOB_ZONES).items()},
        zone_question=reader.text(data, "zone_question"),
        zone_choices=_read_zone_choices(reader, data.get("zone_choices")),
        intro=reader.text(data, "intro"),
        search_words=_read_search_words(reader, data.get("search_words")),
        title_words=_read_title_words(reader, data.get("title_words")),
    )


def load_interest_guide(path: Path | str = DEFAULT_INTERESTS_PATH) -> InterestGuide:
    path = Path(path)
    return parse_interest_guide(read_yaml(path, InterestGuideError), path)


@lru_cache(maxsize=1)
def default_interest_guide() -> InterestGuide:
    """The shipped interests.yml, loaded once per process."""
    return load_interest_guide()


def profile_from_answers(guide: InterestGuide, answers: Mapping[str, str]) -> dict[str, float]:
    """Six scores, one per RIASEC letter: the sum of the answer scores of that area's statements.

    answers maps statement id -> answer id; a statement not answered counts as 0. An unknown
    statement or answer id raises KeyError.
    """
    profile = dict.fromkeys(RIASEC, 0.0)
    for statement_id, answer_id in answers.items():
        profile[guide.statement(statement_id).area] += guide.answers[answer_id].score
    return profile


@dataclass(frozen=True)
class InterestMatch:
    occupation: Occupation
    correlation: float  # Pearson r between the person's six scores and the occupation's, -1..1
    in_chosen_zones: bool = True  # False: from the nearest zone, as the chosen ones hold too few good matches
    liked: tuple[Statement, ...] = ()  # activities the person liked in the occupation's high-point areas

    @property
    def good(self) -> bool:
        return self.correlation >= GOOD_MATCH


@dataclass(frozen=True)
class InterestResult:
    """The best-matching occupations, or why there are none."""

    matches: tuple[InterestMatch, ...]  # those in the chosen zones first, best first; then the nearest zones'
    person_top_areas: tuple[str, ...]  # the person's highest-scoring letters, strongest first
    zones: tuple[int, ...]  # the job zones the matches were drawn from
    flat_profile: bool  # every score equal: there is no shape to correlate, so no matches
    good_in_chosen_zones: int = 0  # how many occupations of the chosen zones match well (r >= GOOD_MATCH)

    @property
    def every_zone(self) -> bool:
        return self.zones == JOB_ZONES


def _shapes(levels: numpy.ndarray) -> numpy.ndarray:
    """Each row centred on its mean and scaled to length 1, so a dot product of two rows is Pearson's r.

    Rows must not be flat (all six levels equal).
    """
    centred = levels - levels.mean(axis=1, keepdims=True)
    return centred / numpy.linalg.norm(centred, axis=1, keepdims=True)


def residual(occupation: Occupation) -> bool:
    """True when BLS's figures for it are a residual "All Other" group's (SOC codes ending in 9), or it is one."""
    return occupation.title.endswith(", All Other") or bool(occupation.wages and occupation.wages.soc_code.endswith("9"))


def preference(occupation: Occupation) -> tuple[int, int, str]:
    """How near-ties are ordered, lowest first: BLS figures for the occupation itself, then a wider group's
    it shares, then a residual "All Other" group's, then no BLS wage; then more people employed (counted
    only from figures of its own); then the title."""
    wages = occupation.wages
    if wages is None or (wages.median is None and wages.hourly_median is None):
        return 3, 0, occupation.title
    if residual(occupation):
        return 2, 0, occupation.title
    if occupation.code != f"{wages.soc_code}.00":
        return 1, 0, occupation.title
    return 0, -(wages.employment or 0), occupation.title


class _Profiles:
    """Every occupation's interest shape as one matrix, so matching is one matrix-vector product."""

    def __init__(self, catalogue: Catalogue) -> None:
        profiled = [occupation for occupation in catalogue.occupations.values()
                    if occupation.interests and all(letter in occupation.interests for letter in RIASEC)]
        levels = numpy.array([[occupation.interests[letter] for letter in RIASEC] for occupation in profiled],  # type: ignore[index]
                             dtype=float).reshape(-1, len(RIASEC))
        varied = levels.std(axis=1) > 0
        self.occupations = [occupation for occupation, keep in zip(profiled, varied) if keep]
        self.shapes = _shapes(levels[varied])
        self.zones = numpy.array([occupation.job_zone or 0 for occupation in self.occupations])
        self.preferences = [preference(occupation) for occupation in self.occupations]


@per_catalogue
def _profiles(catalogue: Catalogue) -> _Profiles:
    """The catalogue's shapes, worked out on first use."""
    return _Profiles(catalogue)


def _top_areas(profile: Mapping[str, float]) -> tuple[str, ...]:
    """The person's areas scoring above their own average, strongest first (RIASEC order breaks ties)."""
    mean = sum(profile[letter] for letter in RIASEC) / len(RIASEC)
    above = [letter for letter in RIASEC if profile[letter] > mean]
    return tuple(sorted(above, key=lambda letter: -profile[letter])[:TOP_AREAS])


def _ranked(profiles: _Profiles, correlations: numpy.ndarray, candidates: numpy.ndarray, limit: int) -> list[int]:
    """Up to `limit` candidate indices, best first: each pick is the preferred one among those within
    NEAR_TIE of the best correlation left (see the module docstring)."""
    remaining = list(candidates[numpy.argsort(-correlations[candidates], kind="stable")])
    picked: list[int] = []
    while remaining and len(picked) < limit:
        floor = correlations[remaining[0]] - NEAR_TIE
        near = itertools.takewhile(lambda index: correlations[index] >= floor, remaining)  # remaining is sorted
        choice = min(near, key=lambda index: profiles.preferences[index])
        picked.append(choice)
        remaining.remove(choice)
    return picked


def _zone_distance(zones: numpy.ndarray, chosen: Sequence[int]) -> numpy.ndarray:
    """How many zones each occupation's zone lies outside the chosen ones (0 inside; no zone: 9)."""
    low, high = min(chosen), max(chosen)
    distance = numpy.maximum(low - zones, zones - high).clip(min=0)
    return numpy.where(zones >= 1, distance, 9)


def match(catalogue: Catalogue, profile: Mapping[str, float], zones: Sequence[int] = JOB_ZONES, limit: int = 5) -> InterestResult:
    """The `limit` occupations of the chosen job zones whose interest profiles correlate best with the person's.

    When the chosen zones hold fewer than `limit` good matches (r >= GOOD_MATCH), the good ones come first,
    then the best good matches one zone away, then two (and so on), marked as outside the chosen zones;
    if even those run out, the chosen zones' weaker matches fill the list. Occupations without interest
    levels are skipped, and those without a job zone unless every zone is chosen.
    """
    zones = tuple(sorted(zones))
    scores = numpy.array([[profile[letter] for letter in RIASEC]], dtype=float)
    top_areas = _top_areas(profile)
    if not scores.std():
        return InterestResult(matches=(), person_top_areas=top_areas, zones=zones, flat_profile=True)
    profiles = _profiles(catalogue)
    correlations = profiles.shapes @ _shapes(scores)[0]
    distance = numpy.zeros(len(profiles.occupations), dtype=int) if zones == JOB_ZONES else _zone_distance(profiles.zones, zones)
    good = correlations >= GOOD_MATCH
    inside = distance == 0
    picked = _ranked(profiles, correlations, numpy.flatnonzero(inside & good), limit)
    for away in range(1, len(JOB_ZONES)):
        picked += _ranked(profiles, correlations, numpy.flatnonzero((distance == away) & good), limit - len(picked))
    picked += _ranked(profiles, correlations, numpy.flatnonzero(inside & ~good), limit - len(picked))

    def found(index: int) -> InterestMatch:
        occupation = profiles.occupations[index]
        return InterestMatch(occupation=occupation, correlation=float(correlations[index]), in_chosen_zones=bool(inside[index]))

    return InterestResult(matches=tuple(found(index) for index in picked), person_top_areas=top_areas, zones=zones,
                          flat_profile=False, good_in_chosen_zones=int((inside & good).sum()))


def liked_activities(guide: InterestGuide, answers: Mapping[str, str], occupation: Occupation) -> tuple[Statement, ...]:
    """The activities the person liked (a positive answer score) in the occupation's high-point areas, at most
    LIKED_SHOWN: one from each area in turn, its strongest area first, each area's in quiz order."""
    by_area = [[statement for statement in guide.statements if statement.area == letter and statement.id in answers
                and guide.answers[answers[statement.id]].score > 0] for letter in occupation.high_point]
    in_turn = [statement for round_ in itertools.zip_longest(*by_area) for statement in round_ if statement]
    return tuple(in_turn[:LIKED_SHOWN])


def quiz_result(catalogue: Catalogue, guide: InterestGuide, answers: Mapping[str, str],
                zones: Sequence[int] = JOB_ZONES, limit: int = 5) -> InterestResult:
    """The quiz's matches for these answers (statement id -> answer id), each with the liked activities behind it."""
    result = match(catalogue, profile_from_answers(guide, answers), zones, limit)
    matches = tuple(replace(found, liked=liked_activities(guide, answers, found.occupation)) for found in result.matches)
    return replace(result, matches=matches)


def moved(zones: Sequence[int], step: int) -> tuple[int, ...] | None:
    """The one job zone just below (step -1) or above (+1) the given ones; None past zone 1 or 5."""
    zone = min(zones) - 1 if step < 0 else max(zones) + 1
    return (zone,) if zone in JOB_ZONES else None
