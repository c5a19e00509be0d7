"""Scoring roles against what a person enjoys, from the traits in the knowledge file.

A person's answers become a level per trait: +1 for "yes", +0.5 for "somewhat", -1 for "no". A
role scores each trait's level times the weight a source gives the link. Changing the traits in the
knowledge file changes the advice, with no code change. The trait `pay` is built from the salaries.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from bot import compare
from bot.formatting import salary_phrase
from bot.knowledge import PAY_TRAIT, Knowledge, Role, Trait, TraitLink

CLOSE_CALL_MARGIN = 1.0  # top two roles this close (in weighted points) are a close call


@dataclass(frozen=True)
class Reason:
    trait: Trait
    link: TraitLink
    level: float  # the person's level for the trait: > 0 likes it, < 0 would rather not

    @property
    def points(self) -> float:
        return self.level * self.link.weight


@dataclass(frozen=True)
class RoleScore:
    role: Role
    score: float
    reasons: tuple[Reason, ...]

    @property
    def for_it(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.points > 0)

    @property
    def against_it(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if reason.points < 0)


def pay_trait(knowledge: Knowledge) -> Trait:
    """"Pay matters": the best-paid role (on comparable figures) weighs most; roles without a figure not at all."""
    ranked = compare.rank_by_salary(list(knowledge.roles.values())).ranked
    links = tuple(
        TraitLink(
            role=role.id,
            weight=len(ranked) - position,
            because=f"{role.plural} earn {salary_phrase(role.salary)}",  # type: ignore[arg-type]
            source=role.salary.source,  # type: ignore[union-attr]
        )
        for position, role in enumerate(ranked)
    )
    return Trait(id=PAY_TRAIT, label="good pay", links=links)


def all_traits(knowledge: Knowledge) -> dict[str, Trait]:
    return {**knowledge.traits, PAY_TRAIT: pay_trait(knowledge)}


def levels_from(likes: set[str], dislikes: set[str]) -> dict[str, float]:
    return {**{trait: 1.0 for trait in likes}, **{trait: -1.0 for trait in dislikes}}


def score_roles(knowledge: Knowledge, levels: Mapping[str, float]) -> list[RoleScore]:
    """Every detailed role, best first; equal scores keep the knowledge file's order."""
    traits = all_traits(knowledge)
    scores = []
    for role in knowledge.roles.values():
        reasons = tuple(
            Reason(traits[trait_id], link, level)
            for trait_id, level in levels.items()
            if trait_id in traits and level and (link := traits[trait_id].link(role.id))
        )
        scores.append(RoleScore(role, sum(reason.points for reason in reasons), reasons))
    return sorted(scores, key=lambda entry: -entry.score)


@dataclass(frozen=True)
class Recommendation:
    ranking: list[RoleScore]

    @property
    def best(self) -> RoleScore:
        return self.ranking[0]

    @property
    def runner_up(self) -> RoleScore:
        return self.ranking[1]

    @property
    def close_call(self) -> bool:
        return self.best.score - self.runner_up.score <= CLOSE_CALL_MARGIN

    @property
    def decided(self) -> bool:
        """False when nothing the person said points to any role."""
        return self.best.score > 0


def recommend(knowledge: Knowledge, levels: Mapping[str, float]) -> Recommendation:
    return Recommendation(score_roles(knowledge, levels))
