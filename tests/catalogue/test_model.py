"""The catalogue loader: schema version 2 only, skills rebuilt from the importance vector, the new wage and
technology fields, and Occupation/Wages still constructible the way other code builds them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.catalogue.model import (
    HOURLY_WAGE_FIELDS,
    SCHEMA_VERSION,
    TOP_CODED_HOURLY_WAGE,
    WAGE_FIELDS,
    CatalogueError,
    Occupation,
    SkillScore,
    Technology,
    Wages,
    load_catalogue,
    parse_catalogue,
)

SKILL_NAMES = ["Reading Comprehension", "Writing", "Mathematics", "Programming"]


def occupation(code: str, **fields: Any) -> dict[str, Any]:
    return {"code": code, "title": f"Occupation {code}", "alternate_titles": [], "reported_titles": [],
            "interests": None, "high_point": [], "job_zone": None, "education": None, "wages": None,
            "skill_importance": None, "technology": [], "related": [], **fields}


def catalogue_data(*occupations: dict[str, Any], version: Any = SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema_version": version, "sources": {"onet_29_3": {"title": "O*NET", "credit": "credit"}},
            "skill_names": SKILL_NAMES, "occupations": list(occupations)}


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_schema_version_2_is_accepted(tmp_path):
    assert SCHEMA_VERSION == 2
    catalogue = load_catalogue(write(tmp_path, catalogue_data(occupation("11-1011.00"))))
    assert list(catalogue.occupations) == ["11-1011.00"]
    assert catalogue.skill_names == tuple(SKILL_NAMES)


@pytest.mark.parametrize("version", [1, 3, None, "2"])
def test_other_schema_versions_are_refused_with_the_way_out(tmp_path, version):
    with pytest.raises(CatalogueError, match="schema version 2.*make catalogue"):
        load_catalogue(write(tmp_path, catalogue_data(occupation("11-1011.00"), version=version)))


def test_a_version_2_file_without_skill_names_is_malformed(tmp_path):
    data = catalogue_data(occupation("11-1011.00"))
    del data["skill_names"]
    with pytest.raises(CatalogueError, match="malformed.*skill_names"):
        load_catalogue(write(tmp_path, data))


def test_an_importance_vector_of_the_wrong_length_is_malformed(tmp_path):
    data = catalogue_data(occupation("11-1011.00", skill_importance=[1.0, 2.0]))
    with pytest.raises(CatalogueError, match="malformed.*2 skill importances for 4 skill names"):
        load_catalogue(write(tmp_path, data))


def test_skills_are_built_from_the_vector_most_important_first_ties_by_name():
    raw = catalogue_data(occupation("15-2051.00", skill_importance=[3.5, 4.5, 4.5, None]))
    found = parse_catalogue(raw, Path("test.json")).occupations["15-2051.00"]
    assert found.skills == (SkillScore("Mathematics", 4.5), SkillScore("Writing", 4.5),
                            SkillScore("Reading Comprehension", 3.5))
    assert (found.importance("Writing"), found.importance("Programming"), found.importance("Cooking")) == (
        4.5, None, None)


def test_an_unrated_occupation_has_no_skills():
    found = parse_catalogue(catalogue_data(occupation("13-1082.00")), Path("test.json")).occupations["13-1082.00"]
    assert (found.skills, found.importance("Writing")) == ((), None)


def test_wages_read_hourly_figures_flags_and_top_coding():
    wages = {"soc_code": "11-1011", "employment": 211850, "median": 206420, "mean": 262930, "pct10": 73710,
             "pct25": 126080, "pct75": 239200, "pct90": 239200, "hourly_median": 99.24, "hourly_mean": 126.41,
             "hourly_pct10": 35.44, "hourly_pct25": 60.61, "hourly_pct75": 115.0, "hourly_pct90": 115.0,
             "annual_only": False, "hourly_only": False,
             "top_coded": ["pct75", "pct90", "hourly_pct75", "hourly_pct90"]}
    raw = catalogue_data(occupation("11-1011.00", wages=wages))
    found = parse_catalogue(raw, Path("test.json")).occupations["11-1011.00"].wages
    assert [getattr(found, field) for field in HOURLY_WAGE_FIELDS] == [99.24, 126.41, 35.44, 60.61, 115.0, 115.0]
    assert found.hourly_pct90 == TOP_CODED_HOURLY_WAGE
    assert found.top_coded == {"pct75", "pct90", "hourly_pct75", "hourly_pct90"}
    assert (found.annual_only, found.hourly_only) == (False, False)


def test_technology_items_load_in_file_order():
    technology = [{"name": "Python", "category": "Object or component oriented development software", "hot": True,
                   "in_demand": True},
                  {"name": "Git", "category": "Configuration management software", "hot": False, "in_demand": True}]
    raw = catalogue_data(occupation("15-2051.00", technology=technology))
    found = parse_catalogue(raw, Path("test.json")).occupations["15-2051.00"]
    assert found.technology == (Technology("Python", "Object or component oriented development software", True, True),
                                Technology("Git", "Configuration management software", False, True))


def test_occupation_and_wages_are_still_constructible_without_the_new_fields():
    wages = Wages(soc_code="13-1082", employment=1, **{field: None for field in WAGE_FIELDS})
    assert ([getattr(wages, field) for field in HOURLY_WAGE_FIELDS], wages.annual_only, wages.hourly_only) == (
        [None] * 6, False, False)
    found = Occupation(code="13-1082.00", title="Project Management Specialists", alternate_titles=(),
                       reported_titles=(), interests=None, high_point=(), job_zone=None, education=None,
                       wages=wages, skills=(SkillScore("Writing", 3.0),), related=())
    assert found.technology == () and found.importance("Writing") == 3.0
