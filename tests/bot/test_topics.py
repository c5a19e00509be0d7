"""The front door: one topic's attributes, comparisons on any attribute, premises, catalogue questions, moves."""
import re

import pytest

from bot import topics
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE
from bot.question import read_question
from bot.topics import ArticleTopic, OccupationTopic, default_library

library = default_library()
catalogue, knowledge = library.catalogue, library.knowledge
BLS, ONET = catalogue.sources[BLS_SOURCE].title, catalogue.sources[ONET_SOURCE].title
NURSES, ECONOMISTS, PHYSICIANS = "29-1141.00", "19-3011.00", "29-1215.00"
nurses, economists, pm, is_, te = (library.topic(t) for t in (NURSES, ECONOMISTS, "project_manager",
                                                                "implementation_specialist", "technical_expert"))
IS_VS_PM = "“Implementation Specialist vs. Project Manager”"


def occupation(code):
    return catalogue.occupations[code]


def figures(text):
    return set(re.findall(r"\$[\d,]+(?:\.\d\d)?", text))


def ask(topic, text, tagged=()):
    return topics.describe(library, topic, read_question(text, list(tagged)))


def test_topics_are_found_by_id_and_code():
    assert isinstance(pm, ArticleTopic) and pm.id == "project_manager"
    assert isinstance(nurses, OccupationTopic) and nurses.plural == "Registered Nurses"
    assert library.knows(NURSES) and not library.knows("99-9999.99")


def test_hourly_pay_gives_the_hourly_median_and_range():
    wages = occupation(NURSES).wages
    text = ask(nurses, "how much do nurses make an hour", ["salary"])
    assert {f"${wages.hourly_median:,.2f}", f"${wages.hourly_pct10:,.2f}", f"${wages.hourly_pct90:,.2f}"} <= figures(text)
    assert "an hour" in text and text.splitlines()[-1] == f"(Source: {BLS})"


def test_hourly_pay_where_bls_publishes_only_annual_figures_says_so():
    annual_only = next(o for o in catalogue.occupations.values() if o.wages and o.wages.annual_only and o.wages.median)
    text = ask(OccupationTopic(annual_only), "what's the hourly wage", ["salary"])
    assert "no hourly wage figure" in text and "paid by the year" in text and f"${annual_only.wages.median:,}" in text


def test_starting_pay_is_the_low_percentiles_said_to_be_an_approximation():
    wages = occupation(NURSES).wages
    text = ask(nurses, "what's the starting salary for a nurse", ["salary"])
    assert f"${wages.pct10:,}" in text and f"${wages.pct25:,}" in text and "approximation" in text


@pytest.mark.parametrize("amount, between", [(70_000, ("10th", "25th")), (100_000, ("median", "75th"))])
def test_a_salary_is_placed_among_the_percentiles(amount, between):
    text = ask(nurses, f"is ${amount:,} a good salary for a nurse?")
    assert f"${amount:,} a year is between the {between[0]}" in text and f"and the {between[1]}" in text


def test_a_salary_below_every_percentile_is_said_to_be_below():
    text = ask(nurses, "is 28 dollars an hour good for a nurse")
    assert "below the 10th percentile" in text and f"${occupation(NURSES).wages.hourly_pct10:,.2f}" in text


def test_an_article_role_places_a_figure_through_the_occupation_covering_it():
    text = ask(pm, "is 90k good for a project manager")
    assert "My articles give only an average for project managers" in text and "Project Management Specialists" in text
    assert "$87,628" not in text


def test_employment_is_bls_s_count_without_the_self_employed():
    text = ask(nurses, "how many people work as nurses")
    assert f"{occupation(NURSES).wages.employment:,}" in text and "self-employed" in text


def test_technology_lists_o_net_technology_by_kind_hot_ones_marked():
    text = ask(economists, "what software do economists use")
    first = occupation(ECONOMISTS).technology[0]
    assert f"{first.category}: {first.name}" in text and "★" in text and text.splitlines()[-1] == f"(Source: {ONET})"


