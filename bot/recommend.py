"""Scoring roles against what a person enjoys, from the traits in the knowledge file.

A liked trait adds its weight to every role a source connects it with; a disliked one subtracts it.
Changing the traits in the knowledge file changes the advice, with no code change.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import Knowledge, Role, Trait, TraitLink

Reason = tuple[Trait, TraitLink]


@dataclass(frozen=True)
class RoleScore:
    role: Role
    score: int
    for_it: tuple[Reason, ...]  # liked traits a source connects with the role
    against_it: tuple[Reason, ...]  # disliked traits a source connects with the role


def score_roles(knowledge: Knowledge, likes: set[str], dislikes: set[str]) -> list[RoleScore]:
    """Every detailed role, best first; equal scores keep the knowledge file's order."""
    scores = []
    for role in knowledge.roles.values():
        for_it, against_it = [], []
        for trait in knowledge.traits.values():
            link = trait.link(role.id)
            if link and trait.id in likes:
                for_it.append((trait, link))
            elif link and trait.id in dislikes:
                against_it.append((trait, link))
        score = sum(link.weight for _, link in for_it) - sum(link.weight for _, link in against_it)
        scores.append(RoleScore(role=role, score=score, for_it=tuple(for_it), against_it=tuple(against_it)))
    return sorted(scores, key=lambda entry: -entry.score)
