"""What charts show (their data, not their pixels), checked against the catalogue and the articles; which
answers get one; and that a chart's address reads back to the same chart or is refused."""
from __future__ import annotations

import pytest

from bot import charts, topics
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, RIASEC
from bot.question import read_question

library = topics.default_library()
knowledge, catalogue, guide = library.knowledge, library.catalogue, library.guide
DEVELOPERS, NURSES, PM_OCCUPATION, CHIEF_EXECUTIVES, TEACHERS = "15-1252.00", "29-1141.00", "13-1082.00", "11-1011.00", "25-2021.00"


def read(address: str) -> charts.Chart:
    path, _, query = address.partition("?")
    return charts.read_address(knowledge, catalogue, guide, path, query)


def test_a_pay_comparison_shows_bls_medians_and_ranges_highest_first_an_article_role_through_its_occupation():
    chart = charts.pay_comparison(knowledge, catalogue, [NURSES, "project_manager", DEVELOPERS])
    expected = sorted(
        [(catalogue.occupations[code].wages, name) for code, name in
         ((NURSES, "Registered Nurses"), (PM_OCCUPATION, "Project Management Specialists (project managers)"),
          (DEVELOPERS, "Software Developers"))],
        key=lambda pair: -pair[0].median)
    assert [(bar.name, bar.value, bar.low, bar.high) for bar in chart.bars] == [
        (name, wages.median, wages.pct10, wages.pct90) for wages, name in expected]
    assert chart.ranged and not chart.hourly and "BLS OEWS, May 2024" in chart.source
    assert chart.title == "Median pay a year"
    assert f"Registered Nurses ${catalogue.occupations[NURSES].wages.median:,}" in chart.alt


def test_an_hourly_comparison_uses_the_hourly_figures_and_marks_bls_floors():
    chart = charts.pay_comparison(knowledge, catalogue, [CHIEF_EXECUTIVES, DEVELOPERS], hourly=True)
    chiefs = catalogue.occupations[CHIEF_EXECUTIVES].wages
    assert chart.bars[0] == charts.PayBar("Chief Executives", chiefs.hourly_median, chiefs.hourly_pct10, chiefs.hourly_pct90,
                                          False, True)
    assert chart.title == "Median pay an hour" and "$115.00 or more" in chart.alt


def test_article_averages_are_their_own_chart_and_never_share_it_with_bls_figures():
    chart = charts.pay_comparison(knowledge, catalogue, ["implementation_specialist", "project_manager"], source="is_vs_pm")
    roles = knowledge.roles
    assert [bar.value for bar in chart.bars] == [roles["project_manager"].salary.amount,
                                                 roles["implementation_specialist"].salary.amount]
    assert not chart.ranged and "average" in chart.title.lower() and "BLS" not in chart.source + chart.alt
    with pytest.raises(charts.ChartError):
        charts.pay_comparison(knowledge, catalogue, ["project_manager", NURSES], source="is_vs_pm")


@pytest.mark.parametrize("hourly", [False, True])
def test_one_occupations_spread_shows_its_five_percentiles(hourly):
    chart = charts.pay_spread(knowledge, catalogue, NURSES, hourly)
    wages = catalogue.occupations[NURSES].wages
    prefix = "hourly_" if hourly else ""
    assert [amount for _, amount, _ in chart.points] == [
        getattr(wages, f"{prefix}{field}") for field in ("pct10", "pct25", "median", "pct75", "pct90")]
    assert chart.hourly is hourly and chart.title.endswith("an hour" if hourly else "a year")


def test_the_interest_chart_holds_the_persons_scores_and_the_occupations_onet_levels():
    scores = dict(zip(RIASEC, (2, 3, -1, 0, -2, 1)))
    chart = charts.interest_profiles(catalogue, guide, scores, DEVELOPERS)
    assert chart.person == (2, 3, -1, 0, -2, 1)
    assert chart.levels == tuple(catalogue.occupations[DEVELOPERS].interests[letter] for letter in RIASEC)
    assert chart.areas[0] == guide.areas["R"].name and "Software Developers" in chart.alt


@pytest.mark.parametrize("chart", [
    charts.pay_comparison(knowledge, catalogue, [NURSES, DEVELOPERS], hourly=True),
    charts.pay_comparison(knowledge, catalogue, ["implementation_specialist", "project_manager"], source="is_vs_pm"),
    charts.pay_spread(knowledge, catalogue, "project_manager"),
    charts.interest_profiles(catalogue, guide, dict(zip(RIASEC, (0, 1, 0, 2, 0, -1))), NURSES),
], ids=["pay", "article pay", "spread", "interests"])
def test_an_address_reads_back_to_the_same_chart(chart):
    assert read(chart.address) == chart


