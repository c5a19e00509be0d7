"""Replies about occupations state the catalogue's figures with their sources, and say what the data lacks."""
import re

import pytest

from bot.catalogue import answers
from bot.catalogue.interests import default_interest_guide, match
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, TOP_CODED_WAGE, default_catalogue
from bot.catalogue.prose import OnetProse
from bot.catalogue.titles import TitleMatch, default_title_index

catalogue = default_catalogue()
guide = default_interest_guide()
BLS = catalogue.sources[BLS_SOURCE].title
ONET = catalogue.sources[ONET_SOURCE].title
NO_PROSE = OnetProse(None)
DATA_SCIENTISTS, ECONOMISTS = catalogue.occupations["15-2051.00"], catalogue.occupations["19-3011.00"]


def money(amount: int) -> str:
    return f"${amount:,}"


def figures(text: str) -> set[str]:
    return set(re.findall(r"\$[\d,]+(?:\.\d\d)?", text))


def sources_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("(Source"))


WITH_WAGES = [o for o in catalogue.occupations.values() if o.wages and o.wages.median and not o.wages.top_coded][::97]


@pytest.mark.parametrize("occupation", WITH_WAGES, ids=lambda o: o.code)
def test_salary_gives_the_bls_median_and_range_with_its_source(occupation):
    text = answers.salary(catalogue, occupation)
    wages = occupation.wages
    assert {money(wages.median), money(wages.pct10), money(wages.pct90)} <= figures(text)
    assert f"{wages.employment:,}" in text
    assert sources_line(text) == f"(Source: {BLS})"


def test_a_top_coded_wage_is_given_as_a_floor():
    occupation = next(o for o in catalogue.occupations.values()
                      if o.wages and "pct90" in o.wages.top_coded and "median" not in o.wages.top_coded)
    text = answers.salary(catalogue, occupation)
    assert f"to {money(TOP_CODED_WAGE)} or more" in text and money(occupation.wages.median) in text


def test_no_annual_wage_figure_is_said_plainly_with_the_hourly_one_where_bls_has_it():
    for occupation in [o for o in catalogue.occupations.values() if not o.wages or o.wages.median is None][:5]:
        text = answers.salary(catalogue, occupation)
        assert f"BLS publishes no annual wage figure for {occupation.title}" in text
        hourly = occupation.wages.hourly_median if occupation.wages else None
        assert figures(text) == ({f"${hourly:,.2f}"} if hourly else set())


def test_figures_for_a_wider_bls_group_say_so():
    specialised = next(o for o in catalogue.occupations.values()
                       if o.wages and not o.code.endswith(".00") and f"{o.wages.soc_code}.00" in catalogue.occupations)
    broad = catalogue.occupations[f"{specialised.wages.soc_code}.00"]
    assert f"BLS reports pay for {broad.title} as a whole" in answers.salary(catalogue, specialised)
    assert "as a whole" not in answers.salary(catalogue, broad)


def test_preparation_gives_the_zone_in_plain_words_and_education_with_its_share():
    occupation = next(o for o in catalogue.occupations.values() if o.job_zone and o.education)
    text = answers.preparation(catalogue, occupation, guide)
    zone = guide.zones[occupation.job_zone]
    assert f"job zone {occupation.job_zone} of 5" in text and zone.name in text and zone.description in text
    assert occupation.education.level in text and f"{occupation.education.share:.0f}%" in text
    assert sources_line(text) == f"(Source: {ONET})"
    assert "no survey of the education" in answers.preparation(catalogue, DATA_SCIENTISTS, guide)  # a known gap in 29.3


def test_interests_name_the_high_point_areas_in_plain_words():
    text = answers.interests(catalogue, ECONOMISTS, guide)
    for letter in ECONOMISTS.high_point:
        assert guide.areas[letter].name in text
    assert sources_line(text) == f"(Source: {ONET})"


def test_skills_list_the_most_important_with_their_ratings_or_say_none_are_rated():
    occupation = next(o for o in catalogue.occupations.values() if len(o.skills) >= 3)
    text = answers.skills(catalogue, occupation)
    for skill in occupation.skills[:3]:
        assert f"{skill.name}: {skill.importance:.1f}" in text
    assert "rates no skills" in answers.skills(catalogue, DATA_SCIENTISTS)


