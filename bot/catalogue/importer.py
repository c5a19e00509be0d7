"""Builds the catalogue file from the official O*NET 29.3 text files and the BLS OEWS national CSV.

Only facts and figures go into the output (codes, titles, scores, zones, annual and hourly wages, every
skill's importance, technology names and categories); O*NET's prose (descriptions, task statements)
never does: bot.catalogue.prose serves it at run time from a copy the user points at. The output is deterministic, so rebuilding from the same data gives the same
bytes and a stale committed file shows up as a difference.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, TextIO

from bot.catalogue.model import (
    BLS_SOURCE,
    HOURLY_WAGE_FIELDS,
    ONET_SOURCE,
    RIASEC,
    SCHEMA_VERSION,
    TOP_CODED_HOURLY_WAGE,
    TOP_CODED_WAGE,
    WAGE_FIELDS,
)

PROJECT_NAME = "Career advisor"
ONET_DATABASE = "O*NET 29.3 Database"


def onet_credit(database: str = ONET_DATABASE) -> str:
    """The credit line the O*NET licence (CC BY 4.0) asks for wherever its data is shown or shipped."""
    return (
        f"This product includes information from the {database} by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
        f"trademark of USDOL/ETA. {PROJECT_NAME} has modified all or some of this information. USDOL/ETA has "
        "not approved, endorsed, or tested these modifications."
    )


BLS_CREDIT = "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024."
SOURCES = {
    ONET_SOURCE: {"title": ONET_DATABASE, "credit": onet_credit()},
    BLS_SOURCE: {"title": "BLS OEWS, May 2024", "credit": BLS_CREDIT},
}

TOP_TECHNOLOGY = 20
EXAMPLES_PER_CATEGORY = 3  # technology examples kept per occupation (O*NET lists up to a few hundred)
CODE = "O*NET-SOC Code"
INTEREST_AREAS = dict(zip(("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"), RIASEC))
HIGH_POINTS = ("First Interest High-Point", "Second Interest High-Point", "Third Interest High-Point")
EDUCATION_ELEMENT = "Required Level of Education"
EDUCATION_SCALE = "RL"
BLS_WAGE_COLUMNS = {"median": "A_MEDIAN", "mean": "A_MEAN", "pct10": "A_PCT10", "pct25": "A_PCT25",
                    "pct75": "A_PCT75", "pct90": "A_PCT90"}
BLS_HOURLY_WAGE_COLUMNS = {"hourly_median": "H_MEDIAN", "hourly_mean": "H_MEAN", "hourly_pct10": "H_PCT10",
                           "hourly_pct25": "H_PCT25", "hourly_pct75": "H_PCT75", "hourly_pct90": "H_PCT90"}
BLS_FLAGS = {"annual_only": "ANNUAL", "hourly_only": "HOURLY"}  # "TRUE": BLS releases only that kind of wage
BLS_TRUE = "TRUE"
BLS_TOP_CODED = "#"
BLS_NOT_AVAILABLE = ("*", "**", "")  # "*" wage not available, "**" employment not released


class InputError(ValueError):
    """An input file or one of its columns is missing or holds something the importer can't read."""


@dataclass(frozen=True)
class OnetTable:
    """One O*NET text file and the columns the importer reads from it."""

    name: str
    columns: tuple[str, ...]

    def rows(self, onet_dir: Path) -> Iterator[dict[str, str]]:
        return read_table(onet_dir / f"{self.name}.txt", self.columns, delimiter="\t")

    def where(self, row: Mapping[str, str]) -> str:
        """Names the row in an error message."""
        return f"{self.name}.txt, {row[CODE]}"