def test_the_address_names_topics_figure_and_data_release_in_one_order_and_nothing_else():
    one = charts.pay_comparison(knowledge, catalogue, [NURSES, DEVELOPERS])
    other = charts.pay_comparison(knowledge, catalogue, [DEVELOPERS, NURSES])
    assert one.address == other.address == f"/charts/pay?codes={DEVELOPERS},{NURSES}&per=year&data={BLS_SOURCE}"


@pytest.mark.parametrize("address", [
    f"/charts/pay?codes=99-9999.99,{NURSES}&per=year&data={BLS_SOURCE}",  # unknown code
    f"/charts/pay?codes={NURSES}&per=year&data={BLS_SOURCE}",  # one topic is no comparison
    "/charts/pay?codes=" + ",".join(list(catalogue.occupations)[:6]) + f"&per=year&data={BLS_SOURCE}",  # too many
    f"/charts/pay?codes={NURSES},{NURSES}&per=year&data={BLS_SOURCE}",
    f"/charts/pay?codes={NURSES},{DEVELOPERS}&per=week&data={BLS_SOURCE}",
    f"/charts/pay?codes={NURSES},{DEVELOPERS}&per=year&data=bls_oews_2019",  # another data release
    f"/charts/pay?codes={NURSES},{DEVELOPERS}&per=year&data={BLS_SOURCE}&session=abc",  # nothing else in it
    f"/charts/pay?codes={NURSES},{DEVELOPERS}&per=year",
    f"/charts/pay?codes={TEACHERS},{DEVELOPERS}&per=hour&data={BLS_SOURCE}",  # BLS publishes no hourly teacher pay
    f"/charts/pay-spread?code=technical_expert&per=year&data={BLS_SOURCE}",  # no occupation covers it
    f"/charts/pay-spread?code={NURSES}&per=year&data={ONET_SOURCE}",
    f"/charts/interests?scores=1,2,3&code={NURSES}&data={ONET_SOURCE}",
    f"/charts/interests?scores=1,2,3,4,5,nan&code={NURSES}&data={ONET_SOURCE}",
    f"/charts/interests?scores=1,2,3,4,5,1e9&code={NURSES}&data={ONET_SOURCE}",
    f"/charts/interests?scores=1,2,3,4,5,6&code=project_manager&data={ONET_SOURCE}",
    "/charts/pie?codes=a,b",
    "/charts/pay?%%%",
])
def test_an_address_that_names_no_chart_is_refused_with_a_reason(address):
    with pytest.raises(charts.ChartError, match=r"\w"):
        read(address)


# ------------------------------------------------------------------ which answers get a chart

def test_a_pay_comparison_gets_bars_from_the_source_its_text_uses():
    nurses, developers, pm, specialist = (library.topic(topic_id) for topic_id in (NURSES, DEVELOPERS, "project_manager", "implementation_specialist"))
    mixed = topics.comparison_chart(library, [pm, nurses, developers], "salary")
    assert mixed.address == charts.pay_comparison(knowledge, catalogue, ["project_manager", NURSES, DEVELOPERS]).address
    articles = topics.comparison_chart(library, [library.topic("project_manager"), specialist], "salary")
    assert not articles.ranged and "Implementation Specialist vs. Project Manager" in articles.source
    assert topics.comparison_chart(library, [nurses, developers], "hourly_pay").hourly
    assert topics.comparison_chart(library, [nurses, developers], "requirements") is None
    assert topics.comparison_chart(library, [library.topic(code) for code in list(catalogue.occupations)[:6]], "salary") is None


def test_one_topics_pay_answer_gets_its_spread_hourly_when_asked_by_the_hour_and_other_answers_none():
    nurses = library.topic(NURSES)
    assert not topics.description_chart(library, [nurses], read_question("what do nurses earn", ["salary"])).hourly
    assert topics.description_chart(library, [nurses], read_question("what do nurses make an hour", [])).hourly
    assert topics.description_chart(library, [nurses], read_question("what do nurses do", [])) is None
    assert topics.description_chart(library, [library.topic("technical_expert")], read_question("what do they earn", ["salary"])) is None
