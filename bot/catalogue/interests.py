"""The interest quiz and matching occupations on the shape of a person's interests.

The quiz's statements, the answer scores, the plain-word names of the six RIASEC areas and of the
five job zones all live in bot/knowledge/interests.yml, in our own wording. A person's six scores
are matched against each occupation's six O*NET interest levels by Pearson correlation: the shape
of the profile counts, not how strongly someone answered overall.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from bot.catalogue.model import Catalogue, Occupation

DEFAULT_INTERESTS_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "interests.yml"


class InterestGuideError(ValueError):
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


@dataclass(frozen=True)
class AnswerOption:
    id: str  # like / unsure / dislike
    label: str  # button title
    score: int  # added to the statement's area


@dataclass(frozen=True)
class ZoneChoice:
    """An answer to "how much preparation would you take on?"."""

    id: str
    label: str  # button title
    max_zone: int | None  # the highest job zone it allows; None: any


@dataclass(frozen=True)
class InterestGuide:
    """Everything interests.yml holds."""

    areas: Mapping[str, InterestArea]  # by letter, in RIASEC order
    statement_prompt: str  # asked before each statement, e.g. "Would you enjoy this?"
    statements: tuple[Statement, ...]  # in the order they are asked
    answers: Mapping[str, AnswerOption]  # by id, in button order
    zones: Mapping[int, str]  # job zone 1-5 -> what preparation it means, in plain words
    zone_question: str
    zone_choices: Mapping[str, ZoneChoice]  # by id, in button order

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if there is none)."""
        raise NotImplementedError


def parse_interest_guide(raw: object, path: Path) -> InterestGuide:
    """Builds the guide from parsed YAML, raising InterestGuideError on the first schema violation."""
    raise NotImplementedError


def load_interest_guide(path: Path | str = DEFAULT_INTERESTS_PATH) -> InterestGuide:
    raise NotImplementedError


@lru_cache(maxsize=1)
def default_interest_guide() -> InterestGuide:
    """The shipped interests.yml, loaded once per process."""
    return load_interest_guide()


def profile_from_answers(guide: InterestGuide, answers: Mapping[str, str]) -> dict[str, float]:
    """Six scores, one per RIASEC letter: the sum of the answer scores of that area's statements.

    answers maps statement id -> answer id; a statement not answered counts as 0. An unknown
    statement or answer id raises KeyError.
    """
    raise NotImplementedError


@dataclass(frozen=True)
class InterestMatch:
    occupation: Occupation
    correlation: float  # Pearson r between the person's six scores and the occupation's, -1..1
    shared_areas: tuple[str, ...]  # the occupation's high-point letters among the person's top areas


@dataclass(frozen=True)
class InterestResult:
    """The best-matching occupations, or why there are none."""

    matches: tuple[InterestMatch, ...]  # best first
    person_top_areas: tuple[str, ...]  # the person's highest-scoring letters, strongest first
    max_zone: int | None  # the preparation filter that was applied
    flat_profile: bool  # every score equal: there is no shape to correlate, so no matches


def match(catalogue: Catalogue, profile: Mapping[str, float], max_zone: int | None = None, limit: int = 5) -> InterestResult:
    """The `limit` occupations whose interest profiles correlate best with the person's.

    Occupations without interest levels are skipped; with max_zone, so are occupations of a higher
    job zone or of none.
    """
    raise NotImplementedError
