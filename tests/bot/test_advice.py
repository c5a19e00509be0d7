"""Advice names the person's own answers and the roles' sourced facts."""
from bot import advice
from bot.knowledge import load_knowledge
from bot.quiz import NO, YES, trait_levels
from bot.recommend import levels_from, recommend

knowledge = load_knowledge()
PM = knowledge.roles["project_manager"]


def test_fit_check_connects_the_liked_activity_to_the_role_with_a_source():
    text = advice.fit_check(knowledge, PM, levels_from({"planning", "leading"}, set()))
    assert text.startswith("From what you've told me, project manager looks like a good fit")
    assert "You like leading a team" in text and "Source" in text


def test_fit_check_points_elsewhere_when_sources_link_the_activity_to_other_roles():
    text = advice.fit_check(knowledge, PM, levels_from({"technical_work"}, set()))
    assert "technical expert may suit you better" in text
    assert "with technical experts and implementation specialists, not with project managers" in text


def test_quiz_result_names_top_role_runner_up_and_reasons_from_the_answers():
    levels = trait_levels(knowledge, {"technical": YES, "people": NO, "planning": NO})
    text = advice.quiz_result(knowledge, recommend(knowledge, levels), levels)
    assert text.startswith("My recommendation: technical expert, with implementation specialist as the runner-up")
    assert "You like hands-on technical work" in text and "“Project Manager vs. Technical Expert”" in text


def test_technical_and_leadership_profile_hears_that_the_paths_combine():
    levels = levels_from({"technical_work", "leading"}, set())
    text = advice.quiz_result(knowledge, recommend(knowledge, levels), levels)
    assert "close call" in text and "not mutually exclusive" in text


def test_pay_that_matters_for_a_role_without_a_figure_is_admitted():
    levels = trait_levels(knowledge, {"technical": YES, "pay": YES, "planning": NO, "people": NO})
    assert "no salary figure for technical experts" in advice.quiz_result(knowledge, recommend(knowledge, levels), levels)


def test_why_lists_answers_for_and_against_with_scores():
    levels = trait_levels(knowledge, {"technical": YES, "people": NO})
    text = advice.explain_why(knowledge, levels)
    assert "How your answers add up for technical experts" in text and "Scores:" in text


def test_others_explains_each_remaining_role():
    levels = trait_levels(knowledge, {"technical": YES, "people": NO})
    text = advice.explain_others(knowledge, levels)
    assert "Project managers:" in text and "You'd rather avoid leading a team" in text


def test_a_dislike_that_rules_out_another_role_is_part_of_the_reasons():
    levels = levels_from({"technical_work"}, {"leading"})
    text = advice.quiz_result(knowledge, recommend(knowledge, levels), levels)
    assert "You'd rather avoid leading a team, which counts against project managers: project managers direct" in text