OCCUPATIONS = OnetTable("Occupation Data", (CODE, "Title"))
INTERESTS = OnetTable("Interests", (CODE, "Element Name", "Scale ID", "Data Value"))
JOB_ZONES = OnetTable("Job Zones", (CODE, "Job Zone"))
ALTERNATE_TITLES = OnetTable("Alternate Titles", (CODE, "Alternate Title", "Short Title"))
REPORTED_TITLES = OnetTable("Sample of Reported Titles", (CODE, "Reported Job Title"))
RELATED = OnetTable("Related Occupations", (CODE, "Related O*NET-SOC Code", "Index"))
SKILLS = OnetTable("Skills", (CODE, "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress"))
TECHNOLOGY = OnetTable("Technology Skills", (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand"))
EDUCATION = OnetTable(
    "Education, Training, and Experience",
    (CODE, "Element Name", "Scale ID", "Category", "Data Value", "Recommend Suppress"),
)
EDUCATION_CATEGORIES = OnetTable(
    "Education, Training, and Experience Categories", ("Element Name", "Scale ID", "Category", "Category Description")
)
ONET_TABLES = (OCCUPATIONS, INTERESTS, JOB_ZONES, ALTERNATE_TITLES, REPORTED_TITLES, RELATED, SKILLS, EDUCATION,
               EDUCATION_CATEGORIES, TECHNOLOGY)
BLS_COLUMNS = (("OCC_CODE", "O_GROUP", "TOT_EMP") + tuple(BLS_WAGE_COLUMNS.values())
               + tuple(BLS_HOURLY_WAGE_COLUMNS.values()) + tuple(BLS_FLAGS.values()))


def open_table(path: Path, columns: Iterable[str], delimiter: str) -> tuple[TextIO, csv.DictReader]:
    """The open file and its reader, once the header is known to hold every column the importer reads."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"can't read {path}: {error.strerror or error}") from error
    # O*NET's tab-delimited files never quote; titles may contain a literal '"'.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.DictReader(handle, delimiter=delimiter, quoting=quoting, restval="")
    try:
        missing = [column for column in columns if column not in (reader.fieldnames or ())]
    except (UnicodeDecodeError, csv.Error) as error:
        handle.close()
        raise InputError(f"{path}: unreadable as a UTF-8 text table ({error})") from None
    if missing:
        handle.close()
        plural = "s" if len(missing) > 1 else ""
        raise InputError(f"{path}: missing column{plural} {', '.join(repr(column) for column in missing)}")
    return handle, reader


def read_table(path: Path, columns: Iterable[str], delimiter: str) -> Iterator[dict[str, str]]:
    handle, reader = open_table(path, columns, delimiter)
    with handle:
        try:
            yield from reader
        except (UnicodeDecodeError, csv.Error) as error:
            raise InputError(f"{path}, line {reader.line_num}: unreadable as a UTF-8 text table ({error})") from None


def check_inputs(onet_dir: Path, oews_csv: Path) -> None:
    """Fails on the first missing file or column before the slow reading starts."""
    if not onet_dir.is_dir():
        raise InputError(f"{onet_dir}: not a folder (expected the O*NET text files)")
    inputs = [(onet_dir / f"{table.name}.txt", table.columns, "\t") for table in ONET_TABLES]
    for path, columns, delimiter in inputs + [(oews_csv, BLS_COLUMNS, ",")]:
        open_table(path, columns, delimiter)[0].close()


def number(text: str, where: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise InputError(f"{where}: {text!r} is not a number") from None


def unique_titles(titles: Iterable[str], exclude: Iterable[str]) -> list[str]:
    """Titles in their given order, each once (ignoring case), leaving out those in exclude."""
    seen = {title.casefold() for title in exclude}
    kept = []
    for title in titles:
        title = title.strip()
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            kept.append(title)
    return kept


def read_occupations(onet_dir: Path) -> dict[str, str]:
    return {row[CODE]: row["Title"].strip() for row in OCCUPATIONS.rows(onet_dir)}


def read_interests(onet_dir: Path) -> tuple[dict[str, dict[str, float]], dict[str, list[str]]]:
    """Interest levels (scale OI) per RIASEC letter and high-point letters (scale IH), by code."""
    levels: dict[str, dict[str, float]] = defaultdict(dict)
    high_points: dict[str, dict[str, str]] = defaultdict(dict)
    for row in INTERESTS.rows(onet_dir):
        where = INTERESTS.where(row)
        if row["Scale ID"] == "OI" and row["Element Name"] in INTEREST_AREAS:
            levels[row[CODE]][INTEREST_AREAS[row["Element Name"]]] = number(row["Data Value"], where)
        elif row["Scale ID"] == "IH" and row["Element Name"] in HIGH_POINTS:
            area = int(number(row["Data Value"], where))  # 1-6 for R..C, 0 for none
            if 1 <= area <= len(RIASEC):
                high_points[row[CODE]][row["Element Name"]] = RIASEC[area - 1]
    complete = {code: {letter: found[letter] for letter in RIASEC} for code, found in levels.items()
                if len(found) == len(RIASEC)}
    ordered = {code: [found[rank] for rank in HIGH_POINTS if rank in found] for code, found in high_points.items()}
    return complete, ordered


def read_job_zones(onet_dir: Path) -> dict[str, int]:
    return {row[CODE]: int(number(row["Job Zone"], JOB_ZONES.where(row)))
            for row in JOB_ZONES.rows(onet_dir)}


def read_titles(onet_dir: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Alternate titles (each followed by its short form, e.g. "RN") and reported titles, by code."""
    alternate: dict[str, list[str]] = defaultdict(list)
    for row in ALTERNATE_TITLES.rows(onet_dir):
        alternate[row[CODE]] += [row["Alternate Title"], row["Short Title"]]
    reported: dict[str, list[str]] = defaultdict(list)
    for row in REPORTED_TITLES.rows(onet_dir):
        reported[row[CODE]].append(row["Reported Job Title"])
    return alternate, reported


def read_related(onet_dir: Path) -> dict[str, list[str]]:
    """Related codes in O*NET's order (Index), each once, never the occupation itself."""
    ranked: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for row in RELATED.rows(onet_dir):
        index = number(row["Index"], RELATED.where(row))
        ranked[row[CODE]].append((index, row["Related O*NET-SOC Code"]))
    return {code: list(dict.fromkeys(related for _, related in sorted(pairs) if related != code))
            for code, pairs in ranked.items()}


def suppressed(row: Mapping[str, str]) -> bool:
    """O*NET recommends not showing an estimate whose sample is too small or too uncertain."""
    return row["Recommend Suppress"].strip().upper() == "Y"


def element_order(element_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts O*NET Content Model ids ("2.A.1.a", "2.B.10.a") in the Content Model's order."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in element_id.strip().split("."))


def read_skills(onet_dir: Path) -> tuple[list[str], dict[str, list[float | None]]]:
    """Every skill's name in Content Model order, and by code each one's importance (scale IM) in that order.

    An importance is None where O*NET recommends suppressing the estimate or has no row for the skill;
    an occupation with no importance rows at all is left out.
    """
    names: dict[str, str] = {}  # element id -> name
    ratings: dict[str, dict[str, float | None]] = defaultdict(dict)  # code -> element id -> importance
    for row in SKILLS.rows(onet_dir):
        if row["Scale ID"] != "IM":
            continue
        element, name = row["Element ID"].strip(), row["Element Name"].strip()
        if names.setdefault(element, name) != name:
            raise InputError(f"{SKILLS.where(row)}: element {element} is named both {names[element]!r} and {name!r}")
        ratings[row[CODE]][element] = None if suppressed(row) else round(number(row["Data Value"], SKILLS.where(row)), 2)
    elements = sorted(names, key=element_order)
    return ([names[element] for element in elements],
            {code: [found.get(element) for element in elements] for code, found in ratings.items()})


def flag(text: str) -> bool:
    return text.strip().upper() == "Y"


def _technology_order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Categories by how many of their examples are in demand for this occupation, then hot, then by size;
    within one, in-demand and hot examples first; at most EXAMPLES_PER_CATEGORY each, TOP_TECHNOLOGY in all."""
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_category[item["category"]].append(item)

    def weight(group: list[dict[str, Any]]) -> tuple[int, int, int]:
        return (-sum(item["in_demand"] for item in group), -sum(item["hot"] for item in group), -len(group))

    ordered = sorted(by_category.values(), key=weight)  # sorted() is stable: ties keep the file's order
    kept = [item for group in ordered
            for item in sorted(group, key=lambda item: (not item["in_demand"], not item["hot"]))[:EXAMPLES_PER_CATEGORY]]
    return kept[:TOP_TECHNOLOGY]


def read_technology(onet_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Technology examples by code, grouped by category, the categories most in demand first (_technology_order)."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in TECHNOLOGY.rows(onet_dir):
        name = row["Example"].strip()
        if name:
            found[row[CODE]].append({"name": name, "category": row["Commodity Title"].strip(),
                                     "hot": flag(row["Hot Technology"]), "in_demand": flag(row["In Demand"])})
    return {code: _technology_order(items) for code, items in found.items()}


def education_label(description: str) -> str:
    """The category's name without O*NET's explanation after " - " ("Master's Degree", not its definition)."""
    return description.split(" - ", 1)[0].strip()


def read_education(onet_dir: Path) -> dict[str, dict[str, Any]]:
    """The required level of education most respondents named, labelled from the Categories file."""
    labels = {row["Category"]: education_label(row["Category Description"]) for row in EDUCATION_CATEGORIES.rows(onet_dir)
              if row["Element Name"] == EDUCATION_ELEMENT and row["Scale ID"] == EDUCATION_SCALE}
    best: dict[str, dict[str, Any]] = {}
    for row in EDUCATION.rows(onet_dir):
        if row["Element Name"] != EDUCATION_ELEMENT or row["Scale ID"] != EDUCATION_SCALE or suppressed(row):
            continue
        where = EDUCATION.where(row)
        if row["Category"] not in labels:
            raise InputError(f"{where}: category {row['Category']!r} is not in {EDUCATION_CATEGORIES.name}.txt")
        share = number(row["Data Value"], where)
        if share > 0 and share > best.get(row[CODE], {"share": 0})["share"]:
            best[row[CODE]] = {"level": labels[row["Category"]], "share": share}
    return best


def bls_amount(text: str, where: str) -> int | None:
    """A BLS figure as a whole number ("1,234" is 1234); None where BLS publishes none."""
    text = text.strip()
    if text in BLS_NOT_AVAILABLE:
        return None
    return round(number(text, where))


def bls_hourly(text: str, where: str) -> float | None:
    """A BLS hourly figure in dollars and cents ("23.33"); None where BLS publishes none."""
    text = text.strip()
    if text in BLS_NOT_AVAILABLE:
        return None
    return round(number(text, where), 2)


def bls_wages(row: Mapping[str, str], where: str) -> dict[str, Any]:
    code = row["OCC_CODE"].strip()
    wages: dict[str, Any] = {"soc_code": code, "employment": bls_amount(row["TOT_EMP"], f"{where}, {code}, TOT_EMP")}
    top_coded = []
    for fields, columns, ceiling, read in ((WAGE_FIELDS, BLS_WAGE_COLUMNS, TOP_CODED_WAGE, bls_amount),
                                           (HOURLY_WAGE_FIELDS, BLS_HOURLY_WAGE_COLUMNS, TOP_CODED_HOURLY_WAGE,
                                            bls_hourly)):
        for field in fields:
            column = columns[field]
            if row[column].strip() == BLS_TOP_CODED:
                wages[field] = ceiling
                top_coded.append(field)
            else:
                wages[field] = read(row[column], f"{where}, {code}, {column}")
    for field, column in BLS_FLAGS.items():
        wages[field] = row[column].strip().upper() == BLS_TRUE
    wages["top_coded"] = top_coded
    return wages


def read_bls(oews_csv: Path) -> dict[str, dict[str, Any]]:
    """Wages by SOC code; where BLS lists a code twice (as broad and detailed), the detailed row."""
    rows: dict[str, Mapping[str, str]] = {}
    for row in read_table(oews_csv, BLS_COLUMNS, delimiter=","):
        code = row["OCC_CODE"].strip()
        if code not in rows or row["O_GROUP"].strip() == "detailed":
            rows[code] = row
    return {code: bls_wages(row, str(oews_csv)) for code, row in rows.items()}


def wages_for(code: str, wages: Mapping[str, dict[str, Any]]) -> dict[str, Any] | None:
    """BLS figures for an O*NET-SOC code: its own SOC occupation, else the broad group BLS reports it in.

    BLS publishes some occupations only as their broad group (e.g. 13-1020 for O*NET's 13-1021..13-1023);
    the soc_code in the result says which figures were used.
    """
    soc_code = code[:7]
    broad_group = soc_code[:6] + "0"
    return wages.get(soc_code) or wages.get(broad_group)


def build_catalogue(onet_dir: Path, oews_csv: Path) -> dict[str, Any]:
    """The catalogue in the layout bot.catalogue.model documents, as plain JSON-ready data."""
    check_inputs(onet_dir, oews_csv)
    titles = read_occupations(onet_dir)
    interests, high_points = read_interests(onet_dir)
    zones = read_job_zones(onet_dir)
    alternate, reported = read_titles(onet_dir)
    related = read_related(onet_dir)
    skill_names, skill_importance = read_skills(onet_dir)
    technology = read_technology(onet_dir)
    education = read_education(onet_dir)
    wages = read_bls(oews_csv)
    occupations = []
    for code in sorted(titles):
        # Reported titles (what incumbents call their job) are a few of the alternate titles; each title is
        # listed once, under reported where it is one.
        reported_titles = unique_titles(reported.get(code, ()), exclude=[titles[code]])
        occupations.append({
            "code": code,
            "title": titles[code],
            "alternate_titles": unique_titles(alternate.get(code, ()), exclude=[titles[code], *reported_titles]),
            "reported_titles": reported_titles,
            "interests": interests.get(code),
            "high_point": high_points.get(code, []),
            "job_zone": zones.get(code),
            "education": education.get(code),
            "wages": wages_for(code, wages),
            "skill_importance": skill_importance.get(code),
            "technology": technology.get(code, []),
            "related": [other for other in related.get(code, ()) if other in titles],
        })
    return {"schema_version": SCHEMA_VERSION, "sources": SOURCES, "skill_names": skill_names,
            "occupations": occupations}


def catalogue_text(catalogue: Mapping[str, Any]) -> str:
    """JSON with one occupation a line: small to commit, and a rebuild's diff shows which ones changed."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    header = {key: value for key, value in catalogue.items() if key != "occupations"}
    lines = ",\n".join(compact(occupation) for occupation in catalogue["occupations"])
    return compact(header)[:-1] + ',\n"occupations":[\n' + lines + "\n]}\n"


def summary(catalogue: Mapping[str, Any]) -> str:
    occupations = catalogue["occupations"]
    with_wages = sum(1 for occupation in occupations if occupation["wages"] and occupation["wages"]["median"])
    with_interests = sum(1 for occupation in occupations if occupation["interests"])
    with_skills = sum(1 for occupation in occupations if occupation["skill_importance"])
    with_technology = sum(1 for occupation in occupations if occupation["technology"])
    titles = sum(1 + len(occupation["alternate_titles"]) + len(occupation["reported_titles"])
                 for occupation in occupations)
    return (f"{len(occupations)} occupations, {with_wages} with a median wage, {with_interests} with interests, "
            f"{with_skills} with skills, {with_technology} with technology, {titles} titles")
