"""Turning what a person calls an occupation ("data scientist", "RN", "nurses") into catalogue codes.

Every main, alternate and reported title in the catalogue is indexed once, as normalised words
(lower case, each word singular), and each key's answer is worked out when the index is built, so
a lookup is one dictionary access, not a scan over ~60,000 titles.

How a title matched ranks its occupations: the main title, then another name O*NET lists for it, then
a word of a main title alone ("managers" in "Sales Managers"). Alternate and reported titles rank
alike: O*NET's reported titles are the commonest of its alternate titles, and the catalogue keeps a
title that is both only among the reported ones ("Truck Driver" is reported for Heavy and
Tractor-Trailer Truck Drivers, an alternate title of Freight Forwarders).
Only the best way any occupation matched counts; within it, more employment ranks first. A mention
is ambiguous when that leaves more than one occupation, except that a broad O*NET occupation (code
ending .00) stands for its own specialisations ("nurse" is Registered Nurses, not Critical Care Nurses).

In free text, one word alone is taken for an occupation only when written the way people name a
job: in the plural ("nurses"), after "a"/"an"/"as" ("an economist"), next to another occupation
("data scientist or economist"), or as an abbreviation in capitals ("RN"). So "lead", "help",
"model" or "driver" in ordinary sentences are not occupations; an explicit mention (an NLU entity,
a button) may still be any title.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import IntEnum
from functools import lru_cache
from typing import Iterable

from bot.catalogue.model import Catalogue, Occupation, default_catalogue
from bot.resolve import MAX_SCANNED_CHARS, MAX_SCANNED_WORDS, normalize

_WRITTEN_WORD = re.compile(r"[A-Za-z0-9]+")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # "RN", "CEO", "LPN": a whole title in capitals
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s*/\s*|\s*--\s*")
# "Medical Scientists, Except Epidemiologists": the part before the comma names them too. In "Engineers,
# All Other" it does not: those are the engineers no other occupation covers.
_QUALIFIER = re.compile(r",\s*(?:except|including)\b.*$", re.IGNORECASE)
_ALL_OTHER = re.compile(r",\s*all other\b.*$", re.IGNORECASE)
# Plural last words of O*NET title parts that name things or fields, not people ("Eligibility Interviewers,
# Government Programs"): alone in a sentence they never name an occupation ("which programs do they use?").
_NOT_PEOPLE = frozenset({
    "activities", "animals", "benefits", "biofuels", "commodities", "forces", "materials", "occupations",
    "operations", "persons", "products", "programs", "sales", "securities", "services", "surfaces", "trades",
    "utilities", "vehicles", "vessels"})
_ROLE_CUES = {"a", "an", "as"}  # "an economist", "a former teacher", "work as nurse"
_LIST_WORDS = {"or", "and", "vs", "versus", "v", "than", "nor"}  # "data scientist or economist"
MISSPELLING_THRESHOLD = 0.88  # "registred nurse" (0.97) and "pharmasist" (0.9) are found; "nursery" is not "nurse"
MIN_MISSPELLED_LENGTH = 5


class _How(IntEnum):
    """How a title matched; lower is stronger."""

    MAIN = 0
    OTHER_NAME = 1  # an alternate or reported title
    TITLE_WORD = 2


@dataclass(frozen=True)
class TitleMatch:
    """An occupation mention: the words that matched and the occupations they may mean."""

    mention: str  # the matched words as the person wrote them, e.g. "registered nurses"
    codes: tuple[str, ...]  # candidate O*NET-SOC codes, likeliest first; never empty
    ambiguous: bool  # True when a clarifying question is needed ("engineer", "researcher")

    @property
    def code(self) -> str:
        """The likeliest occupation (the only one when the match is not ambiguous)."""
        return self.codes[0]


@dataclass(frozen=True)
class _Entry:
    codes: tuple[str, ...]
    ambiguous: bool


@lru_cache(maxsize=1 << 16)  # title words repeat: building the index asks for each ~10 times
def singular(word: str) -> str:
    """A lower-case word made singular by English spelling rules: 'nurses' -> 'nurse', 'secretaries' -> 'secretary'.

    Only consistency matters for lookups (titles and mentions go through the same rules).
    """
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("wives"):
        return word[:-5] + "wife"
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") else word


def _key(words: Iterable[str]) -> str:
    return " ".join(singular(word.lower()) for word in words)


def _title_key(title: str) -> str:
    return _key(_WRITTEN_WORD.findall(title.replace("'s", "")))


def _title_variants(title: str) -> Iterable[str]:
    """A title, what its parentheses hold, and the title without them: 'Registered Nurse (RN)' gives all three."""
    yield title
    inner = _PARENTHESES.findall(title)
    if inner:
        yield from inner
        yield _PARENTHESES.sub(" ", title)


def _main_title_parts(title: str) -> Iterable[str]:
    """The occupations a main title lists, and each one's last word: 'Chefs and Head Cooks' -> chefs, head cooks, cooks.

    A last word names people only in the plural: "Educational Instruction and Library Workers" gives
    "workers", never "instruction" (so "ignore your instructions" names no occupation); and not when
    it names things (_NOT_PEOPLE).
    """
    for part in _LIST_SEPARATOR.split(_ALL_OTHER.sub("", _QUALIFIER.sub("", title))):
        words = _WRITTEN_WORD.findall(part)
        if words:
            yield part
            last = words[-1].lower()
            if singular(last) != last and last not in _NOT_PEOPLE:
                yield words[-1]


class TitleIndex:
    """Every title of every occupation in a catalogue, ready for constant-time lookups."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._sharing = Counter(occupation.wages.soc_code for occupation in catalogue.occupations.values() if occupation.wages)
        found: dict[str, dict[str, _How]] = defaultdict(dict)  # key -> code -> best way it matched
        abbreviations: dict[str, dict[str, _How]] = defaultdict(dict)

        def add(title: str, code: str, how: _How) -> None:
            for variant in _title_variants(title):
                variant = variant.strip()
                target, key = (abbreviations, variant) if _ABBREVIATION.fullmatch(variant) else (found, _title_key(variant))
                if key and how < target[key].get(code, _How.TITLE_WORD + 1):
                    target[key][code] = how

        for occupation in catalogue.occupations.values():
            add(_QUALIFIER.sub("", occupation.title), occupation.code, _How.MAIN)
            add(occupation.title, occupation.code, _How.MAIN)
            for title in (*occupation.alternate_titles, *occupation.reported_titles):
                add(title, occupation.code, _How.OTHER_NAME)
            for part in _main_title_parts(occupation.title):
                add(part, occupation.code, _How.TITLE_WORD)
        self._titles = {key: self._entry(matches) for key, matches in found.items()}
        self._abbreviations = {key: self._entry(matches) for key, matches in abbreviations.items()}
        self._longest_title_words = max((key.count(" ") + 1 for key in self._titles), default=1)
        self._by_initial: dict[str, list[str]] = defaultdict(list)  # keys by first letter, for misspellings
        for key in self._titles:
            self._by_initial[key[:1]].append(key)

    def _entry(self, matches: dict[str, _How]) -> _Entry:
        if len(matches) == 1:
            return _Entry(tuple(matches), ambiguous=False)
        best = min(matches.values())
        codes = [code for code, how in matches.items() if how == best]
        broad = {code for code in codes if code.endswith(".00")}
        # A broad occupation stands for its specialisations matched the same way.
        codes = [code for code in codes if code in broad or f"{code[:7]}.00" not in broad]
        codes.sort(key=lambda code: (-self._employment(self.catalogue.occupations[code]), code))
        return _Entry(tuple(codes), ambiguous=len(codes) > 1)

    def _employment(self, occupation: Occupation) -> float:
        """The occupation's share of its BLS employment: O*NET occupations sharing a BLS one split it evenly."""
        if not occupation.wages or not occupation.wages.employment:
            return 0.0
        return occupation.wages.employment / self._sharing[occupation.wages.soc_code]

    def _abbreviation(self, written: str) -> _Entry | None:
        return self._abbreviations.get(written) or (
            self._abbreviations.get(written[:-1]) if written.endswith("s") else None  # "RNs"
        )

    def resolve(self, mention: str) -> TitleMatch | None:
        """The occupations an explicit mention names (an NLU entity, a button), or None.

        Any indexed title counts here, single common words included ("model", "lead").
        """
        written = " ".join(_WRITTEN_WORD.findall(mention.replace("'s", "")))
        entry = (
            self._abbreviation(mention.strip())
            or self._titles.get(_key(written.split()))
            or self._titles.get(_key(normalize(mention).split()))  # "the data scientist role"
        )
        if entry is None:
            closest = self.closest(written)
            entry = self._titles[closest] if closest else None
        return TitleMatch(written, entry.codes, entry.ambiguous) if entry else None

    def closest(self, mention: str, threshold: float = MISSPELLING_THRESHOLD) -> str | None:
        """The indexed title key most like a misspelled mention ("registred nurse"), if one is close enough.

        Only keys with the same first letter and a length that can reach the threshold are compared:
        people rarely mistype a word's first letter.
        """
        key = _key(mention.split())
        if len(key) < MIN_MISSPELLED_LENGTH:
            return None
        best, best_score = None, threshold
        for candidate in self._by_initial.get(key[:1], ()):
            if 2 * min(len(key), len(candidate)) / (len(key) + len(candidate)) < best_score:
                continue
            matcher = SequenceMatcher(None, key, candidate)
            if matcher.quick_ratio() >= best_score:
                score = matcher.ratio()
                if score > best_score or (score == best_score and best is None):
                    best, best_score = candidate, score
        return best

    def find_in_text(self, text: str) -> list[TitleMatch]:
        """Occupations named anywhere in a free-text message, in order, longest names first.

        Stricter than resolve(): ordinary words that happen to be a title ("help", "lead")
        do not count here.
        """
        text = text[:MAX_SCANNED_CHARS]
        written = _WRITTEN_WORD.findall(text.replace("'s", ""))[:MAX_SCANNED_WORDS]
        words = _Words(written, [word.lower() for word in written], [singular(word.lower()) for word in written])
        shouting = text.isupper()  # in "WHAT DO NURSES DO", DO is just a word
        spans: list[_Span] = []
        start = 0
        while start < len(written):
            span = self._longest_at(words, start, abbreviations=not shouting)
            if span:
                spans.append(span)
            start = span.end if span else start + 1
        named = [span for span in spans if not span.lone_word]
        lone = {span.start for span in spans if span.lone_word}
        named += [span for span in spans if span.lone_word and _named_as_a_job(span.start, words, lone, named)]
        matches: list[TitleMatch] = []
        for span in sorted(named, key=lambda span: span.start):
            if all(span.entry.codes != earlier.codes for earlier in matches):
                matches.append(TitleMatch(" ".join(written[span.start : span.end]), span.entry.codes, span.entry.ambiguous))
        return matches

    def _longest_at(self, words: _Words, start: int, abbreviations: bool) -> _Span | None:
        for size in range(min(self._longest_title_words, len(words.written) - start), 0, -1):
            entry = self._titles.get(" ".join(words.keys[start : start + size]))
            if size == 1 and abbreviations and not (start and words.lower[start - 1].isdigit()):  # "at 3 PM" is a time
                abbreviation = self._abbreviation(words.written[start])
                if abbreviation:
                    return _Span(start, start + 1, abbreviation, lone_word=False)
            if entry:
                return _Span(start, start + size, entry, lone_word=size == 1)
        return None


@dataclass(frozen=True)
class _Words:
    """A message's words three ways: as written, in lower case, and as lookup keys."""

    written: list[str]
    lower: list[str]
    keys: list[str]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    entry: _Entry
    lone_word: bool  # one ordinary word: counts only when written as a job


def _named_as_a_job(index: int, words: _Words, lone: set[int], named: list[_Span]) -> bool:
    """Whether a lone title word is written as an occupation: plural, listed beside one, or last after a/an/as.

    "a former teacher" names a teacher: the cue goes to the last title word within two words of it.
    """
    if words.keys[index] != words.lower[index]:
        return True
    cued = any(0 <= index - back and words.lower[index - back] in _ROLE_CUES for back in (1, 2))
    if cued and index + 1 not in lone:
        return True
    for span in named:
        between = words.lower[span.end : index] if span.end <= index else words.lower[index + 1 : span.start]
        if len(between) == 1 and between[0] in _LIST_WORDS:
            return True
    return False


@lru_cache(maxsize=1)
def default_title_index() -> TitleIndex:
    """The index over the shipped catalogue, built once per process."""
    return TitleIndex(default_catalogue())
