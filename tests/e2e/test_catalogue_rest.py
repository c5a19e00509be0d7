"""End to end over REST: catalogue occupations (pay, comparisons, a clarifying question) and the interest quiz."""
from bot.catalogue.interests import default_interest_guide
from bot.catalogue.model import default_catalogue

catalogue = default_catalogue()
guide = default_interest_guide()
DATA_SCIENTISTS, ECONOMISTS, NURSES, CIVIL_ENGINEERS = "15-2051.00", "19-3011.00", "29-1141.00", "17-2051.00"


def median(code: str) -> str:
    return f"${catalogue.occupations[code].wages.median:,}"


def buttons(replies) -> dict[str, str]:
    return {button["title"]: button["payload"] for reply in replies for button in reply.get("buttons", [])}


def test_salary_of_a_catalogue_occupation_and_a_follow_up(servers, sender):
    reply = servers.texts(sender, "how much does a registered nurse make?")
    assert median(NURSES) in reply and "BLS OEWS, May 2024" in reply
    assert "job zone" in servers.texts(sender, "how do i get there?")
    assert median(ECONOMISTS) in servers.texts(sender, "what do economists earn?")


def test_which_pays_more_data_scientist_or_economist(servers, sender):
    reply = servers.texts(sender, "which pays more, data scientist or economist?")
    assert reply.startswith("Economists earn more") and median(DATA_SCIENTISTS) in reply and median(ECONOMISTS) in reply
    gap = catalogue.occupations[ECONOMISTS].wages.median - catalogue.occupations[DATA_SCIENTISTS].wages.median
    assert f"${gap:,}" in servers.texts(sender, "how much more?")


def test_an_article_role_against_an_occupation_takes_both_figures_from_bls(servers, sender):
    reply = servers.texts(sender, "who earns more, a project manager or an accountant?")
    assert "$100,750" in reply and "$87,628" not in reply and "BLS OEWS, May 2024" in reply


def test_the_article_role_keeps_its_article_figure_beside_bls(servers, sender):
    reply = servers.texts(sender, "how much does a project manager earn?")
    assert "$87,628" in reply and "$100,750" in reply


def test_an_ambiguous_title_gets_buttons_and_a_button_answers(servers, sender):
    replies = servers.say(sender, "how much does an engineer make?")
    choices = buttons(replies)
    assert "Civil Engineers" in choices and "$" not in replies[0]["text"]
    assert median(CIVIL_ENGINEERS) in servers.texts(sender, choices["Civil Engineers"])


def test_where_the_data_comes_from_carries_both_credit_lines(servers, sender):
    reply = servers.texts(sender, "where does your data come from?")
    assert "O*NET 29.3 Database by the U.S. Department of Labor" in reply
    assert "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024" in reply


def test_interest_quiz_from_the_first_activity_to_five_matches(servers, sender):
    replies = servers.say(sender, "quiz me on my interests")
    text = "\n".join(reply.get("text", "") for reply in replies)
    assert guide.statements[0].text in text and list(buttons(replies)) == [a.label for a in guide.answers.values()]
    for number, statement in enumerate(guide.statements[1:], 2):
        answer = "I'd like that" if guide.statements[number - 2].area in "IC" else "not my thing"
        assert statement.text in servers.texts(sender, answer), f"activity {number} not asked"
    last = "sounds fun" if guide.statements[-1].area in "IC" else "/deny"
    preparation = servers.say(sender, last)
    assert guide.zone_question in preparation[0]["text"]
    result = servers.texts(sender, buttons(preparation)[guide.zone_choices["college"].label])
    assert all(f"{rank}. " in result for rank in range(1, 6)) and "6. " not in result
    assert "BLS OEWS, May 2024" in result
    best = result.split("1. ", 1)[1].split(":", 1)[0]
    assert best in servers.texts(sender, "tell me more about it")


def test_interest_quiz_can_be_stopped_and_the_career_quiz_offers_it(servers, sender):
    servers.texts(sender, "find careers by interests")
    assert "stopped the interest quiz" in servers.texts(sender, "stop")
    servers.texts(sender, "which career is right for me?")
    for answer in ["yes", "no", "no", "no", "no"]:
        servers.texts(sender, answer)
    result = servers.say(sender, '/choose_preparation{"preparation": "neither"}')
    assert "/start_interest_quiz" in buttons(result).values()
    assert guide.statements[0].text in servers.texts(sender, "yes")
