"""Turning what a person called a role ("PMs", "projct manger", "tech expert") into a role id.

Names come only from the knowledge file's names and synonyms. Misspellings are caught by a
similarity match that is strict enough not to turn ordinary words into roles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.knowledge import Knowledge

_WORD = re.compile(r"[a-z0-9]+")
_FILLER = {"a", "an", "the", "my", "your", "their", "role", "job", "career", "position", "s"}
_FUZZY_THRESHOLD = 0.9  # catches "projct manger" (0.93) but not "product manager" (0.87)
_MIN_FUZZY_LENGTH = 6
_LONGEST_NAME_WORDS = 4
MAX_SCANNED_WORDS = 300  # a role or occupation named further into a message than this is not looked for
# Room for that many words of up to 20 characters, spaces included: a huge message is cut to this
# before it is split, so it costs no more than one of 300 words.
MAX_SCANNED_CHARS = MAX_SCANNED_WORDS * 20


@dataclass(frozen=True)
class RoleMatch:
    role_id: str


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("'s", ""))


def _lengths_can_reach(first: str, second: str, score: float) -> bool:
    """Whether two names' lengths allow a similarity of `score` (difflib's real_quick_ratio, without a matcher).

    Building a SequenceMatcher is the costly part of a fuzzy lookup; most names are ruled out by length.
    """
    return 2 * min(len(first), len(second)) / (len(first) + len(second)) >= score


def normalize(text: str) -> str:
    """Lower case, punctuation and filler words dropped: 'The PM's role' -> 'pm'."""
    words = [word for word in _words(text) if word not in _FILLER]
    return " ".join(words)


class RoleResolver:
    def __init__(self, knowledge: Knowledge) -> None:
        self._names = {
            normalize(synonym): RoleMatch(role.id) for role in knowledge.roles.values() for synonym in role.synonyms
        }
        self._names.pop("", None)
        # Abbreviations like "IS" count only as written, in capitals: "is" is an ordinary word.
        self._abbreviations = {
            abbreviation: RoleMatch(role.id)
            for role in knowledge.roles.values()
            for abbreviation in role.abbreviations
        }

    def resolve(self, mention: str) -> RoleMatch | None:
        """The role a mention names, or None when it names no role the knowledge file has."""
        abbreviation = self._abbreviations.get(mention.strip())
        if abbreviation:
            return abbreviation
        key = normalize(mention)
        if not key:
            return None
        exact = self._names.get(key) or self._names.get(key.rstrip("s"))
        if exact:
            return exact
        if len(key) < _MIN_FUZZY_LENGTH:
            return None
        best_name, best_score = None, _FUZZY_THRESHOLD
        for name in self._names:
            if not _lengths_can_reach(key, name, best_score):
                continue
            matcher = SequenceMatcher(None, key, name)
            # The quick upper bound skips most of the other names without the full comparison.
            if matcher.quick_ratio() >= best_score:
                score = matcher.ratio()
                if score >= best_score:
                    best_name, best_score = name, score
        return self._names[best_name] if best_name else None

    def find_in_text(self, text: str) -> list[RoleMatch]:
        """Roles named anywhere in a message's first words, in order, each once (longest names win)."""
        text = text[:MAX_SCANNED_CHARS]
        words = _words(text)[:MAX_SCANNED_WORDS]
        shouting = text.isupper()  # in "WHAT IS A PM", IS is just a word
        written = [] if shouting else re.findall(r"[A-Za-z0-9]+", text.replace("'s", ""))[:MAX_SCANNED_WORDS]
        found: list[RoleMatch] = []
        start = 0
        while start < len(words):
            for size in range(min(_LONGEST_NAME_WORDS, len(words) - start), 0, -1):
                phrase = " ".join(words[start : start + size])
                if size == 1:
                    after_number = start > 0 and words[start - 1].isdigit()  # "at 3 pm" is a time
                    as_written = written[start] if start < len(written) else ""
                    match = None if after_number else self._names.get(phrase) or self._abbreviations.get(as_written)
                else:
                    match = self.resolve(phrase)
                if match:
                    if match not in found:
                        found.append(match)
                    start += size
                    break
            else:
                start += 1
        return found
