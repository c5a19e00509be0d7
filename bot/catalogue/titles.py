"""Turning what a person calls an occupation ("data scientist", "RN", "nurses") into catalogue codes.

Every main, alternate and reported title in the catalogue is indexed once, as normalised words, so
a lookup is a dictionary access, not a scan over ~60,000 titles. A mention that fits several
occupations equally well comes back ambiguous, with the likeliest first, for a clarifying question.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.catalogue.model import Catalogue, default_catalogue


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


class TitleIndex:
    """Every title of every occupation in a catalogue, ready for constant-time lookups."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        raise NotImplementedError

    def resolve(self, mention: str) -> TitleMatch | None:
        """The occupations an explicit mention names (an NLU entity, a button), or None.

        Any indexed title counts here, single common words included ("model", "lead").
        """
        raise NotImplementedError

    def find_in_text(self, text: str) -> list[TitleMatch]:
        """Occupations named anywhere in a free-text message, in order, longest names first.

        Stricter than resolve(): ordinary words that happen to be a title ("help", "lead")
        do not count here.
        """
        raise NotImplementedError


@lru_cache(maxsize=1)
def default_title_index() -> TitleIndex:
    """The index over the shipped catalogue, built once per process."""
    return TitleIndex(default_catalogue())
