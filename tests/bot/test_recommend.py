"""Scoring follows the traits in the knowledge file."""
from bot.knowledge import load_knowledge
from bot.recommend import score_roles

knowledge = load_knowledge()


def ranking(likes, dislikes=()):
    return [entry.role.id for entry in score_roles(knowledge, set(likes), set(dislikes))]


def test_a_profile_matching_one_roles_traits_ranks_it_first():
    assert ranking({"teaching", "on_site"})[0] == "implementation_specialist"
    assert ranking({"planning", "leading", "communicating"})[0] == "project_manager"
    assert ranking({"technical_work", "problem_solving"})[0] == "technical_expert"


def test_a_dislike_pushes_a_role_down():
    assert ranking({"planning"})[0] == "project_manager"
    assert ranking({"planning", "teaching"}, {"leading"})[0] == "implementation_specialist"
    scores = {entry.role.id: entry.score for entry in score_roles(knowledge, set(), {"leading"})}
    assert scores["project_manager"] < 0


def test_reasons_name_the_trait_and_its_source():
    best = score_roles(knowledge, {"teaching"}, set())[0]
    (trait, link), = best.for_it
    assert trait.id == "teaching" and link.source == "is_vs_pm"
