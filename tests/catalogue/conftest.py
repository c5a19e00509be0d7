"""Small O*NET and BLS inputs in the real file formats, and the catalogue the importer builds from them.

Other catalogue tests may use the fixtures (onet_dir, oews_csv, fixture_catalogue) or the writers.
What the fixture holds, by design:
- 13-1082.00 Project Management Specialists: BLS wages with commas ("100,750") and hourly ones in dollars
  and cents ("36.99"); an alternate title equal to the main title in other case; a short title ("PM"); no
  skills or education rows (as in O*NET 29.3); three technology rows.
- 15-2051.00 Data Scientists: "#" (top-coded) 75th and 90th percentiles, annual and hourly; a suppressed
  skill; two skills of equal importance; related occupations out of Index order, including itself and a
  code O*NET doesn't list; 18 technology rows (more than TOP_TECHNOLOGY) with hot and in-demand ones
  after plain ones in the file.
- 15-2041.00 Statisticians: a full plain row everywhere; only two of the fixture's skills rated.
- 25-2021.00 Elementary School Teachers: annual wages only (ANNUAL "TRUE", hourly "*"); no O*NET rows but
  its title.
- 27-2011.00 Actors: "*" annual wages (HOURLY "TRUE": BLS publishes hourly figures only), employment
  "38,800"; no interest rows.
- 13-1021.00 Buyers and Purchasing Agents, Farm Products: no BLS row of its own; BLS lists its broad group
  13-1020 twice (broad and detailed), with different figures here so the detailed one can be told apart.
- 55-1011.00 Air Crew Officers: no BLS row at all; only three of the six interest levels.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.catalogue.importer import CODE, build_catalogue, catalogue_text
from bot.catalogue.model import Catalogue, load_catalogue

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
SHARED_ONET = SHARED_DATA / "onet-29.3"
SHARED_OEWS = SHARED_DATA / "bls-oews-may2024" / "national_M2024_dl.csv"

TITLES = {
    "13-1021.00": "Buyers and Purchasing Agents, Farm Products",
    "13-1082.00": "Project Management Specialists",
    "15-2041.00": "Statisticians",
    "15-2051.00": "Data Scientists",
    "25-2021.00": "Elementary School Teachers, Except Special Education",
    "27-2011.00": "Actors",
    "55-1011.00": "Air Crew Officers",
}
# Prose the importer must never copy into the catalogue.
DESCRIPTIONS = {code: f"Fixture description of {title.lower()} that must stay out of the catalogue."
                for code, title in TITLES.items()}
TASKS = {
    "15-2051.00": [("Supplemental fixture task: present findings.", "Supplemental"),
                   ("Core fixture task: clean the data.", "Core"),
                   ("Untyped fixture task: mentor juniors.", ""),
                   ("Core fixture task: build models.", "Core")],
}
AREAS = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
INTEREST_LEVELS = {  # R, I, A, S, E, C
    "13-1021.00": (2.1, 2.5, 1.2, 2.0, 5.4, 6.1),
    "13-1082.00": (1.46, 2.76, 1.58, 3.35, 6.36, 5.56),
    "15-2041.00": (1.5, 6.8, 1.9, 1.7, 1.8, 5.9),
    "15-2051.00": (2.16, 6.99, 2.59, 1.66, 1.71, 5.4),
    "55-1011.00": (6.2, 3.1, 1.1),  # incomplete: not an interest profile
}
HIGH_POINTS = {  # area numbers 1-6 (R..C), 0 = none
    "13-1021.00": (6, 5, 0),
    "13-1082.00": (5, 6, 0),
    "15-2041.00": (2, 6, 0),
    "15-2051.00": (2, 6, 0),
}
JOB_ZONES = {"13-1021.00": 3, "13-1082.00": 4, "15-2041.00": 5, "15-2051.00": 4, "27-2011.00": 2, "55-1011.00": 4}
ALTERNATE_TITLES = {  # (alternate title, short title)
    "13-1082.00": [("project management specialists", ""), ("Project Manager (PM)", "PM"),
                   ("Grant Assistant", ""), ("IT Project Manager", "")],
    "15-2051.00": [("Data Analytic Scientist", ""), ("Machine Learning Scientist", ""), ("Data Scientist", "")],
    "27-2011.00": [("Actor", ""), ("Actress", "")],
}
REPORTED_TITLES = {"13-1082.00": ["IT Project Manager", "Project Manager (PM)"], "15-2051.00": ["Data Scientist"]}
RELATED = {  # (related code, Index)
    "15-2051.00": [("15-2041.00", 2), ("15-2051.00", 3), ("99-9999.00", 4), ("13-1082.00", 1)],
    "13-1082.00": [("15-2051.00", 1)],
}
SKILL_ELEMENTS = {  # name -> O*NET Content Model id, as in O*NET 29.3
    "Reading Comprehension": "2.A.1.a", "Writing": "2.A.1.c", "Speaking": "2.A.1.d", "Mathematics": "2.A.1.e",
    "Critical Thinking": "2.A.2.a", "Active Learning": "2.A.2.b", "Monitoring": "2.A.2.d", "Persuasion": "2.B.1.c",
    "Programming": "2.B.3.e", "Time Management": "2.B.5.a",
}
SKILL_NAMES = list(SKILL_ELEMENTS)  # the Content Model's order, which the file's order is not
SKILLS = {  # (name, importance, Recommend Suppress)
    "15-2051.00": [("Reading Comprehension", 3.5, "N"), ("Programming", 4.75, "N"), ("Mathematics", 4.5, "N"),
                   ("Persuasion", 4.9, "Y"), ("Speaking", 2.0, "N"), ("Writing", 3.0, "N"),
                   ("Critical Thinking", 4.5, "N"), ("Active Learning", 3.9, "N"), ("Monitoring", 3.1, "N"),
                   ("Time Management", 2.5, "N")],
    "15-2041.00": [("Mathematics", 4.88, "N"), ("Critical Thinking", 4.12, "N")],
}
TECHNOLOGY = {  # (Example, Commodity Title, Hot Technology, In Demand), in file order
    "13-1082.00": [("Atlassian JIRA", "Content workflow software", "Y", "Y"),
                   ("Microsoft Project", "Project management software", "Y", "N"),
                   ("Smartsheet", "Project management software", "N", "N")],
    "15-2051.00": [("Apache Airflow", "Development environment software", "N", "N"),
                   ("Git", "Configuration management software", "N", "Y"),
                   ("Microsoft Excel", "Spreadsheet software", "Y", "N"),
                   ("Python", "Object or component oriented development software", "Y", "Y"),
                   ("Alteryx software", "Data mining software", "N", "N"),
                   ("Tableau", "Business intelligence and data analysis software", "Y", "N"),
                   ("SAS", "Analytical or scientific software", "Y", "Y"),
                   ("IBM SPSS Statistics", "Analytical or scientific software", "N", "N"),
                   ("KNIME", "Data mining software", "N", "N"),
                   ("MATLAB", "Analytical or scientific software", "N", "N"),
                   ("Minitab", "Analytical or scientific software", "N", "N"),
                   ("RapidMiner", "Data mining software", "N", "N"),
                   ("Stata", "Analytical or scientific software", "N", "N"),
                   ("Weka", "Data mining software", "N", "N"),
                   ("Apache Hive", "Data base management system software", "N", "N"),
                   ("Apache Pig", "Data base management system software", "N", "N"),
                   ("Jupyter Notebook", "Development environment software", "N", "N"),
                   ("Julia", "Object or component oriented development software", "N", "N")],
}
COMMODITY_CODES = {"Content workflow software": 43232201, "Project management software": 43231203}
EDUCATION_CATEGORIES = {
    "1": "Less than a High School Diploma",
    "2": "High School Diploma - or the equivalent (for example, GED)",
    "6": "Bachelor's Degree",
    "8": "Master's Degree",
    "11": "Doctoral Degree",
}
EDUCATION = {  # (category, share, Recommend Suppress)
    "15-2051.00": [("6", 30.0, "N"), ("8", 55.5, "N"), ("11", 70.0, "Y"), ("1", 0, "N")],
    "27-2011.00": [("1", 20.0, "N"), ("2", 45.42, "N")],
}
BLS_HEADER = ("AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,"
              "TOT_EMP,EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,"
              "H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY").split(",")
BLS_ROWS = [  # OCC_CODE, OCC_TITLE, O_GROUP, TOT_EMP, A_MEAN, A_PCT10, A_PCT25, A_MEDIAN, A_PCT75, A_PCT90,
    #            (H_MEAN, H_PCT10, H_PCT25, H_MEDIAN, H_PCT75, H_PCT90), ANNUAL, HOURLY
    ("00-0000", "All Occupations", "total", "154,187,380", "67,920", "29,990", "36,730", "49,500", "78,810",
     "125,720", ("32.66", "14.42", "17.66", "23.8", "37.89", "60.44"), "", ""),
    ("13-1020", "Buyers and Purchasing Agents", "broad", "486,900", "1", "1", "1", "1", "1", "1",
     ("1", "1", "1", "1", "1", "1"), "", ""),
    ("13-1020", "Buyers and Purchasing Agents", "detailed", "486,900", "81,720", "46,460", "58,670", "75,650",
     "99,190", "127,520", ("39.29", "22.34", "28.21", "36.37", "47.69", "61.31"), "", ""),
    ("13-1082", "Project Management Specialists", "detailed", "1,006,160", "108,100", "59,830", "76,950",
     "100,750", "131,660", "165,790", ("51.97", "28.77", "36.99", "48.44", "63.30", "79.71"), "", ""),
    ("15-2041", "Statisticians", "detailed", "31,930", "116,680", "62,810", "83,460", "104,350", "138,730",
     "180,000", ("56.10", "30.20", "40.13", "50.17", "66.70", "86.54"), "", ""),
    ("15-2051", "Data Scientists", "detailed", "233,440", "124,590", "63,650", "82,630", "112,590", "#", "#",
     ("59.90", "30.60", "39.73", "54.13", "#", "#"), "", ""),
    ("25-2021", "Elementary School Teachers, Except Special Education", "detailed", "1,393,310", "69,790", "46,440",
     "50,680", "62,340", "79,410", "102,010", ("*", "*", "*", "*", "*", "*"), "TRUE", ""),
    ("27-2011", "Actors", "detailed", "38,800", "*", "*", "*", "*", "*", "*",
     ("44.40", "14.00", "16.94", "23.33", "41.09", "97.19"), "", "TRUE"),
]


def write_tsv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(str(value) for value in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_onet(folder: Path) -> Path:
    """Writes the O*NET text files the importer and prose read, in O*NET 29.3's layout."""
    folder.mkdir(parents=True, exist_ok=True)
    title = TITLES.get
    write_tsv(folder / "Read Me.txt", ["O*NET 29.3 Database"], [["May 2025 Release"]])
    write_tsv(folder / "Occupation Data.txt", [CODE, "Title", "Description"],
              [[code, title(code), DESCRIPTIONS[code]] for code in TITLES])
    write_tsv(folder / "Task Statements.txt",
              [CODE, "Title", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"],
              [[code, title(code), 1000 + number, task, task_type, "", "08/2024", "Incumbent"]
               for code, tasks in TASKS.items() for number, (task, task_type) in enumerate(tasks)])
    interest_rows = []
    for code, levels in INTEREST_LEVELS.items():
        interest_rows += [[code, title(code), f"1.B.1.{'abcdef'[index]}", AREAS[index], "OI", "Occupational Interests",
                           level, "11/2023", "Machine Learning"] for index, level in enumerate(levels)]
        interest_rows += [[code, title(code), f"1.B.1.{'ghi'[rank]}", f"{ordinal} Interest High-Point", "IH",
                           "Occupational Interest High-Point", f"{area}.0", "11/2023", "Machine Learning"]
                          for rank, (ordinal, area) in enumerate(zip(("First", "Second", "Third"),
                                                                     HIGH_POINTS.get(code, (0, 0, 0))))]
    write_tsv(folder / "Interests.txt", [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
                                         "Data Value", "Date", "Domain Source"], interest_rows)
    write_tsv(folder / "Job Zones.txt", [CODE, "Title", "Job Zone", "Date", "Domain Source"],
              [[code, title(code), zone, "08/2023", "Analyst"] for code, zone in JOB_ZONES.items()])
    write_tsv(folder / "Alternate Titles.txt", [CODE, "Title", "Alternate Title", "Short Title", "Source(s)"],
              [[code, title(code), alternate, short, "08"]
               for code, titles in ALTERNATE_TITLES.items() for alternate, short in titles])
    write_tsv(folder / "Sample of Reported Titles.txt", [CODE, "Title", "Reported Job Title", "Shown in My Next Move"],
              [[code, title(code), reported, "Y"] for code, titles in REPORTED_TITLES.items() for reported in titles])
    write_tsv(folder / "Related Occupations.txt",
              [CODE, "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
              [[code, title(code), other, TITLES.get(other, "Unlisted"), "Primary-Short", index]
               for code, related in RELATED.items() for other, index in related])
    skill_rows = []
    for code, skills in SKILLS.items():
        for name, importance, suppress in skills:
            for scale, scale_name, value in (("IM", "Importance", importance), ("LV", "Level", 6.9)):
                skill_rows.append([code, title(code), SKILL_ELEMENTS[name], name, scale, scale_name, value, 8, 0.1,
                                   0, 5, suppress, "N" if scale == "LV" else "", "08/2023", "Analyst"])
    write_tsv(folder / "Skills.txt", [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
                                      "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
                                      "Recommend Suppress", "Not Relevant", "Date", "Domain Source"], skill_rows)
    write_tsv(folder / "Technology Skills.txt",
              [CODE, "Title", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
              [[code, title(code), example, COMMODITY_CODES.get(category, 43230000), category, hot, in_demand]
               for code, rows in TECHNOLOGY.items() for example, category, hot, in_demand in rows])
    rl = ["2.D.1", "Required Level of Education", "RL", "Required Level Of Education (Categories 1-12)"]
    write_tsv(folder / "Education, Training, and Experience Categories.txt",
              ["Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Category Description"],
              [rl + [category, label] for category, label in EDUCATION_CATEGORIES.items()]
              + [["3.A.1", "Related Work Experience", "RW", "Related Work Experience (Categories 1-11)", "8",
                  "Over 4 years, up to and including 6 years"]])
    write_tsv(folder / "Education, Training, and Experience.txt",
              [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Data Value", "N",
               "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"],
              [[code, title(code), *rl, category, share, 28, 1, 0, 9, suppress, "08/2023", "Incumbent"]
               for code, rows in EDUCATION.items() for category, share, suppress in rows]
              + [["15-2041.00", title("15-2041.00"), "3.A.1", "Related Work Experience", "RW",
                  "Related Work Experience (Categories 1-11)", "8", 99.0, 28, 1, 0, 9, "N", "08/2023", "Incumbent"]])
    return folder


def write_oews(path: Path) -> Path:
    """Writes a BLS OEWS national CSV (commas inside quoted numbers, "#" and "*") with the rows above."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=BLS_HEADER)
        writer.writeheader()
        for (code, title, group, employment, mean, pct10, pct25, median, pct75, pct90, hourly_wages, annual,
             hourly) in BLS_ROWS:
            writer.writerow({"AREA": "99", "AREA_TITLE": "U.S.", "AREA_TYPE": "1", "PRIM_STATE": "US",
                             "NAICS": "000000", "NAICS_TITLE": "Cross-industry", "I_GROUP": "cross-industry",
                             "OWN_CODE": "1235", "OCC_CODE": code, "OCC_TITLE": title, "O_GROUP": group,
                             "TOT_EMP": employment, "A_MEAN": mean, "A_PCT10": pct10, "A_PCT25": pct25,
                             "A_MEDIAN": median, "A_PCT75": pct75, "A_PCT90": pct90,
                             **dict(zip(("H_MEAN", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90"),
                                        hourly_wages)),
                             "ANNUAL": annual, "HOURLY": hourly})
    return path


@pytest.fixture
def onet_dir(tmp_path: Path) -> Path:
    return write_onet(tmp_path / "onet")


@pytest.fixture
def oews_csv(tmp_path: Path) -> Path:
    return write_oews(tmp_path / "bls" / "national_M2024_dl.csv")


@pytest.fixture
def fixture_catalogue(onet_dir: Path, oews_csv: Path, tmp_path: Path) -> Catalogue:
    """The fixture data built, written and loaded the way the bot loads the real catalogue."""
    path = tmp_path / "catalogue.json"
    path.write_text(catalogue_text(build_catalogue(onet_dir, oews_csv)), encoding="utf-8")
    return load_catalogue(path)
