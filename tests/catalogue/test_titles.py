"""Occupation mentions resolve to catalogue codes; vague ones ask which; ordinary words stay words."""

import pytest

from bot.catalogue.model import default_catalogue
from bot.catalogue.titles import TitleIndex, singular

catalogue = default_catalogue()
DATA_SCIENTISTS, ECONOMISTS, REGISTERED_NURSES = "15-2051.00", "19-3011.00", "29-1141.00"
SOFTWARE_DEVELOPERS = next(code for code, occupation in catalogue.occupations.items() if occupation.title == "Software Developers")


@pytest.fixture(scope="module")
def index() -> TitleIndex:
    return TitleIndex(catalogue)


@pytest.mark.parametrize(
    "mention, code",
    [
        ("data scientist", DATA_SCIENTISTS),
        ("Data Scientists", DATA_SCIENTISTS),
        ("the data scientist role", DATA_SCIENTISTS),
        ("economist", ECONOMISTS),
        ("economists", ECONOMISTS),
        ("registered nurse", REGISTERED_NURSES),
        ("Registered Nurses", REGISTERED_NURSES),
        ("RN", REGISTERED_NURSES),
        ("RNs", REGISTERED_NURSES),
        ("nurses", REGISTERED_NURSES),  # also a name of two specialisations of registered nurses
        ("software engineer", SOFTWARE_DEVELOPERS),
        ("software engineers", SOFTWARE_DEVELOPERS),
        ("web developer", "15-1254.00"),
        ("accountant", "13-2011.00"),
        ("lawyers", "23-1011.00"),
        ("pharmacist", "29-1051.00"),
        ("chef", "35-1011.00"),
        ("CEO", "11-1011.00"),
        ("actuaries", "15-2011.00"),
    ],
)
def test_mentions_resolve_to_one_occupation(index, mention, code):
    match = index.resolve(mention)
    assert match is not None, mention
    assert (match.codes, match.ambiguous) == ((code,), False), [catalogue.occupations[c].title for c in match.codes]


@pytest.mark.parametrize("mention, word", [("engineer", "engineer"), ("researcher", None), ("manager", "manager"),
                                           ("teacher", "teacher"), ("doctor", None), ("driver", "driver")])
def test_vague_mentions_ask_which_with_the_likeliest_first(index, mention, word):
    match = index.resolve(mention)
    assert match is not None and match.ambiguous and len(match.codes) >= 2
    candidates = [catalogue.occupations[code] for code in match.codes]
    if word:  # the occupations offered are ones people call by that word
        top = candidates[:4]
        assert sum(word in occupation.title.lower() for occupation in top) >= 3, [o.title for o in top]
    assert all(
        any(singular(w) == singular(mention) for title in (o.title, *o.alternate_titles, *o.reported_titles)
            for w in title.lower().replace(",", " ").split())
        for o in candidates
    )
    employment = [(o.wages.employment or 0) / _sharing(o.wages.soc_code) if o.wages else 0 for o in candidates]
    assert employment == sorted(employment, reverse=True)  # most people in that job first


def _sharing(soc_code: str) -> int:
    return sum(1 for o in catalogue.occupations.values() if o.wages and o.wages.soc_code == soc_code)


def test_researcher_offers_research_occupations(index):
    titles = [catalogue.occupations[code].title for code in index.resolve("researcher").codes]
    assert "Operations Research Analysts" in titles and "Medical Scientists, Except Epidemiologists" in titles


def test_abbreviations_count_only_in_capitals(index):
    assert index.resolve("rn") is None
    assert index.find_in_text("what should I do") == []
    assert index.find_in_text("WHAT SHOULD I DO NEXT") == []  # shouting: DO is a word
    assert index.find_in_text("we meet at 3 PM") == []


def test_unknown_and_empty_mentions_resolve_to_nothing(index):
    assert index.resolve("blorfmaker") is None
    assert index.resolve("") is None
    assert index.resolve("   ") is None


@pytest.mark.parametrize(
    "text",
    [
        "I like helping people",
        "what should I do?",
        "I want to lead a team and help people",
        "the model predicts pay well",
        "what is the main driver of pay?",
        "which pays more, the former or the latter?",
        "what about the others?",
        "I'd rather code",
        "I love programming and hate managing people, what should I do?",
        "how much do they earn?",
        "tell me more about it",
        "delete my data",
        "start over",
    ],
)
def test_ordinary_sentences_name_no_occupation(index, text):
    assert index.find_in_text(text) == [], text


@pytest.mark.parametrize(
    "text, mentions, codes",
    [
        ("how much do nurses earn?", ["nurses"], [REGISTERED_NURSES]),
        ("which pays more, data scientist or economist?", ["data scientist", "economist"], [DATA_SCIENTISTS, ECONOMISTS]),
        ("what does an economist do", ["economist"], [ECONOMISTS]),
        ("is an RN paid more than a software engineer", ["RN", "software engineer"], [REGISTERED_NURSES, SOFTWARE_DEVELOPERS]),
        ("tell me about registered nurses and economists", ["registered nurses", "economists"], [REGISTERED_NURSES, ECONOMISTS]),
        ("I want to be a model", ["model"], ["41-9012.00"]),
        ("how much do truck drivers make", ["truck drivers"], None),
        ("a former teacher", ["teacher"], None),
    ],
)
def test_occupations_named_in_text_are_found_in_order_longest_first(index, text, mentions, codes):
    found = index.find_in_text(text)
    assert [match.mention for match in found] == mentions
    if codes:
        assert [match.code for match in found] == codes
        assert not any(match.ambiguous for match in found)


def test_the_same_occupation_named_twice_is_listed_once(index):
    assert [match.code for match in index.find_in_text("RN or registered nurse, the nurses")] == [REGISTERED_NURSES]


def test_a_long_message_names_each_occupation_once(index):
    message = "I wonder whether to become a registered nurse, a software engineer or an economist, or a data scientist. " * 3
    assert len(index.find_in_text(message)) == 4  # how fast: bench/catalogue_speed.py
