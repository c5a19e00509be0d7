"""The importer turns O*NET and BLS files into the catalogue's facts, refuses wrong inputs clearly, and the
committed catalogue is exactly what the shared data builds."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from bot.catalogue.__main__ import main
from bot.catalogue.importer import EXAMPLES_PER_CATEGORY, TOP_TECHNOLOGY, build_catalogue, catalogue_text, element_order
from bot.catalogue.model import (
    BLS_SOURCE,
    DEFAULT_CATALOGUE_PATH,
    HOURLY_WAGE_FIELDS,
    ONET_SOURCE,
    SCHEMA_VERSION,
    TOP_CODED_HOURLY_WAGE,
    TOP_CODED_WAGE,
    Catalogue,
    Technology,
    load_catalogue,
)
from tests.catalogue.conftest import (
    DESCRIPTIONS,
    SHARED_DATA,
    SHARED_OEWS,
    SHARED_ONET,
    SKILL_NAMES,
    TASKS,
    TECHNOLOGY,
    TITLES,
    write_tsv,
)


def build(onet_dir: Path, oews_csv: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["build", "--onet", str(onet_dir), "--oews", str(oews_csv), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_build_writes_a_catalogue_the_bot_loads_and_says_what_it_holds(onet_dir, oews_csv, tmp_path, capsys):
    out = tmp_path / "catalogue.json"
    code, printed, errors = build(onet_dir, oews_csv, out, capsys)
    assert (code, errors) == (0, "")
    assert printed.endswith(": 7 occupations, 5 with a median wage, 4 with interests, 2 with skills, "
                            "2 with technology, 16 titles.\n")
    assert list(load_catalogue(out).occupations) == sorted(TITLES)


def test_wages_come_from_bls_with_commas_read_as_thousands(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["13-1082.00"].wages
    assert (wages.soc_code, wages.median, wages.mean, wages.employment) == ("13-1082", 100750, 108100, 1006160)
    assert (wages.pct10, wages.pct25, wages.pct75, wages.pct90) == (59830, 76950, 131660, 165790)
    assert wages.top_coded == frozenset()
    assert fixture_catalogue.sources[BLS_SOURCE].title == "BLS OEWS, May 2024"


def test_hourly_wages_come_from_bls_in_dollars_and_cents(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["13-1082.00"].wages
    assert (wages.hourly_median, wages.hourly_mean) == (48.44, 51.97)
    assert (wages.hourly_pct10, wages.hourly_pct25, wages.hourly_pct75, wages.hourly_pct90) == (
        28.77, 36.99, 63.3, 79.71)
    assert (wages.annual_only, wages.hourly_only) == (False, False)


def test_top_coded_wages_are_the_bls_floor_and_marked(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["15-2051.00"].wages
    assert wages.pct75 == wages.pct90 == TOP_CODED_WAGE
    assert wages.hourly_pct75 == wages.hourly_pct90 == TOP_CODED_HOURLY_WAGE == 115.0
    assert wages.top_coded == {"pct75", "pct90", "hourly_pct75", "hourly_pct90"}
    assert (wages.median, wages.hourly_median, wages.hourly_mean) == (112590, 54.13, 59.9)


def test_unavailable_wages_are_unknown_but_employment_is_kept(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["27-2011.00"].wages
    assert (wages.median, wages.mean, wages.pct10, wages.pct90) == (None, None, None, None)
    assert wages.employment == 38800


def test_occupations_bls_pays_only_by_the_hour_have_hourly_figures_and_the_flag(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["27-2011.00"].wages
    assert (wages.hourly_only, wages.annual_only) == (True, False)
    assert [getattr(wages, field) for field in HOURLY_WAGE_FIELDS] == [23.33, 44.4, 14.0, 16.94, 41.09, 97.19]
    assert wages.top_coded == frozenset()


def test_occupations_bls_pays_only_by_the_year_have_no_hourly_figures_and_the_flag(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["25-2021.00"].wages
    assert (wages.annual_only, wages.hourly_only) == (True, False)
    assert [getattr(wages, field) for field in HOURLY_WAGE_FIELDS] == [None] * 6
    assert (wages.median, wages.pct90, wages.employment) == (62340, 102010, 1393310)


def test_an_occupation_bls_reports_only_as_its_group_gets_the_groups_detailed_figures(fixture_catalogue):
    wages = fixture_catalogue.occupations["13-1021.00"].wages
    assert (wages.soc_code, wages.median) == ("13-1020", 75650)


def test_an_occupation_without_any_bls_row_has_no_wages(fixture_catalogue: Catalogue):
    assert fixture_catalogue.occupations["55-1011.00"].wages is None


def test_interest_levels_and_high_points_in_riasec_letters(fixture_catalogue: Catalogue):
    data_scientists = fixture_catalogue.occupations["15-2051.00"]
    assert data_scientists.interests == {"R": 2.16, "I": 6.99, "A": 2.59, "S": 1.66, "E": 1.71, "C": 5.4}
    assert data_scientists.high_point == ("I", "C")
    assert fixture_catalogue.occupations["13-1021.00"].high_point == ("C", "E")


@pytest.mark.parametrize("code", ["27-2011.00", "55-1011.00"], ids=["no interest rows", "three of six levels"])
def test_missing_or_incomplete_interests_are_unknown(fixture_catalogue: Catalogue, code):
    occupation = fixture_catalogue.occupations[code]
    assert (occupation.interests, occupation.high_point) == (None, ())


def test_titles_are_listed_once_without_the_main_title_and_with_short_forms(fixture_catalogue: Catalogue):
    pm = fixture_catalogue.occupations["13-1082.00"]
    assert pm.reported_titles == ("IT Project Manager", "Project Manager (PM)")
    assert pm.alternate_titles == ("PM", "Grant Assistant")
    assert fixture_catalogue.occupations["15-2051.00"].alternate_titles == (
        "Data Analytic Scientist", "Machine Learning Scientist")


def test_skills_are_every_unsuppressed_one_highest_first_ties_by_name(fixture_catalogue: Catalogue):
    skills = fixture_catalogue.occupations["15-2051.00"].skills
    assert [skill.name for skill in skills] == ["Programming", "Critical Thinking", "Mathematics", "Active Learning",
                                               "Reading Comprehension", "Monitoring", "Writing", "Time Management",
                                               "Speaking"]
    assert (skills[0].importance, skills[-1].importance) == (4.75, 2.0)
    assert [skill.name for skill in fixture_catalogue.occupations["15-2041.00"].skills] == [
        "Mathematics", "Critical Thinking"]
    assert fixture_catalogue.occupations["13-1082.00"].skills == ()


def test_skill_names_are_every_skill_in_content_model_order(fixture_catalogue: Catalogue):
    assert fixture_catalogue.skill_names == tuple(SKILL_NAMES)
    assert element_order("2.B.10.a") > element_order("2.B.3.e") > element_order("2.A.2.d")


def test_each_occupation_stores_one_importance_per_skill_name(onet_dir, oews_csv):
    built = json.loads(catalogue_text(build_catalogue(onet_dir, oews_csv)))
    assert built["schema_version"] == SCHEMA_VERSION == 2
    assert built["skill_names"] == SKILL_NAMES
    by_code = {occupation["code"]: occupation for occupation in built["occupations"]}
    assert dict(zip(SKILL_NAMES, by_code["15-2051.00"]["skill_importance"])) == {
        "Reading Comprehension": 3.5, "Writing": 3.0, "Speaking": 2.0, "Mathematics": 4.5, "Critical Thinking": 4.5,
        "Active Learning": 3.9, "Monitoring": 3.1, "Persuasion": None, "Programming": 4.75, "Time Management": 2.5}
    assert by_code["15-2041.00"]["skill_importance"] == [None, None, None, 4.88, 4.12, None, None, None, None, None]
    assert by_code["13-1082.00"]["skill_importance"] is None  # no Skills rows at all
    assert all("skills" not in occupation for occupation in built["occupations"])


def test_importance_looks_a_skill_up_and_gives_none_where_onet_does_not_rate_it(fixture_catalogue: Catalogue):
    data_scientists, statisticians = (fixture_catalogue.occupations[code] for code in ("15-2051.00", "15-2041.00"))
    assert data_scientists.importance("Programming") == 4.75
    assert data_scientists.importance("Persuasion") is None  # suppressed
    assert statisticians.importance("Programming") is None  # no row
    assert fixture_catalogue.occupations["13-1082.00"].importance("Mathematics") is None
    gaps = {name: round(statisticians.importance(name) - data_scientists.importance(name), 2)
            for name in fixture_catalogue.skill_names
            if statisticians.importance(name) is not None and data_scientists.importance(name) is not None}
    assert gaps == {"Mathematics": 0.38, "Critical Thinking": -0.38}


def test_technology_is_grouped_by_kind_most_in_demand_first_a_few_of_each(fixture_catalogue: Catalogue):
    technology = fixture_catalogue.occupations["15-2051.00"].technology
    assert [item.name for item in technology] == [
        "SAS", "IBM SPSS Statistics", "MATLAB",  # analytical: one in demand and hot, the largest such kind; 3 of its 5
        "Python", "Julia",  # object oriented development: one in demand and hot
        "Git",  # configuration management: one in demand
        "Microsoft Excel", "Tableau",  # one hot each, in file order
        "Alteryx software", "KNIME", "RapidMiner",  # data mining: 3 of its 4
        "Apache Airflow", "Jupyter Notebook", "Apache Hive", "Apache Pig"]
    assert len(technology) <= TOP_TECHNOLOGY and max(Counter(item.category for item in technology).values()) == EXAMPLES_PER_CATEGORY
    assert technology[0] == Technology(name="SAS", category="Analytical or scientific software", hot=True, in_demand=True)
    assert technology[5] == Technology(name="Git", category="Configuration management software", hot=False,
                                       in_demand=True)
    assert [item.name for item in fixture_catalogue.occupations["13-1082.00"].technology] == [
        "Atlassian JIRA", "Microsoft Project", "Smartsheet"]
    assert fixture_catalogue.occupations["27-2011.00"].technology == ()


def test_technology_is_stored_with_its_category_and_flags(onet_dir, oews_csv):
    built = json.loads(catalogue_text(build_catalogue(onet_dir, oews_csv)))
    pm = next(occupation for occupation in built["occupations"] if occupation["code"] == "13-1082.00")
    assert pm["technology"][1] == {"name": "Microsoft Project", "category": "Project management software",
                                   "hot": True, "in_demand": False}


def test_education_is_the_level_most_respondents_named_labelled_briefly(fixture_catalogue: Catalogue):
    occupations = fixture_catalogue.occupations
    assert (occupations["15-2051.00"].education.level, occupations["15-2051.00"].education.share) == (
        "Master's Degree", 55.5)
    assert occupations["27-2011.00"].education.level == "High School Diploma"
    assert occupations["15-2041.00"].education is None  # only other scales' rows


def test_related_occupations_in_onets_order_without_itself_or_unknown_codes(fixture_catalogue: Catalogue):
    assert fixture_catalogue.occupations["15-2051.00"].related == ("13-1082.00", "15-2041.00")


def test_zones_and_sources_carry_through(fixture_catalogue: Catalogue):
    assert fixture_catalogue.occupations["15-2041.00"].job_zone == 5
    assert "Career advisor has modified" in fixture_catalogue.sources[ONET_SOURCE].credit


def test_no_onet_prose_reaches_the_catalogue(onet_dir, oews_csv):
    text = catalogue_text(build_catalogue(onet_dir, oews_csv))
    prose = list(DESCRIPTIONS.values()) + [task for tasks in TASKS.values() for task, _ in tasks]
    assert [line for line in prose if line in text] == []


def test_a_rebuild_gives_the_same_bytes(onet_dir, oews_csv):
    assert catalogue_text(build_catalogue(onet_dir, oews_csv)) == catalogue_text(build_catalogue(onet_dir, oews_csv))


def drop_column(path: Path, column: str, delimiter: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL))
    header = [name for name in rows[0] if name != column]
    if delimiter == "\t":
        write_tsv(path, header, [[row[name] for name in header] for row in rows])
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)


def expect_input_error(onet_dir, oews_csv, tmp_path, capsys, *expected: str) -> None:
    out = tmp_path / "catalogue.json"
    code, printed, errors = build(onet_dir, oews_csv, out, capsys)
    assert code == 2
    assert printed == "" and errors.count("\n") == 1, errors
    for text in expected:
        assert text in errors
    assert not out.exists()


def test_a_missing_onet_file_is_named(onet_dir, oews_csv, tmp_path, capsys):
    (onet_dir / "Job Zones.txt").unlink()
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Job Zones.txt")


def test_a_missing_onet_column_is_named(onet_dir, oews_csv, tmp_path, capsys):
    drop_column(onet_dir / "Alternate Titles.txt", "Short Title", "\t")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Alternate Titles.txt", "'Short Title'")


@pytest.mark.parametrize("column", ["A_MEDIAN", "H_PCT90", "ANNUAL", "HOURLY"])
def test_a_missing_bls_column_is_named(onet_dir, oews_csv, tmp_path, capsys, column):
    drop_column(oews_csv, column, ",")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "national_M2024_dl.csv", f"'{column}'")


def test_a_missing_technology_file_or_column_is_named(onet_dir, oews_csv, tmp_path, capsys):
    drop_column(onet_dir / "Technology Skills.txt", "Hot Technology", "\t")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Technology Skills.txt", "'Hot Technology'")
    (onet_dir / "Technology Skills.txt").unlink()
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Technology Skills.txt")


def test_a_skill_element_with_two_names_is_refused(onet_dir, oews_csv, tmp_path, capsys):
    skills = onet_dir / "Skills.txt"
    skills.write_text(skills.read_text(encoding="utf-8").replace("2.A.1.e\tMathematics\tIM", "2.A.1.c\tMathematics\tIM"),
                      encoding="utf-8")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Skills.txt", "2.A.1.c", "'Writing'", "'Mathematics'")


def test_a_missing_bls_file_or_onet_folder_is_named(onet_dir, oews_csv, tmp_path, capsys):
    expect_input_error(onet_dir, tmp_path / "absent.csv", tmp_path, capsys, "absent.csv")
    expect_input_error(tmp_path / "no-onet", oews_csv, tmp_path, capsys, "no-onet", "not a folder")


def test_a_wage_that_is_not_a_number_names_the_occupation_and_column(onet_dir, oews_csv, tmp_path, capsys):
    oews_csv.write_text(oews_csv.read_text(encoding="utf-8").replace('"100,750"', "n/a"), encoding="utf-8")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "13-1082", "A_MEDIAN", "'n/a'")


def test_an_hourly_wage_that_is_not_a_number_names_the_occupation_and_column(onet_dir, oews_csv, tmp_path, capsys):
    oews_csv.write_text(oews_csv.read_text(encoding="utf-8").replace(",48.44,", ",$48.44,"), encoding="utf-8")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "13-1082", "H_MEDIAN", "'$48.44'")


def test_a_file_that_is_not_utf8_text_is_named(onet_dir, oews_csv, tmp_path, capsys):
    related = onet_dir / "Related Occupations.txt"
    latin1_row = b"15-2041.00\tStatisticians\t15-2051.00\tData Scientists \xc4\xdf\tPrimary-Short\t1\n"
    related.write_bytes(related.read_bytes() + latin1_row)
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "Related Occupations.txt", "UTF-8")


shared_data = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"no reference data at {SHARED_DATA}")


@pytest.fixture(scope="module")
def shared_build() -> str:
    return catalogue_text(build_catalogue(SHARED_ONET, SHARED_OEWS))


@shared_data
def test_committed_catalogue_is_what_the_shared_data_builds(shared_build: str):
    assert DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8") == shared_build, (
        "bot/knowledge/catalogue.json is stale: run `make catalogue` and commit it")


@shared_data
def test_committed_catalogue_answers_the_issues_examples():
    catalogue = load_catalogue()  # how fast it loads: bench/catalogue_speed.py
    occupations = catalogue.occupations
    assert sum(1 for occupation in occupations.values() if occupation.wages and occupation.wages.median) >= 800
    assert occupations["13-1082.00"].wages.median == 100750
    assert occupations["15-2051.00"].title == "Data Scientists"
    nurses = occupations["29-1141.00"]
    assert nurses.title == "Registered Nurses" and "RN" in nurses.alternate_titles + nurses.reported_titles
    assert "Economists" in [occupation.title for occupation in occupations.values()]


@shared_data
def test_committed_catalogue_has_hourly_wages_technology_and_every_skill():
    catalogue = load_catalogue()
    occupations = catalogue.occupations
    assert len(catalogue.skill_names) == 35 and catalogue.skill_names[0] == "Reading Comprehension"
    pm = occupations["13-1082.00"].wages
    assert (pm.hourly_median, pm.annual_only, pm.hourly_only) == (48.44, False, False)
    actors, teachers = occupations["27-2011.00"].wages, occupations["25-2021.00"].wages
    assert actors.hourly_only and actors.median is None and actors.hourly_median == 23.33
    assert teachers.annual_only and teachers.hourly_median is None and teachers.median == 62340
    assert any(occupation.wages and "hourly_pct90" in occupation.wages.top_coded for occupation in occupations.values())
    nurses = occupations["29-1141.00"]
    assert len(nurses.skills) == 35 and nurses.importance(nurses.skills[0].name) == nurses.skills[0].importance
    assert 1 <= len(nurses.technology) <= TOP_TECHNOLOGY
    assert sum(1 for occupation in occupations.values() if occupation.technology) >= 900


@shared_data
def test_committed_catalogue_holds_no_onet_description_or_task():
    committed = DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")
    descriptions = [row["Description"] for row in read_shared("Occupation Data.txt")]
    tasks = [row["Task"] for row in read_shared("Task Statements.txt")]
    assert len(descriptions) > 800 and len(tasks) > 10000
    assert [text for text in descriptions + tasks[::10] if text in committed] == []


def read_shared(name: str) -> list[dict[str, str]]:
    with (SHARED_ONET / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
