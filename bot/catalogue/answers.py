"""Reply texts about catalogue occupations, each fact followed by its source.

Wages and employment are BLS OEWS May 2024's; interests, job zone, education, skills and related
occupations are O*NET 29.3's. Each reply names the source of what it states; a comparison draws
every figure from one source. Wording lives here, facts come from the catalogue, and the plain words
for interest areas and job zones from interests.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bot.catalogue.interests import InterestGuide, InterestResult
from bot.catalogue.model import Catalogue, Occupation
from bot.catalogue.titles import TitleMatch
from bot.knowledge import Knowledge, Role


@dataclass(frozen=True)
class Choice:
    """A button: what it shows and what it sends back (an occupation code)."""

    title: str
    code: str


@dataclass(frozen=True)
class Clarification:
    text: str  # the question, e.g. "Which kind of engineer do you mean?"
    choices: tuple[Choice, ...]  # the likeliest occupations, best first


def overview(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None) -> str:
    """Title and key facts (pay, preparation, interests); description and tasks when O*NET prose is available."""
    raise NotImplementedError


def salary(catalogue: Catalogue, occupation: Occupation) -> str:
    """Median and 10th-90th percentile range, or a plain statement that BLS publishes none."""
    raise NotImplementedError


def preparation(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None) -> str:
    """Job zone in plain words, and the typical education with the share who named it."""
    raise NotImplementedError


def interests(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None) -> str:
    raise NotImplementedError


def skills(catalogue: Catalogue, occupation: Occupation) -> str:
    raise NotImplementedError


def related(catalogue: Catalogue, occupation: Occupation) -> str:
    raise NotImplementedError


def compare(catalogue: Catalogue, first: Occupation, second: Occupation, guide: InterestGuide | None = None) -> str:
    """Two occupations side by side: pay (BLS), preparation and interests (O*NET)."""
    raise NotImplementedError


def clarify(catalogue: Catalogue, match: TitleMatch, limit: int = 4) -> Clarification:
    """The question to ask when a mention fits several occupations, with buttons for the likeliest."""
    raise NotImplementedError


def recommendation(catalogue: Catalogue, result: InterestResult, guide: InterestGuide | None = None) -> str:
    """The top matches of the interest quiz with reasons: shared areas, wage, preparation."""
    raise NotImplementedError


def attribution(catalogue: Catalogue, knowledge: Knowledge) -> str:
    """Where the bot's data comes from: the articles, and both data sets with their credit lines."""
    raise NotImplementedError


def compare_pay(knowledge: Knowledge, catalogue: Catalogue, subjects: Sequence[Role | Occupation]) -> str:
    """Which pays more, among article roles and catalogue occupations, never mixing sources.

    Only article roles: the articles' figures. Any catalogue occupation among them: BLS figures for
    every side, an article role standing in through its catalogue_code (said so); a side without a
    figure in that source is said plainly.
    """
    raise NotImplementedError
