"""Questions over the whole catalogue: the highest or lowest paying, within a preparation level, or by a word.

"Best paying jobs without a four-year degree", "jobs for someone who loves animals", "careers working
outdoors": the text is read for an order (by BLS median), a job-zone filter and the words to look for.
A word is looked for in occupations' main and alternate titles (an everyday word through the words titles use,
interests.yml title_words: "kids" is child, childcare, ...); words that name an interest area
(interests.yml search_words, e.g. "helping people") select occupations whose strongest O*NET interest
is that area. Residual "All Other" categories come last: they name no job a person can look up.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from bot.catalogue.interests import InterestGuide
from bot.catalogue.model import Catalogue, Occupation, per_catalogue
from bot.catalogue.titles import singular

LISTED = 5
_WORD = re.compile(r"[a-z]+")
_HIGHEST = re.compile(
    r"\b(?:highest|best|top|most)[- ]?(?:paid|paying|pay|salar\w+|earning)\b|\bpays? (?:the )?(?:most|best|well|good|a lot)\b|"
    r"\bwell[- ]paid\b|\b(?:high|good|great)[- ]paying\b|\bmake (?:the most|a lot of|good) money\b|\blucrative\b|"
    r"\bhigh(?:est)? salar\w+\b|\bmost money\b|\bhighest[- ]earning\b", re.IGNORECASE)
_LOWEST = re.compile(
    r"\b(?:lowest|least|worst)[- ]?(?:paid|paying|pay|salar\w+|earning)\b|\bpays? (?:the )?(?:least|worst)\b|"
    r"\b(?:low|poorly)[- ]pa(?:id|ying)\b|\bleast money\b", re.IGNORECASE)
_NEGATION = r"(?:without|no|not|don'?t|do not|doesn'?t|does not|never|won'?t) (?:need |needing |require |requiring |have |having |get |getting )?(?:an? |any )?"
# Preparation filters, first match wins: (pattern, allowed job zones, how the reply says it).
_ZONES: tuple[tuple[re.Pattern[str], tuple[int, ...], str], ...] = (
    (re.compile(_NEGATION + r"(?:(?:four|4)[- ]year|bachelor'?s|university)", re.IGNORECASE), (1, 2, 3),
     "without a four-year degree (job zones 1-3)"),
    (re.compile(r"(?:two|2)[- ]year|associate'?s|community college|vocational|trade school|apprenticeship", re.IGNORECASE), (3,),
     "with vocational training or a two-year degree (job zone 3)"),
    (re.compile(_NEGATION + r"(?:college|degree|diploma|experience|training)|\bhigh school\b|\bno experience\b|\bentry[- ]level\b",
                re.IGNORECASE), (1, 2), "without a degree (job zones 1-2)"),
    (re.compile(r"(?:four|4)[- ]year|bachelor'?s|college degree", re.IGNORECASE), (4,), "with a four-year degree (job zone 4)"),
    (re.compile(r"master'?s|doctorate|\bphd\b|graduate degree|law degree|medical degree|advanced degree", re.IGNORECASE), (5,),
     "with a graduate degree (job zone 5)"),
)
# Words of the question itself, never searched for in titles.
_FRAME = set("""
a an the and or of for to in on at by with without from into as is are be been being it its this that these those there
what which who whom whose where when how why do does did done doing can could would should will shall may might must
i me my mine im i'm you your we our they them their he she his her someone somebody person people people's one ones some any
job jobs career careers occupation occupations work works working worker workers profession professions role roles position
positions field fields option options list show give tell find suggest recommend ideas idea kind kinds sort sorts type types
like likes liked love loves loving enjoy enjoys into interested interest interests passionate about good great best better
well top high highest low lowest least most more less pay pays paying paid salary salaries money earn earning earnings make
making wage wages income need needs needing require requires requiring required degree degrees college university year four
two 4 2 school diploma training vocational associate associates bachelor bachelors master masters graduate experience
entry level get getting have having not no dont don't doesnt doesn't never won't without also just really very lot lots
that's involve involves involving involved using use uses around other else where's want wants wanted looking look please
thing things stuff day all every much many something anything
""".split())


@dataclass(frozen=True)
class Search:
    """What a catalogue question asks for."""

    order: str | None = None  # "highest" or "lowest" by BLS median; None: by how well the words match
    zones: tuple[int, ...] | None = None  # the job zones allowed; None: any
    zone_words: str = ""  # the filter in the reply's words
    words: tuple[str, ...] = ()  # singular lower-case words to find in titles
    areas: tuple[str, ...] = ()  # RIASEC letters the question names through search words
    named: tuple[str, ...] = ()  # what the person said the list is about, for the reply

    @property
    def empty(self) -> bool:
        return self.order is None and self.zones is None and not self.words and not self.areas


@dataclass(frozen=True)
class Found:
    search: Search
    occupations: tuple[Occupation, ...]  # best first
    by_area: bool  # the list comes from interest areas, no title matched the words


def read_search(text: str, guide: InterestGuide) -> Search:
    lower = text.lower()
    order = "lowest" if _LOWEST.search(text) else "highest" if _HIGHEST.search(text) else None
    zones, zone_words = None, ""
    for pattern, allowed, said in _ZONES:
        if pattern.search(text):
            zones, zone_words = allowed, said
            break
    areas, named = [], []
    for letter, phrases in guide.search_words.items():
        for phrase in phrases:
            if re.search(rf"\b{re.escape(phrase)}\b", lower):
                if letter not in areas:
                    areas.append(letter)
                named.append(phrase)
                lower = re.sub(rf"\b{re.escape(phrase)}\b", " ", lower)
    said = [word for word in _WORD.findall(lower.replace("'", "")) if word not in _FRAME and len(word) > 2]
    words = [title_word for word in said for title_word in _WORD.findall(" ".join(guide.title_words.get(word, (word,))))]
    return Search(order, zones, zone_words, tuple(dict.fromkeys(singular(word) for word in words)), tuple(areas),
                  tuple(dict.fromkeys(named + said)))


class TitleWords:
    """Each word of every main and alternate title, with the occupations that use it (main titles weigh more)."""

    MAIN, OTHER = 3.0, 1.0

    def __init__(self, catalogue: Catalogue) -> None:
        self.weights: dict[str, dict[str, float]] = defaultdict(dict)
        for occupation in catalogue.occupations.values():
            self._add(occupation.title, occupation.code, self.MAIN)
            for title in occupation.alternate_titles:
                self._add(title, occupation.code, self.OTHER)

    def _add(self, title: str, code: str, weight: float) -> None:
        for word in set(_WORD.findall(title.lower())):
            key = singular(word)
            codes = self.weights[key]
            codes[code] = min(codes.get(code, 0.0) + weight, self.MAIN + 2 * self.OTHER)

    def scores(self, words: tuple[str, ...]) -> dict[str, float]:
        total: dict[str, float] = defaultdict(float)
        for word in words:
            for code, weight in self.weights.get(word, {}).items():
                total[code] += weight
        return total


@per_catalogue
def title_words(catalogue: Catalogue) -> TitleWords:
    """The catalogue's title-word index, built on first use."""
    return TitleWords(catalogue)


