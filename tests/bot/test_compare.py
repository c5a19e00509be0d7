"""Comparisons are computed from the facts, and refuse what the facts cannot support."""
from dataclasses import replace

from bot import compare
from bot.knowledge import load_knowledge

knowledge = load_knowledge()
IS, PM, TE = (knowledge.roles[r] for r in ("implementation_specialist", "project_manager", "technical_expert"))


def test_project_managers_rank_above_implementation_specialists():
    ranking = compare.rank_by_salary([IS, PM, TE])
    assert [role.id for role in ranking.ranked] == ["project_manager", "implementation_specialist"]
    assert ranking.without_figure == (TE,)


def test_gap_is_the_difference_and_percentage_of_the_lower_salary():
    gap = compare.salary_gap(compare.rank_by_salary([IS, PM]))
    assert (gap.higher, gap.lower) == (PM, IS)
    assert gap.difference == 87628 - 61287 == 26341
    assert round(gap.percent_more, 1) == 43.0


def test_no_gap_without_two_figures():
    assert compare.salary_gap(compare.rank_by_salary([PM, TE])) is None


def test_salaries_on_another_basis_are_not_ranked_together():
    median_is = replace(IS, salary=replace(IS.salary, basis="median"))
    ranking = compare.rank_by_salary([PM, median_is])
    assert ranking.ranked == (PM,)
    assert ranking.incomparable == (median_is,)


def test_technical_verdicts_only_where_a_source_compares_the_pair():
    result = compare.compare_technical(knowledge, [IS, PM, TE])
    assert {verdict.role for verdict in result.verdicts} == {"implementation_specialist", "technical_expert"}
    assert [(a.id, b.id) for a, b in result.unjudged_pairs] == [("implementation_specialist", "technical_expert")]


def test_skills_in_common_keep_each_roles_own_wording():
    common = dict(compare.skills_in_common([IS, PM]))
    assert set(common) == {"communication", "organization", "technical_knowledge", "problem_solving"}
    organization = dict((role.id, skill.text) for role, skill in common["organization"])
    assert organization["implementation_specialist"] != organization["project_manager"]


def test_all_three_share_only_problem_solving_and_technical_knowledge():
    assert [skill for skill, _ in compare.skills_in_common([IS, PM, TE])] == ["technical_knowledge", "problem_solving"]


