"""What people call a role resolves to the right role, and ordinary words do not."""
import time

import pytest

from bot.knowledge import load_knowledge
from bot.resolve import RoleMatch, RoleResolver

resolver = RoleResolver(load_knowledge())
PM, IS, TE = (RoleMatch(r) for r in ("project_manager", "implementation_specialist", "technical_expert"))


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("PM", PM), ("PMs", PM), ("project managers", PM), ("The project lead", PM), ("PM's", PM),
        ("projct manger", PM), ("project manger", PM),
        ("implementation specialist", IS), ("Implementation Specialists", IS), ("implementaion specialist", IS),
        ("IS", IS), ("ISs", IS), ("tech expert", TE), ("technicl expert", TE), ("subject matter experts", TE),
    ],
)
def test_mentions_resolve_to_their_role(mention, expected):
    assert resolver.resolve(mention) == expected


# Occupations only the catalogue has ("economist") are the catalogue's to resolve (bot/context.py).
@pytest.mark.parametrize(
    "mention",
    ["nurse", "economist", "data scientists", "manager", "expert", "specialist", "project", "software developer",
     "product manager", "is", "", "!!!"],
)
def test_other_words_resolve_to_nothing(mention):
    assert resolver.resolve(mention) is None


def test_roles_are_found_in_running_text_in_order():
    text = "what's the difference between a projct manger and a tech expert?"
    assert resolver.find_in_text(text) == [PM, TE]


def test_a_time_of_day_is_not_a_project_manager():
    assert resolver.find_in_text("can we talk at 3 pm?") == []


def test_text_without_roles_finds_none():
    assert resolver.find_in_text("how much do they earn?") == []


def test_abbreviation_counts_only_in_capitals():
    assert resolver.find_in_text("what is a PM and how do ISs differ?") == [PM, IS]
    assert resolver.find_in_text("WHAT IS A PM") == [PM]


def test_an_adjective_alone_names_no_role():
    assert resolver.find_in_text("which is more technical?") == []
    assert resolver.find_in_text("how does implementation work?") == []


def _fastest_ms(text: str, rounds: int = 5) -> float:
    """The quickest of a few runs: the cost of the call itself, not of whatever else the machine did meanwhile."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        resolver.find_in_text(text)
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def test_a_huge_message_is_read_from_its_start_and_costs_no_more_than_a_long_one():
    filler = "and then I would like to know a little more about the work. "
    huge = "I'm a projct manger thinking about becoming a tech expert. " + filler * 20_000  # about 1.2 million characters
    long = huge[:1000]  # as long as a message the NLU pipeline lets through (bot.text.MAX_MESSAGE_CHARS)
    assert resolver.find_in_text(huge) == [PM, TE]
    assert resolver.find_in_text(filler * 60 + "what about a PM?") == []  # named past the words looked at
    short_ms, long_ms, huge_ms = (_fastest_ms(text) for text in ("what does a PM do?", long, huge))
    print(f"\nfind_in_text: short {short_ms:.2f} ms, {len(long):,} characters {long_ms:.2f} ms, {len(huge):,} characters {huge_ms:.2f} ms")
    assert huge_ms < 2 * long_ms + 1
