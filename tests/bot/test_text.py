"""User text is cleaned before it is understood or repeated."""
from bot.text import MAX_MESSAGE_CHARS, clean_mention, clean_message


def test_markup_is_removed_and_script_blocks_whole():
    assert clean_message("<b>what</b> does a <i>PM</i> do?") == "what does a PM do?"
    assert clean_message("<script>alert('hi')</script>") == ""
    assert clean_message("hi <style>p {color: red}</style> there") == "hi there"


def test_comparisons_written_with_angle_brackets_survive():
    assert clean_message("is 5 < 6 and 7 > 3?") == "is 5 < 6 and 7 > 3?"


def test_long_messages_are_capped_at_a_word_boundary():
    cleaned = clean_message("word " * 10000)
    assert len(cleaned) <= MAX_MESSAGE_CHARS and cleaned.endswith("word")


def test_entities_are_decoded_and_white_space_folded():
    assert clean_message("  salary &amp; pay\n\n please ") == "salary & pay please"


def test_mentions_are_safe_to_repeat():
    assert clean_mention("<img src=x onerror=alert(1)>astronaut!!") == "astronaut"
    assert len(clean_mention("a" * 500)) == 40
