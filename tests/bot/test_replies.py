"""Replies state the knowledge file's facts with their sources, and say plainly what is not known."""
import re

import pytest

from bot import replies
from bot.knowledge import ATTRIBUTES, load_knowledge

knowledge = load_knowledge()
IS, PM, TE = (knowledge.roles[r] for r in ("implementation_specialist", "project_manager", "technical_expert"))
IS_VS_PM = "“Implementation Specialist vs. Project Manager”"
PM_VS_TE = "“Project Manager vs. Technical Expert”"


def figures(text: str) -> set[str]:
    return set(re.findall(r"\$[\d,]+", text))


def test_salary_answer_gives_figure_basis_factors_and_source():
    text = replies.answer_attribute(knowledge, PM, "salary")
    assert "$87,628" in text and "average" in text and "a year" in text
    assert "size of the company" in text and "location" in text and "experience" in text
    assert IS_VS_PM in text


def test_unknown_salary_is_admitted_without_any_figure():
    text = replies.answer_attribute(knowledge, TE, "salary")
    assert "I don't have a salary figure for technical experts" in text
    assert not figures(text)


@pytest.mark.parametrize("role", [IS, PM, TE], ids=lambda role: role.id)
@pytest.mark.parametrize("attribute", ATTRIBUTES)
def test_every_attribute_of_every_role_is_answered_or_admitted_unknown(role, attribute):
    text = replies.answer_attribute(knowledge, role, attribute)
    if role.knows(attribute):
        assert "Source" in text
    else:
        assert text.startswith(("My sources don't", "I don't have"))
        assert "Source" not in text


def test_requirements_include_degree_and_certification():
    text = replies.answer_attribute(knowledge, PM, "requirements")
    assert "bachelor's degree" in text and "MBA" in text and "Project Management Institute" in text


def test_which_pays_more_names_the_role_and_both_figures():
    text = replies.compare_salary(knowledge, [IS, PM])
    assert text.startswith("Project managers earn more")
    assert figures(text) == {"$87,628", "$61,287"}


def test_which_pays_more_with_an_unknown_salary_says_so():
    text = replies.compare_salary(knowledge, [PM, TE])
    assert "can't say which pays more" in text
    assert "I don't have a salary figure for technical experts" in text


def test_how_much_more_gives_difference_and_percentage():
    text = replies.salary_difference(knowledge, [PM, IS])
    assert "$26,341" in text and "43%" in text
    assert IS_VS_PM in text


def test_more_technical_cites_the_comparing_article_and_admits_the_uncompared_pair():
    text = replies.compare_technical(knowledge, [IS, PM, TE])
    assert "Technical experts are more technical than project managers" in text
    assert "Implementation specialists are more technical than project managers" in text
    assert "don't compare how technical implementation specialists and technical experts are" in text
    assert IS_VS_PM in text and PM_VS_TE in text


def test_overlap_of_pm_and_technical_expert_comes_from_the_second_article():
    text = replies.shared_skills(knowledge, [PM, TE])
    assert "solid understanding of the technical side" in text
    assert PM_VS_TE in text and IS_VS_PM not in text


def test_doing_both_says_the_paths_are_not_mutually_exclusive():
    assert "not mutually exclusive" in replies.do_both(knowledge, [PM, TE])


def test_side_by_side_of_all_three_shows_each_salary_or_its_absence():
    text = replies.compare_overview(knowledge, [IS, PM, TE])
    assert "$61,287" in text and "$87,628" in text
    assert "Technical experts: pay no figure in my sources" in text





def test_roles_without_a_catalogue_occupation_get_the_article_figure_only():
    text = replies.answer_attribute(knowledge, IS, "salary")
    assert figures(text) == {"$61,287"} and "BLS" not in text