def _median(occupation: Occupation) -> int:
    return occupation.wages.median if occupation.wages and occupation.wages.median else 0


def _employment(occupation: Occupation) -> int:
    return occupation.wages.employment if occupation.wages and occupation.wages.employment else 0


def _residual(occupation: Occupation) -> bool:
    return "all other" in occupation.title.lower()


def run(catalogue: Catalogue, search: Search, limit: int = LISTED) -> Found:
    """The occupations that fit, best first: by median when an order is asked, else by match and employment."""
    candidates = [occupation for occupation in catalogue.occupations.values()
                  if search.zones is None or occupation.job_zone in search.zones]
    scores = title_words(catalogue).scores(search.words) if search.words else {}
    by_area = False
    if search.words and any(scores.get(occupation.code) for occupation in candidates):
        candidates = [occupation for occupation in candidates if scores.get(occupation.code)]
    elif search.areas:
        by_area = True
        candidates = [occupation for occupation in candidates if occupation.high_point[:1] and occupation.high_point[0] in search.areas]
    elif search.words:
        return Found(search, (), by_area=False)
    key: Callable[[Occupation], tuple]
    if search.order:
        candidates = [occupation for occupation in candidates if _median(occupation)]
        sign = -1 if search.order == "highest" else 1
        key = lambda occupation: (_residual(occupation), sign * _median(occupation), -_employment(occupation))  # noqa: E731
    elif by_area:
        key = lambda occupation: (_residual(occupation), -max(occupation.interests[letter] for letter in search.areas),  # type: ignore[index]  # noqa: E731
                                  -_employment(occupation))
    else:
        key = lambda occupation: (_residual(occupation), -scores.get(occupation.code, 0.0), -_employment(occupation))  # noqa: E731
    return Found(search, tuple(sorted(candidates, key=key)[:limit]), by_area)
