"""What a message asks, beyond which topics it names: the attributes, a figure to judge, a place, a claim.

The NLU tags attribute words it has seen; the cues here catch the kinds of question whose wording
varies most ("per hour", "starting salary", "how many people", "in Texas", "$55k"), so a phrasing
the training data never had is still answered as asked. Plain rules over the text, tested alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from bot.knowledge import read_yaml
from bot.text import clean_mention

PLACES_PATH = Path(__file__).resolve().parent / "knowledge" / "places.yml"

# Attributes a cue in the text adds to what the NLU found, first match in the message first.
_CUES = {
    "hourly_pay": re.compile(r"\b(?:per|an|a|by the|each|every)\s+hour\b|\bhourly\b|/\s?h(?:ou)?r\b", re.IGNORECASE),
    "starting_pay": re.compile(
        r"\b(?:starting|entry[- ]level|beginners?|first[- ]year|junior|new grads?|fresh graduates?|"
        r"start(?:ing)? out|right out of (?:school|college)|just starting|newly (?:qualified|hired|licensed|certified)|new hires?|"
        r"new(?!\s+(?:york|jersey|mexico|hampshire|orleans|england|zealand|haven)\b)(?=\s+\w+s\b))\b", re.IGNORECASE),
    "employment": re.compile(
        r"\bhow many (?:people|workers|persons|jobs|positions|of them|are there|americans)\b|"
        r"\bnumber of (?:jobs|people|workers|positions)\b|\bmore (?:jobs|people|workers|positions)\b|"
        r"\b(?:employment|employed|workforce)\b|\bhow common\b", re.IGNORECASE),
    "technology": re.compile(
        r"\b(?:what|which)\s+(?:kinds? of |sorts? of |\w+ )?(?:software|technolog\w*|tools?|programs|apps|tech|equipment)\b|"
        r"\b(?:use|uses|using|work with)\s+(?:\w+\s+){0,2}(?:software|technolog\w*|tools|programs|apps)\b|\btech stack\b",
        re.IGNORECASE),
    "outlook": re.compile(
        r"\b(?:outlook|prospects?|future|growth|growing|grow|in demand|demand|projected|projections?|forecast|"
        r"still (?:be )?(?:needed|around)|in \d+ years|automat\w*|replaced by|job security|dying|shrinking)\b",
        re.IGNORECASE),
    # "What's similar to the fourth one?": the NLU often misses "similar" after "what's".
    "related": re.compile(r"\bwhat(?:'s| is)\s+similar\s+to\b|\bsimilar\s+(?:jobs|occupations|careers)\b", re.IGNORECASE),
    "duties": re.compile(r"\bwhat (?:does|do|would) (?:an? |the )?[\w' -]{1,40}? do\b(?! (?:to|for|with|if|when))",
                         re.IGNORECASE),
}
# A pay question: an attribute the NLU tags, or a word the cues need beside a figure or a place.
PAY_ATTRIBUTES = ("salary", "hourly_pay", "starting_pay")
_PAY_WORDS = re.compile(r"\b(?:pay|paid|pays|salary|salaries|earn\w*|make|makes|making|wages?|income|money|rate)\b",
                        re.IGNORECASE)
# Attributes that narrow another: "per hour" makes a pay question an hourly one.
_NARROWS = {"hourly_pay": "salary", "starting_pay": "salary"}

_AMOUNT = re.compile(
    r"(?:\$\s?(?P<dollars>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<dk>k|K|thousand)?)|"
    r"(?:\b(?P<bare>\d{1,3}(?:,\d{3})+|\d{2,3})\s*(?P<bk>k|K|thousand)\b)|"
    r"(?:\b(?P<plain>\d{1,3},\d{3}|\d{5,6})\b(?!\s*(?:people|workers|jobs|%)))|"
    r"(?:\b(?P<words>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<wk>k|K|thousand)?\s*(?:dollars|bucks|usd)\b)")
_PER_HOUR = re.compile(r"^\s*(?:/\s?h(?:ou)?r|an hour|per hour|a hour|hourly)", re.IGNORECASE)
_JUDGED = re.compile(r"\b(?:good|decent|fair|enough|normal|low|high|bad|ok|okay|reasonable|average|typical|underpaid|overpaid)\b",
                     re.IGNORECASE)

_CLAIM = re.compile(
    r"\b(?P<verb>earn|earns|make|makes|get paid|gets paid|are paid|is paid|pay|pays|paid)\b[^.?!]{0,25}?"
    r"\b(?P<direction>more|less|better|worse|higher|lower)\b[^.?!]{0,15}?\bthan\b",
    re.IGNORECASE)
_MORE = {"more", "better", "higher"}


@dataclass(frozen=True)
class Place:
    """A place a person asked about: the data holds national US figures only."""

    name: str  # as the person wrote it, made safe to repeat
    in_us: bool


@dataclass(frozen=True)
class Amount:
    """A figure the person asks about ("is $55k good?"), annual unless written per hour."""

    value: float  # dollars: a whole number a year, or an hourly figure in cents
    hourly: bool


@dataclass(frozen=True)
class Question:
    """What one message asks about the topics it concerns."""

    text: str
    attributes: tuple[str, ...] = ()  # in the order asked; empty: an overview
    amount: Amount | None = None  # a pay figure to place among the percentiles
    place: Place | None = None  # a state, city or country the data has no figures for
    claims_more: bool | None = None  # "X earns more than Y": True; "less": False; no such claim: None

    @property
    def asks_pay(self) -> bool:
        return any(attribute in PAY_ATTRIBUTES for attribute in self.attributes)


@dataclass(frozen=True)
class Places:
    us: tuple[str, ...]  # states, their abbreviations in capitals, large cities
    abroad: tuple[str, ...]  # countries and regions outside the US
    vague: tuple[str, ...]  # "in my area", "near me"


@lru_cache(maxsize=1)
def default_places() -> Places:
    raw = read_yaml(PLACES_PATH)
    return Places(us=tuple(raw["us"]), abroad=tuple(raw["abroad"]), vague=tuple(raw["vague"]))


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    places = default_places()

    def alternatives(names: Sequence[str]) -> str:
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

    abbreviations = [name for name in places.us if name.isupper()]
    names = [name for name in places.us if not name.isupper()]
    us = re.compile(rf"\b(?:in|for|around|across)\s+(?:the\s+)?(?P<name>(?i:{alternatives(names)})|{alternatives(abbreviations)})\b")
    abroad = re.compile(rf"\b(?:in|for|across)\s+(?:the\s+)?(?P<name>{alternatives(places.abroad)})\b", re.IGNORECASE)
    vague = re.compile(rf"(?P<name>{alternatives(places.vague)})", re.IGNORECASE)
    return us, abroad, vague


def find_place(text: str) -> Place | None:
    us, abroad, vague = _place_patterns()
    for pattern, in_us in ((us, True), (abroad, False), (vague, True)):
        found = pattern.search(text)
        if found:
            return Place("where you are" if pattern is vague else _as_listed(clean_mention(found.group("name"))), in_us)
    return None


def _as_listed(name: str) -> str:
    """A place as places.yml writes it ("ohio" is Ohio)."""
    places = default_places()
    return next((listed for listed in (*places.us, *places.abroad) if listed.lower() == name.lower()), name)


def find_amount(text: str) -> Amount | None:
    """A money figure in the message: "$55,000", "55k", "$28 an hour"; None when there is none."""
    for found in _AMOUNT.finditer(text):
        digits = found.group("dollars") or found.group("bare") or found.group("plain") or found.group("words")
        value = float(digits.replace(",", ""))
        if found.group("dk") or found.group("bk") or found.group("wk"):
            value *= 1000
        hourly = bool(_PER_HOUR.match(text[found.end():])) or value < 300
        if value > 0:
            return Amount(value if hourly else int(value), hourly)
    return None


def _cued(text: str) -> list[tuple[int, str]]:
    found = []
    for attribute, cue in _CUES.items():
        match = cue.search(text)
        if match:
            found.append((match.start(), attribute))
    return found


def read_question(text: str, tagged: Sequence[str] = ()) -> Question:
    """The attributes asked (the NLU's, narrowed and completed by the cues), and any figure, place or claim."""
    text = text or ""
    asked = list(dict.fromkeys(tagged))
    cued = [attribute for _, attribute in sorted(_cued(text))]
    amount = find_amount(text)
    place = find_place(text)
    pay_context = bool(_PAY_WORDS.search(text)) or any(attribute in PAY_ATTRIBUTES for attribute in asked)
    for attribute in cued:
        if attribute in ("hourly_pay", "starting_pay") and not pay_context:
            continue
        if attribute == "technology" and asked and "technology" not in asked and "skills" not in asked:
            continue  # "tools" beside another tagged aspect is rarely the question
        if attribute == "duties" and not asked:
            continue  # "what does X do" alone is an overview
        if attribute not in asked:
            asked.append(attribute)
    if "duties" in asked:
        asked.insert(0, asked.pop(asked.index("duties")))  # "what does X do and what does it pay?": in that order
    for narrow, broad in _NARROWS.items():
        if narrow in asked and broad in asked:
            asked.remove(broad)
    if amount and _JUDGED.search(text) and not any(attribute in PAY_ATTRIBUTES for attribute in asked):
        asked.insert(0, "hourly_pay" if amount.hourly else "salary")
    if place and not asked and pay_context:
        asked.append("salary")
    claim = _CLAIM.search(text)
    return Question(
        text=text,
        attributes=tuple(asked),
        amount=amount if amount and any(attribute in PAY_ATTRIBUTES for attribute in asked) else None,
        place=place,
        claims_more=(claim.group("direction").lower() in _MORE) if claim else None,
    )
