"""What people call a role resolves to the right role, and ordinary words do not."""
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


def test_a_huge_message_is_read_from_its_start_only():
    """Only the first words are looked at (bot.resolve.MAX_SCANNED_CHARS), so a huge message costs what a long one does."""
    filler = "and then I would like to know a little more about the work. "
    huge = "I'm a projct manger thinking about becoming a tech expert. " + filler * 20_000  # about 1.2 million characters
    assert resolver.find_in_text(huge) == [PM, TE]
    assert resolver.find_in_text(filler * 60 + "what about a PM?") == []  # named past the words looked at
