"""Comparisons of article roles computed from the articles' facts: pay ranking and gap, which is more
technical, skills in common.

Nothing here states a figure the knowledge file does not hold; a comparison the facts cannot support
comes back as "no verdict" for the reply to explain. BLS comparisons are bot/catalogue/pay.py's.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import Knowledge, Role, Salary, Skill, TechnicalVerdict


@dataclass(frozen=True)
class SalaryRanking:
    ranked: tuple[Role, ...]  # highest average first; all share currency, period, basis and source
    without_figure: tuple[Role, ...]
    incomparable: tuple[Role, ...]  # have a figure, but on another basis or from another source


@dataclass(frozen=True)
class SalaryGap:
    higher: Role
    lower: Role
    difference: int
    percent_more: float  # how much more the higher earns, relative to the lower

    @property
    def source(self) -> str:
        return self.higher.salary.source  # type: ignore[union-attr]  # ranked roles have salaries


def _comparable(first: Salary, second: Salary) -> bool:
    return (first.currency, first.period, first.basis, first.source) == (
        second.currency, second.period, second.basis, second.source,
    )


def rank_by_salary(roles: list[Role]) -> SalaryRanking:
    """Roles with a figure comparable to the first such role's, ranked; the rest set aside."""
    with_figure = [role for role in roles if role.salary]
    reference = with_figure[0].salary if with_figure else None
    comparable = [role for role in with_figure if _comparable(role.salary, reference)]  # type: ignore[arg-type]
    return SalaryRanking(
        ranked=tuple(sorted(comparable, key=lambda role: role.salary.amount, reverse=True)),  # type: ignore[union-attr]
        without_figure=tuple(role for role in roles if not role.salary),
        incomparable=tuple(role for role in with_figure if role not in comparable),
    )


def salary_gap(ranking: SalaryRanking) -> SalaryGap | None:
    """The gap between the best and worst paid of the ranked roles, if at least two are ranked."""
    if len(ranking.ranked) < 2:
        return None
    higher, lower = ranking.ranked[0], ranking.ranked[-1]
    difference = higher.salary.amount - lower.salary.amount  # type: ignore[union-attr]
    return SalaryGap(
        higher=higher,
        lower=lower,
        difference=difference,
        percent_more=100.0 * difference / lower.salary.amount,  # type: ignore[union-attr]
    )


@dataclass(frozen=True)
class TechnicalComparison:
    verdicts: tuple[TechnicalVerdict, ...]  # one per pair a source compares
    unjudged_pairs: tuple[tuple[Role, Role], ...]  # pairs no source compares


def compare_technical(knowledge: Knowledge, roles: list[Role]) -> TechnicalComparison:
    verdicts, unjudged = [], []
    for index, first in enumerate(roles):
        for second in roles[index + 1 :]:
            relation = knowledge.relation(first.id, second.id)
            if relation and relation.more_technical:
                verdicts.append(relation.more_technical)
            else:
                unjudged.append((first, second))
    return TechnicalComparison(verdicts=tuple(verdicts), unjudged_pairs=tuple(unjudged))


def skills_in_common(roles: list[Role]) -> list[tuple[str, list[tuple[Role, Skill]]]]:
    """Skill ids every role lists, each with every role's own wording, in the first role's order."""
    if not roles or any(role.skills is None for role in roles):
        return []
    by_role = [{skill.skill: skill for skill in role.skills or ()} for role in roles]
    common = [skill.skill for skill in roles[0].skills or () if all(skill.skill in skills for skills in by_role)]
    return [(skill_id, [(role, skills[skill_id]) for role, skills in zip(roles, by_role)]) for skill_id in common]
