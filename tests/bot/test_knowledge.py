"""The knowledge file loads, holds the articles' facts, and a broken file is rejected clearly."""
from pathlib import Path

import pytest
import yaml

from bot.catalogue.model import default_catalogue
from bot.knowledge import ATTRIBUTES, DEFAULT_PATH, KnowledgeError, load_knowledge, parse_knowledge

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def raw_knowledge() -> dict:
    return yaml.safe_load(DEFAULT_PATH.read_text())


def test_shipped_file_loads_the_three_article_roles():
    knowledge = load_knowledge()
    assert set(knowledge.roles) == {"implementation_specialist", "project_manager", "technical_expert"}


def test_article_salaries_are_recorded_with_their_source():
    roles = load_knowledge().roles
    assert roles["implementation_specialist"].salary.amount == 61287
    assert roles["project_manager"].salary.amount == 87628
    assert roles["project_manager"].salary.basis == "average"
    assert roles["project_manager"].salary.source == "is_vs_pm"


def test_technical_expert_salary_is_unknown_not_invented():
    assert load_knowledge().roles["technical_expert"].salary is None


def test_every_role_states_every_attribute_or_says_unknown():
    raw = raw_knowledge()
    for role_id, role in raw["roles"].items():
        for attribute in ATTRIBUTES:
            assert attribute in role, f"{role_id} lacks {attribute}"


@pytest.mark.skipif(not SEEDS.exists(), reason="the shared seed articles are not beside the repo")
def test_every_source_names_a_seed_article_with_that_title():
    for source in load_knowledge().sources.values():
        article = (SEEDS / source.seed).read_text()
        assert source.title in article


@pytest.mark.skipif(not SEEDS.exists(), reason="the shared seed articles are not beside the repo")
def test_salary_figures_appear_in_their_source_article():
    knowledge = load_knowledge()
    for role in knowledge.roles.values():
        if role.salary:
            article = (SEEDS / knowledge.sources[role.salary.source].seed).read_text()
            assert f"${role.salary.amount:,}" in article


def broken(tmp_path, change) -> Path:
    raw = raw_knowledge()
    change(raw)
    path = tmp_path / "roles.yml"
    path.write_text(yaml.safe_dump(raw))
    return path


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda raw: raw["roles"]["project_manager"].pop("salary"), ["project_manager", "salary", "missing"]),
        (lambda raw: raw["roles"]["project_manager"]["duties"][0].update(source="blog"), ["project_manager", "duties", "'blog'"]),
        (lambda raw: raw["roles"]["technical_expert"]["summary"].pop("text"), ["technical_expert", "summary", "'text'"]),
        (lambda raw: raw["roles"]["implementation_specialist"]["salary"].update(amount="lots"), ["implementation_specialist", "salary", "amount"]),
        (lambda raw: raw["roles"]["project_manager"].update(skills=[]), ["project_manager", "skills", "non-empty"]),
        (lambda raw: raw["roles"]["technical_expert"]["synonyms"].append("pm"), ["technical_expert", "synonyms", "'pm'"]),
        (lambda raw: raw["traits"]["leading"]["roles"].update(astronaut={"weight": 1, "because": "x", "source": "is_vs_pm"}), ["leading", "astronaut"]),
        (lambda raw: raw["relations"][0].update(roles=["project_manager", "project_manager"]), ["relation #1", "roles"]),
        (lambda raw: raw["roles"]["project_manager"].update(catalogue_code="13-1082"), ["project_manager", "catalogue_code", "'13-1082'"]),
    ],
)
def test_broken_file_is_rejected_naming_file_role_and_field(tmp_path, change, expected):
    path = broken(tmp_path, change)
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(path)
    message = str(error.value)
    assert str(path) in message
    for part in expected:
        assert part in message


def test_invalid_yaml_is_rejected_with_the_file_name(tmp_path):
    path = tmp_path / "roles.yml"
    path.write_text("roles:\n  pm: [unclosed\n")
    with pytest.raises(KnowledgeError, match="roles.yml: not valid YAML"):
        load_knowledge(path)


def test_a_file_that_is_not_a_mapping_is_rejected(tmp_path):
    with pytest.raises(KnowledgeError, match="expected a mapping"):
        parse_knowledge(["just", "a", "list"], tmp_path / "roles.yml")


def test_roles_stand_in_only_for_occupations_the_catalogue_has():
    occupations = default_catalogue().occupations
    codes = {role.id: role.catalogue_code for role in load_knowledge().roles.values()}
    assert occupations[codes["project_manager"]].title == "Project Management Specialists"
    assert all(code in occupations for code in codes.values() if code)
