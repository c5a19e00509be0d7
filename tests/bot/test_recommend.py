"""Scoring follows the traits in the knowledge file; ties and near-ties are reported as such."""
import pytest

from bot.knowledge import load_knowledge
from bot.quiz import NO, SOMEWHAT, YES, trait_levels
from bot.recommend import levels_from, pay_trait, recommend, score_roles

knowledge = load_knowledge()


def ranking(levels):
    return [entry.role.id for entry in score_roles(knowledge, levels)]


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({"technical": YES, "planning": NO, "people": NO, "teaching": NO, "pay": NO, "preparation": "neither"},
         ["technical_expert", "implementation_specialist", "project_manager"]),
        ({"technical": NO, "planning": YES, "people": YES, "teaching": NO, "pay": YES, "preparation": "business"},
         ["project_manager", "implementation_specialist", "technical_expert"]),
        ({"technical": SOMEWHAT, "planning": NO, "people": NO, "teaching": YES, "pay": NO, "preparation": "technical"},
         ["implementation_specialist", "technical_expert", "project_manager"]),
    ],
    ids=["hands-on technical", "organizer and leader", "teacher on site"],
)
def test_quiz_profiles_rank_roles_as_expected(answers, expected):
    assert ranking(trait_levels(knowledge, answers)) == expected


def test_a_profile_matching_only_one_roles_traits_ranks_it_first():
    assert ranking(levels_from({"teaching", "on_site"}, set()))[0] == "implementation_specialist"
    assert ranking(levels_from({"leading"}, set()))[0] == "project_manager"


def test_a_dislike_counts_against_the_roles_it_is_linked_to():
    scores = {entry.role.id: entry.score for entry in score_roles(knowledge, levels_from(set(), {"leading"}))}
    assert scores["project_manager"] < 0 == scores["technical_expert"]


def test_near_tie_is_reported_as_a_close_call():
    close = recommend(knowledge, levels_from({"technical_work", "leading"}, set()))
    assert close.close_call
    clear = recommend(knowledge, levels_from({"technical_work", "problem_solving"}, {"leading"}))
    assert not clear.close_call


def test_no_preferences_decide_nothing():
    assert not recommend(knowledge, {}).decided


def test_pay_weighs_the_best_paid_role_most_and_skips_roles_without_a_figure():
    links = {link.role: link for link in pay_trait(knowledge).links}
    assert links["project_manager"].weight > links["implementation_specialist"].weight
    assert "technical_expert" not in links
    assert "$87,628" in links["project_manager"].because
