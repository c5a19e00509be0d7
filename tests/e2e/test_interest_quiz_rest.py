"""End to end over REST: the interest quiz for three answer patterns, each match checked for its job zone,
then moving a zone down or up and follow-ups on a match named by its place in the list."""
import re

from bot.catalogue.interests import JOB_ZONES, default_interest_guide
from bot.catalogue.model import default_catalogue

catalogue = default_catalogue()
guide = default_interest_guide()
BY_TITLE = {occupation.title: occupation for occupation in catalogue.occupations.values()}
MATCH_LINE = re.compile(r"^(?P<place>[1-5])\. (?P<title>.+?)(?: \(job zone (?P<zone>\d), (?:less|more) preparation than you chose\)"
                        r"| \(a weaker match\))?: ", re.MULTILINE)


def buttons(replies) -> dict[str, str]:
    return {button["title"]: button["payload"] for reply in replies for button in reply.get("buttons", [])}


def text(replies) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def take_quiz(servers, sender, liked: str, preparation: str) -> list[dict]:
    """Likes the activities of the liked areas, dislikes the rest (clicking the buttons), then answers the preparation question."""
    replies = servers.say(sender, "quiz me on my interests")
    for statement in guide.statements:
        assert statement.text in text(replies)
        replies = servers.say(sender, "/affirm" if statement.area in liked else "/deny")
    assert guide.zone_question in text(replies)
    return servers.say(sender, buttons(replies).get(preparation, preparation))


def matches(reply: str, zones: tuple[int, ...]) -> list[str]:
    """The five matches' titles; each is in the given zones, or marked with the zone it is in, outside them."""
    found = list(MATCH_LINE.finditer(reply))
    assert [int(line["place"]) for line in found] == [1, 2, 3, 4, 5], reply
    for line in found:
        zone = BY_TITLE[line["title"]].job_zone
        if line["zone"]:
            assert int(line["zone"]) == zone and zone not in zones and "fit your answers well" in reply, line[0]
        else:
            assert zone in zones, (line["title"], zone, zones)
    return [line["title"] for line in found]


def test_hands_on_with_a_two_year_degree_gets_zone_three_then_more_preparation_gets_zone_four(servers, sender):
    result = take_quiz(servers, sender, "R", guide.zone_choices["vocational"].label)
    assert "in job zone 3 (medium preparation" in text(result)
    titles = matches(text(result), (3,))
    assert "you said you'd like fixing machines" in text(result) and "this work is mostly hands-on work" in text(result)
    assert "Cleaners of Vehicles and Equipment" not in titles
    more = servers.say(sender, buttons(result)["Ones that need more preparation"])
    assert "job zone 4 (considerable preparation" in text(more)
    more_titles = matches(text(more), (4,))
    assert set(more_titles).isdisjoint(titles)
    second = BY_TITLE[more_titles[1]]
    assert second.title in servers.texts(sender, "tell me more about the second one")


def test_helping_people_with_a_four_year_degree_typed_gets_zone_four_then_less_gets_zone_three(servers, sender):
    result = take_quiz(servers, sender, "S", "a four-year degree is ok")
    titles = matches(text(result), (4,))
    assert "Self-Enrichment Teachers" not in titles
    less = servers.texts(sender, "show me ones that need less preparation")
    less_titles = matches(less, (3,))
    third = BY_TITLE[less_titles[2]]
    assert f"${third.wages.median:,}" in servers.texts(sender, "how much does the third one earn?")


def test_leading_and_organizing_spans_every_zone_then_a_college_degree_keeps_to_zone_four(servers, sender):
    result = take_quiz(servers, sender, "EC", guide.zone_choices["any"].label)
    assert "across all five job zones" in text(result) and not buttons(result)
    matches(text(result), JOB_ZONES)
    college = servers.texts(sender, '/choose_preparation{"preparation_limit": "college"}')
    titles = matches(college, (4,))
    assert "Telemarketers" not in titles
    fourth = BY_TITLE[titles[3]]
    similar = servers.texts(sender, "what's similar to the fourth one?")
    assert fourth.title in similar and catalogue.occupations[fourth.related[0]].title in similar
