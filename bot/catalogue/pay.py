"""BLS pay figures read for a question: which figure, ranking sides on it, and where a sum falls.

A side is anything with a name and the occupation whose BLS figures count for it: an occupation
itself, or an article role through the occupation that covers it (stands_in). Every figure here is
BLS OEWS May 2024's; nothing is mixed with another source's.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bot.catalogue.model import Occupation, Wages

ANNUAL_PERCENTILES = (("pct10", 10), ("pct25", 25), ("median", 50), ("pct75", 75), ("pct90", 90))
HOURLY_PERCENTILES = tuple((f"hourly_{field}", rank) for field, rank in ANNUAL_PERCENTILES)


def figure(wages: Wages | None, field: str) -> float | None:
    return getattr(wages, field, None) if wages else None


@dataclass(frozen=True)
class PaySide:
    """One side of a BLS pay comparison on one wage field (annual median, hourly median, ...)."""

    name: str  # as the reply says it, e.g. "project managers"
    occupation: Occupation | None  # whose BLS figures count; None: no occupation covers it
    stands_in: bool  # an article role counted through the occupation that covers it
    field: str = "median"

    @property
    def amount(self) -> float | None:
        return figure(self.occupation.wages if self.occupation else None, self.field)

    @property
    def at_least(self) -> bool:
        """BLS top-coded the figure: the true one is this or more."""
        wages = self.occupation.wages if self.occupation else None
        return bool(wages and self.field in wages.top_coded)


@dataclass(frozen=True)
class PayRanking:
    ranked: tuple[PaySide, ...]  # with a figure, highest first
    without_figure: tuple[PaySide, ...]

    @property
    def settled(self) -> bool:
        """Whether BLS tells which pays most: the top figure is above the next (two top-coded ones are equal)."""
        return len(self.ranked) >= 2 and self.ranked[0].amount > self.ranked[1].amount  # type: ignore[operator]


@dataclass(frozen=True)
class PayGap:
    higher: PaySide
    lower: PaySide
    difference: float  # at least this much when higher.at_least
    percent_more: float


def rank(sides: Sequence[PaySide]) -> PayRanking:
    return PayRanking(
        ranked=tuple(sorted((side for side in sides if side.amount is not None), key=lambda side: -side.amount)),  # type: ignore[operator]
        without_figure=tuple(side for side in sides if side.amount is None),
    )


def gap(ranking: PayRanking) -> PayGap | None:
    """The gap between the best and worst paid, when BLS settles it (a top-coded lower side doesn't)."""
    if not ranking.settled or ranking.ranked[-1].at_least:
        return None
    higher, lower = ranking.ranked[0], ranking.ranked[-1]
    difference = higher.amount - lower.amount  # type: ignore[operator]
    return PayGap(higher, lower, difference, percent_more=100.0 * difference / lower.amount)  # type: ignore[operator]


@dataclass(frozen=True)
class Placement:
    """Where a sum falls among an occupation's published percentiles."""

    below: tuple[str, int] | None  # the highest percentile (field, rank) at or under the sum
    above: tuple[str, int] | None  # the lowest percentile above it


def place(wages: Wages, amount: float, hourly: bool) -> Placement | None:
    """The published percentiles either side of `amount`; None when BLS publishes none on that basis."""
    known = [(field, rank) for field, rank in (HOURLY_PERCENTILES if hourly else ANNUAL_PERCENTILES)
             if figure(wages, field) is not None]
    if not known:
        return None
    below = [(field, rank) for field, rank in known if figure(wages, field) <= amount]  # type: ignore[operator]
    above = [(field, rank) for field, rank in known if figure(wages, field) > amount]  # type: ignore[operator]
    return Placement(below[-1] if below else None, above[0] if above else None)