def test_an_article_role_answers_catalogue_only_attributes_through_its_occupation_and_says_so():
    text = ask(pm, "how many people work as project managers")
    assert "My articles don't cover that for project managers" in text
    assert f"{occupation(pm.role.catalogue_code).wages.employment:,}" in text


def test_pm_salary_gives_the_article_average_and_the_bls_median_each_with_its_source():
    stand_in = occupation(pm.role.catalogue_code)
    lines = ask(pm, "how much do project managers earn", ["salary"]).splitlines()
    article = next(line for line in lines if "$87,628" in line)
    bls = next(line for line in lines if f"${stand_in.wages.median:,}" in line)
    assert article != bls and IS_VS_PM in article and "BLS" not in article
    assert bls.startswith(BLS) and stand_in.title in bls
    assert lines[-2] == f"(Sources: {IS_VS_PM}; {BLS})"


def test_outlook_is_said_to_be_missing_then_the_nearest_figure():
    text = ask(nurses, "what's the job outlook for nurses")
    assert text.startswith("My data has no job outlook or growth projections")
    assert f"{occupation(NURSES).wages.employment:,}" in text and "%" not in text


def test_pay_in_a_place_is_said_to_be_national_only():
    text = ask(nurses, "how much do nurses make in Texas", ["salary"])
    assert text.startswith("I only have national US figures") and "Texas" in text.splitlines()[0]
    assert f"${occupation(NURSES).wages.median:,}" in text
    assert "outside the US" in ask(nurses, "what do nurses earn in Canada", ["salary"]).splitlines()[0]


def test_two_questions_in_one_message_get_both_answers_once_each():
    text = ask(nurses, "what does a nurse do and what does it pay?", ["salary"])
    assert "job zone 4" in text and "Percentiles:" in text
    assert text.count(f"a median of ${occupation(NURSES).wages.median:,}") == 1


def test_of_two_attributes_one_the_data_has_nothing_on_is_left_out():
    text = ask(nurses, "which programs do nurses work with?", ["technology", "works_with"])
    assert "Software and technology used" in text and "Interests:" not in text


def test_comparing_preparation_ranks_job_zones():
    text = topics.compare(library, [nurses, economists], "requirements")
    assert text.startswith("Economists need the most preparation") and "job zone 5" in text and "$" not in text


def test_comparing_employment_ranks_bls_counts():
    text = topics.compare(library, [economists, nurses], "employment")
    assert text.startswith("Registered Nurses have the most jobs")


def test_comparing_hourly_pay_uses_hourly_medians():
    text = topics.compare(library, [nurses, economists], "hourly_pay")
    assert f"${occupation(ECONOMISTS).wages.hourly_median:,.2f} an hour" in text


def test_article_roles_alone_compare_pay_on_the_articles_figures():
    text = topics.compare(library, [pm, is_], "salary")
    assert figures(text) == {"$87,628", "$61,287"} and BLS not in text


def test_mixed_pay_comparison_uses_bls_for_every_side_and_names_the_stand_in():
    text = topics.compare(library, [pm, economists, te], "salary")
    stand_in = occupation(pm.role.catalogue_code)
    assert figures(text) >= {f"${stand_in.wages.median:,}", f"${occupation(ECONOMISTS).wages.median:,}"}
    assert "$87,628" not in text and f"For project managers I use BLS's figure for {stand_in.title}" in text
    assert "no BLS figure for them" in text and text.splitlines()[-1] == f"(Source: {BLS})"


def test_a_lone_occupation_asks_what_to_compare_it_with():
    assert topics.compare(library, [nurses], "salary") == "Which role or occupation should I compare Registered Nurses with?"


@pytest.mark.parametrize("claim, right", [("nurses earn more than family physicians", False),
                                          ("nurses earn less than family physicians", True)])
def test_a_claim_about_pay_is_checked_against_bls(claim, right):
    text = topics.check_premise(library, [nurses, library.topic(PHYSICIANS)], read_question(f"since {claim}, should I?"))
    assert text.startswith("That's right:" if right else "Actually, that's not so:")
    assert "Family Medicine Physicians earn more than Registered Nurses" in text and BLS in text


