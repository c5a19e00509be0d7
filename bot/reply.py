"""A reply under construction, and how figures are written: the lowest layer every reply module shares."""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.catalogue.model import Catalogue
from bot.knowledge import Fact, Knowledge

BULLET = "• "


@dataclass
class Reply:
    """A reply under construction: its lines, and the sources its facts came from.

    Sources are the knowledge file's articles (quoted by their short titles) and the catalogue's
    data sets (named by their titles, e.g. BLS OEWS, May 2024).
    """

    knowledge: Knowledge | None = None
    lines: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    catalogue: Catalogue | None = None

    def source_name(self, source_id: str) -> str:
        if self.knowledge and source_id in self.knowledge.sources:
            return f"“{self.knowledge.sources[source_id].short}”"
        return self.catalogue.sources[source_id].title  # type: ignore[union-attr]  # a catalogue source

    def cite(self, source_id: str) -> None:
        if source_id not in self.source_ids:
            self.source_ids.append(source_id)

    def line(self, text: str) -> "Reply":
        self.lines.append(text)
        return self

    def fact(self, fact: Fact, bullet: bool = True) -> "Reply":
        self.cite(fact.source)
        return self.line(f"{BULLET if bullet else ''}{fact.text}")

    def facts(self, facts: tuple[Fact, ...]) -> "Reply":
        for fact in facts:
            self.fact(fact)
        return self

    def text(self, next_step: str | None = None) -> str:
        parts = list(self.lines)
        if self.source_ids:
            titles = "; ".join(self.source_name(source_id) for source_id in self.source_ids)
            parts.append(f"({'Source' if len(self.source_ids) == 1 else 'Sources'}: {titles})")
        if next_step:
            parts.append(next_step)
        return "\n".join(parts)


def dollars(amount: float, at_least: bool = False) -> str:
    """'$100,750' for whole dollars; '$48.44' for a float (hourly figures are in cents); a BLS top-coded figure
    is a floor: '$239,200 or more'."""
    written = f"${amount:,.2f}" if isinstance(amount, float) else f"${amount:,}"
    return f"{written}{' or more' if at_least else ''}"