def test_related_occupations_are_named_by_title_with_what_changes():
    text = answers.related(catalogue, ECONOMISTS, guide)
    lines = text.splitlines()
    for number, code in enumerate(ECONOMISTS.related[:answers.RELATED_SHOWN], start=1):
        other = catalogue.occupations[code]
        line = next(line for line in lines if line.startswith(f"{number}. {other.title}:"))
        change = other.wages.median - ECONOMISTS.wages.median
        assert (f"median {money(other.wages.median)}, {'+' if change >= 0 else '-'}{money(abs(change))}" in line
                if other.wages.soc_code != ECONOMISTS.wages.soc_code else "BLS reports it together with yours" in line)
        assert f"job zone {other.job_zone}" in line
    assert sources_line(text) == f"(Sources: {ONET}; {BLS})"
    assert "rates no skills" in answers.related(catalogue, DATA_SCIENTISTS, guide)


def test_overview_has_the_key_facts_from_both_sources_and_no_prose_without_onet_dir():
    text = answers.overview(catalogue, DATA_SCIENTISTS, guide, prose=NO_PROSE)
    assert money(DATA_SCIENTISTS.wages.median) in text and guide.zones[DATA_SCIENTISTS.job_zone].name in text
    assert BLS in sources_line(text) and ONET in sources_line(text)
    assert "This product includes information" not in text


def test_overview_shows_onet_prose_with_its_credit_when_given_a_folder(onet_dir, fixture_catalogue):
    prose = OnetProse(onet_dir)
    occupation = fixture_catalogue.occupations["15-2051.00"]
    text = answers.overview(fixture_catalogue, occupation, guide, prose=prose)
    assert prose.description(occupation.code) in text
    assert all(task in text for task in prose.tasks(occupation.code, answers.TASKS_SHOWN))
    assert prose.credit in text


def test_comparing_two_occupations_ranks_them_on_bls_medians_with_the_gap():
    text = answers.compare(catalogue, DATA_SCIENTISTS, ECONOMISTS, guide)
    higher, lower = sorted((DATA_SCIENTISTS, ECONOMISTS), key=lambda o: -o.wages.median)
    assert f"{higher.title} earn more: a median of {money(higher.wages.median)}" in text
    assert money(lower.wages.median) in text and money(higher.wages.median - lower.wages.median) in text
    assert BLS in sources_line(text) and ONET in sources_line(text)


def test_occupations_bls_reports_together_are_not_ranked():
    first, second = [o for o in catalogue.occupations.values() if o.wages and o.wages.soc_code == "11-1011"][:2]
    text = answers.compare(catalogue, first, second, guide)
    assert "earn more" not in text and "the same median" in text


def test_clarifying_question_offers_the_likeliest_occupations():
    engineer = default_title_index().resolve("engineer")
    question = answers.clarify(catalogue, engineer)
    assert "“engineer”" in question.text and question.text.endswith(")")
    assert [choice.code for choice in question.choices] == list(engineer.codes[:4])
    assert [choice.title for choice in question.choices] == [catalogue.occupations[c].title for c in engineer.codes[:4]]
    marked_up = answers.clarify(catalogue, TitleMatch("<b>engineer</b>", engineer.codes[:2], ambiguous=True))
    assert "<b>" not in marked_up.text and len(marked_up.choices) == 2 and "more that fit" not in marked_up.text


def test_recommendation_lists_the_matches_with_interests_pay_and_preparation():
    result = match(catalogue, {"R": -2, "I": 3, "A": -1, "S": 0, "E": -2, "C": 2}, zones=(4,))
    text = answers.recommendation(catalogue, result, guide)
    lines = text.splitlines()
    for number, found in enumerate(result.matches, start=1):
        line = next(line for line in lines if line.startswith(f"{number}. {found.occupation.title}:"))
        wages = found.occupation.wages
        assert (money(wages.median) in line) if wages and wages.median else ("no BLS wage figure" in line)
        assert guide.zones[found.occupation.job_zone].name in line
        assert "this work is mostly" in line and all(guide.areas[letter].name in line for letter in found.occupation.high_point)
    assert guide.zones[4].name in text
    assert BLS in sources_line(text) and ONET in sources_line(text)


def test_a_flat_quiz_result_says_why_and_lists_nothing():
    text = answers.recommendation(catalogue, match(catalogue, dict.fromkeys("RIASEC", 1)), guide)
    assert "every activity the same way" in text and not re.search(r"^\d\.", text, re.MULTILINE)