def test_a_claim_about_article_roles_is_checked_against_the_articles():
    text = topics.check_premise(library, [pm, is_], read_question("PMs make less than implementation specialists, right?"))
    assert text.startswith("Actually") and "$87,628" in text and IS_VS_PM in text


def test_no_claim_no_premise_line():
    assert topics.check_premise(library, [nurses, economists], read_question("which pays more?")) is None


def test_search_lists_the_highest_paid_within_the_preparation_asked():
    listing = topics.search(library, "best paying jobs without a four-year degree")
    listed = [occupation(choice.code) for choice in listing.choices]
    assert len(listed) == 5 and all(o.job_zone <= 3 for o in listed)
    medians = [o.wages.median for o in listed]
    assert medians == sorted(medians, reverse=True)
    better = [o for o in catalogue.occupations.values() if o.job_zone and o.job_zone <= 3 and o.wages and o.wages.median
              and o.wages.median > medians[-1] and "All Other" not in o.title]
    assert len(better) == 4  # nothing better paid left out
    assert "without a four-year degree" in listing.text and f"${medians[0]:,}" in listing.text


def test_search_by_subject_finds_titles_and_by_disposition_finds_interest_areas():
    animals = topics.search(library, "jobs for someone who loves animals")
    assert animals.choices and all("animal" in (o := occupation(c.code)).title.lower()
                                   or any("animal" in t.lower() for t in o.alternate_titles) for c in animals.choices)
    helping = topics.search(library, "jobs where i help people")
    assert helping.choices and all(occupation(c.code).high_point[0] == "S" for c in helping.choices)
    assert "helping people" in helping.text


@pytest.mark.parametrize("text", ["careers working with kids", "jobs with children"])
def test_search_by_an_everyday_word_looks_for_the_words_titles_use(text):
    listing = topics.search(library, text)
    assert len(listing.choices) >= 3
    assert all("child" in occupation(c.code).title.lower() or "preschool" in occupation(c.code).title.lower()
               for c in listing.choices[:3]), [occupation(c.code).title for c in listing.choices]


def test_search_that_finds_nothing_says_so_and_offers_the_quiz():
    listing = topics.search(library, "jobs involving zxqvb")
    assert listing.choices == () and "I found no occupation" in listing.text and "quiz" in listing.text


def test_career_change_lists_related_occupations_with_pay_zone_and_skills_to_build():
    listing = topics.career_change(library, library.topic("25-2021.00"))
    first = occupation(occupation("25-2021.00").related[0])
    assert listing.choices[0].code == first.code
    line = next(line for line in listing.text.splitlines() if line.startswith(f"1. {first.title}:"))
    assert "job zone" in line and ("skills to build" in line or not first.skills)


def test_skill_gap_names_skills_that_matter_more_in_the_target():
    text = topics.skill_gap(library, library.topic("25-2021.00"), library.topic("25-9031.00"))
    lines = [line for line in text.splitlines() if line.startswith("• ")]
    assert lines and all(float(line.split("→")[1]) > float(line.split(":")[1].split("→")[0]) for line in lines)
    assert "can't compare the skills" in topics.skill_gap(library, te, nurses)


def test_unknown_topic_suggests_a_close_title_and_repeats_no_markup():
    text = topics.unknown_topic(library, "<b>zoo keper</b>", occupation("39-2021.00"))
    assert "<" not in text and "I don't know “zoo keper”" in text and "Did you mean" in text
    assert f"{len(catalogue.occupations):,} occupations" in topics.unknown_topic(library, "dragon tamer")


def test_capabilities_count_what_the_data_holds_and_name_both_quizzes():
    text = topics.capabilities(library)
    assert "implementation specialists, project managers and technical experts in detail" in text
    assert f"For {len(catalogue.occupations):,} occupations" in text
    assert "“which career is right for me?”" in text and "“quiz me on my interests”" in text


def test_attribution_gives_both_credit_lines_and_the_articles():
    text = topics.attribution(library)
    assert catalogue.sources[ONET_SOURCE].credit in text and catalogue.sources[BLS_SOURCE].credit in text
    assert all(source.title in text for source in knowledge.sources.values())
