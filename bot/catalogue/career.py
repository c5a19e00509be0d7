"""Moving from one occupation to another: what changes in pay and preparation, and which skills to build.

O*NET lists each occupation's related occupations, most related first; its skill importance ratings
(1-5) for both sides give the skills whose importance grows most in the move. Plain arithmetic over
the catalogue's figures: nothing is estimated.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.catalogue.model import Catalogue, Occupation

GAPS_SHOWN = 3
MEANINGFUL_GAP = 0.25  # importance points; smaller differences are within O*NET's rating noise


@dataclass(frozen=True)
class SkillGap:
    name: str
    now: float  # importance in the current occupation, 1-5
    then: float  # importance in the target occupation

    @property
    def growth(self) -> float:
        return self.then - self.now


@dataclass(frozen=True)
class Move:
    current: Occupation
    target: Occupation
    pay_change: int | None  # the target's BLS annual median minus the current one's; None: not known apart
    zone_change: int | None  # job zones up (+) or down (-); None: a zone is missing
    gaps: tuple[SkillGap, ...]  # largest first; empty when either side has no skill ratings


def skill_gaps(current: Occupation, target: Occupation, limit: int = GAPS_SHOWN) -> tuple[SkillGap, ...]:
    """The skills that matter more in the target than now, by how much more, largest first."""
    now = {skill.name: skill.importance for skill in current.skills}
    gaps = [SkillGap(skill.name, now[skill.name], skill.importance) for skill in target.skills
            if skill.name in now and skill.importance - now[skill.name] >= MEANINGFUL_GAP]
    return tuple(sorted(gaps, key=lambda gap: (-gap.growth, gap.name))[:limit])


def _median(occupation: Occupation) -> int | None:
    """The BLS annual median, when it is a figure and not a floor (top-coded)."""
    wages = occupation.wages
    return wages.median if wages and "median" not in wages.top_coded else None


def move(current: Occupation, target: Occupation) -> Move:
    """What changes from current to target; no pay change where BLS reports both as one occupation."""
    medians = (_median(current), _median(target))
    if current.wages and target.wages and current.wages.soc_code == target.wages.soc_code:
        medians = (None, None)
    zones = (current.job_zone, target.job_zone)
    return Move(
        current=current,
        target=target,
        pay_change=medians[1] - medians[0] if None not in medians else None,  # type: ignore[operator]
        zone_change=zones[1] - zones[0] if None not in zones else None,  # type: ignore[operator]
        gaps=skill_gaps(current, target),
    )


def moves(catalogue: Catalogue, current: Occupation, limit: int = 5) -> tuple[Move, ...]:
    """O*NET's related occupations of the current one, most related first, each with what changes."""
    related = [catalogue.occupations[code] for code in current.related if code in catalogue.occupations]
    return tuple(move(current, target) for target in related[:limit])
