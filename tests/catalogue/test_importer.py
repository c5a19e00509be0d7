"""The importer turns O*NET and BLS files into the catalogue's facts, refuses wrong inputs clearly, and the
committed catalogue is exactly what the shared data builds."""
from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from bot.catalogue.__main__ import main
from bot.catalogue.importer import TOP_SKILLS, build_catalogue, catalogue_text
from bot.catalogue.model import (
    BLS_SOURCE,
    DEFAULT_CATALOGUE_PATH,
    ONET_SOURCE,
    TOP_CODED_WAGE,
    Catalogue,
    load_catalogue,
)
from tests.catalogue.conftest import DESCRIPTIONS, SHARED_DATA, SHARED_OEWS, SHARED_ONET, TASKS, TITLES, write_tsv


def build(onet_dir: Path, oews_csv: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["build", "--onet", str(onet_dir), "--oews", str(oews_csv), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_build_writes_a_catalogue_the_bot_loads_and_says_what_it_holds(onet_dir, oews_csv, tmp_path, capsys):
    out = tmp_path / "catalogue.json"
    code, printed, errors = build(onet_dir, oews_csv, out, capsys)
    assert (code, errors) == (0, "")
    assert printed.endswith(": 6 occupations, 4 with a median wage, 4 with interests, 15 titles.\n")
    assert list(load_catalogue(out).occupations) == sorted(TITLES)


def test_wages_come_from_bls_with_commas_read_as_thousands(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["13-1082.00"].wages
    assert (wages.soc_code, wages.median, wages.mean, wages.employment) == ("13-1082", 100750, 108100, 1006160)
    assert (wages.pct10, wages.pct25, wages.pct75, wages.pct90) == (59830, 76950, 131660, 165790)
    assert wages.top_coded == frozenset()
    assert fixture_catalogue.sources[BLS_SOURCE].title == "BLS OEWS, May 2024"


def test_top_coded_wages_are_the_bls_floor_and_marked(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["15-2051.00"].wages
    assert wages.pct75 == wages.pct90 == TOP_CODED_WAGE
    assert wages.top_coded == {"pct75", "pct90"}
    assert wages.median == 112590


def test_unavailable_wages_are_unknown_but_employment_is_kept(fixture_catalogue: Catalogue):
    wages = fixture_catalogue.occupations["27-2011.00"].wages
    assert (wages.median, wages.mean, wages.pct10, wages.pct90) == (None, None, None, None)
    assert wages.employment == 38800


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


def test_skills_are_the_most_important_unsuppressed_ones_highest_first(fixture_catalogue: Catalogue):
    skills = fixture_catalogue.occupations["15-2051.00"].skills
    assert [skill.name for skill in skills] == ["Programming", "Mathematics", "Critical Thinking", "Active Learning",
                                               "Reading Comprehension", "Monitoring", "Writing", "Time Management"]
    assert len(skills) == TOP_SKILLS
    assert skills[0].importance == 4.75
    assert fixture_catalogue.occupations["13-1082.00"].skills == ()


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


def test_a_missing_bls_column_is_named(onet_dir, oews_csv, tmp_path, capsys):
    drop_column(oews_csv, "A_MEDIAN", ",")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "national_M2024_dl.csv", "'A_MEDIAN'")


def test_a_missing_bls_file_or_onet_folder_is_named(onet_dir, oews_csv, tmp_path, capsys):
    expect_input_error(onet_dir, tmp_path / "absent.csv", tmp_path, capsys, "absent.csv")
    expect_input_error(tmp_path / "no-onet", oews_csv, tmp_path, capsys, "no-onet", "not a folder")


def test_a_wage_that_is_not_a_number_names_the_occupation_and_column(onet_dir, oews_csv, tmp_path, capsys):
    oews_csv.write_text(oews_csv.read_text(encoding="utf-8").replace('"100,750"', "n/a"), encoding="utf-8")
    expect_input_error(onet_dir, oews_csv, tmp_path, capsys, "13-1082", "A_MEDIAN", "'n/a'")


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
    started = time.perf_counter()
    catalogue = load_catalogue()
    seconds = time.perf_counter() - started
    print(f"catalogue.json ({DEFAULT_CATALOGUE_PATH.stat().st_size / 1e6:.1f} MB) loaded in {seconds * 1000:.0f} ms")
    assert seconds < 1
    occupations = catalogue.occupations
    assert sum(1 for occupation in occupations.values() if occupation.wages and occupation.wages.median) >= 800
    assert occupations["13-1082.00"].wages.median == 100750
    assert occupations["15-2051.00"].title == "Data Scientists"
    nurses = occupations["29-1141.00"]
    assert nurses.title == "Registered Nurses" and "RN" in nurses.alternate_titles + nurses.reported_titles
    assert "Economists" in [occupation.title for occupation in occupations.values()]


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
