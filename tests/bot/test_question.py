"""Reading what a message asks beyond its topics: attributes by cue, a figure to judge, a place, a claim."""
import pytest

from bot.question import Amount, read_question


@pytest.mark.parametrize("text, tagged, expected", [
    ("how much do plumbers make per hour", ["salary"], ("hourly_pay",)),
    ("what's the hourly rate for a welder", [], ("hourly_pay",)),
    ("what is the starting salary for a nurse", ["salary"], ("starting_pay",)),
    ("what do entry-level accountants earn", ["salary"], ("starting_pay",)),
    ("what do new paralegals earn?", ["salary"], ("starting_pay",)),
    ("how much are newly qualified nurses paid", [], ("starting_pay",)),
    ("how much do paralegals make in New York", ["salary"], ("salary",)),
    ("how many people work as pharmacists", [], ("employment",)),
    ("what's similar to the fourth one?", [], ("related",)),
    ("any similar careers to a nurse?", [], ("related",)),
    ("what's similar between a PM and a technical expert?", [], ()),
    ("which one has more jobs", [], ("employment",)),
    ("what software do accountants use", [], ("technology",)),
    ("which tools do welders work with", [], ("technology",)),
    ("what's the job outlook for electricians", [], ("outlook",)),
    ("will truck drivers still be needed in 10 years", [], ("outlook",)),
    ("what does a nurse do and what does it pay?", ["salary"], ("duties", "salary")),
    ("how much do plumbers make and what training do they need", ["salary", "requirements"], ("salary", "requirements")),
])
def test_attributes_asked(text, tagged, expected):
    assert read_question(text, tagged).attributes == expected


@pytest.mark.parametrize("text", ["is 80k good for a software developer", "what does a software engineer do",
                                  "what does a tool and die maker earn"])
def test_words_inside_a_job_title_are_not_attributes(text):
    assert "technology" not in read_question(text, ["salary"] if "earn" in text else []).attributes


@pytest.mark.parametrize("text, amount", [
    ("is $55,000 a good salary for a teacher?", Amount(55000, False)),
    ("is 80k good for a developer", Amount(80000, False)),
    ("is $28 an hour decent for an electrician", Amount(28.0, True)),
    ("is 28 dollars an hour good for a nurse", Amount(28.0, True)),
    ("is 60 thousand dollars ok for a paralegal", Amount(60000, False)),
    ("is 52000 decent for a dental hygienist?", Amount(52000, False)),
])
def test_a_figure_to_judge_makes_it_a_pay_question(text, amount):
    question = read_question(text)
    assert question.amount == amount and question.asks_pay


@pytest.mark.parametrize("text", ["what do the top 10 jobs have in common", "is 2024 a good year to become a nurse",
                                  "is having 12000 workers a lot for an occupation"])
def test_a_number_that_is_not_pay_is_not_judged(text):
    assert read_question(text).amount is None


@pytest.mark.parametrize("text, name, in_us", [
    ("how much do electricians make in Texas", "Texas", True),
    ("nurse salary in new york city", "New York City", True),
    ("how much do dentists make in ohio?", "Ohio", True),
    ("what do teachers earn in the UK", "UK", False),
    ("what do RNs make an hour in my area", "where you are", True),
])
def test_places_are_found_and_the_pay_question_kept(text, name, in_us):
    question = read_question(text, ["salary"])
    assert question.place is not None and question.place.name == name and question.place.in_us == in_us
    assert question.asks_pay


def test_a_place_in_a_question_that_is_not_about_pay_is_only_noted():
    question = read_question("do nurses in Ohio use epic systems software")
    assert question.place is not None and not question.asks_pay


@pytest.mark.parametrize("text, claims_more", [
    ("since nurses earn more than doctors, should I be a nurse?", True),
    ("teachers make less than lawyers right?", False),
    ("given that cashiers get paid better than pilots", True),
    ("which pays more, nurses or doctors?", None),
])
def test_claims_about_who_earns_more(text, claims_more):
    assert read_question(text).claims_more == claims_more
