"""The tokenizer reads text as BERT's uncased WordPiece does."""
import pytest

from pipeline.mpnet import BOS, EOS
from pipeline.wordpiece import UNK, WordPieceTokenizer
from tests.pipeline.test_sentence_embedding import mpnet


@pytest.fixture(scope="module")
def tokenizer() -> WordPieceTokenizer:
    return mpnet().tokenizer


def spelled(tokenizer: WordPieceTokenizer, ids):
    by_id = {index: piece for piece, index in tokenizer.vocabulary.items()}
    return [by_id[index] for index in ids]


def test_words_are_lower_cased_without_accents_and_split_at_punctuation():
    assert WordPieceTokenizer.words("Héllo,  what's a PM's\tsalary?") == \
        ["hello", ",", "what", "'", "s", "a", "pm", "'", "s", "salary", "?"]


def test_control_characters_vanish_and_chinese_characters_stand_alone():
    assert WordPieceTokenizer.words("nur\u200bse\x00 你好") == ["nurse", "你", "好"]


def test_an_unknown_word_is_spelled_from_known_pieces(tokenizer):
    pieces = spelled(tokenizer, tokenizer.pieces("phlebotomist"))
    assert len(pieces) > 1 and UNK not in pieces
    assert "".join(piece.removeprefix("##") for piece in pieces) == "phlebotomist"


@pytest.mark.parametrize("word", ["😀", "a" * 101])
def test_a_word_without_pieces_or_too_long_is_one_unknown(tokenizer, word):
    assert spelled(tokenizer, tokenizer.pieces(word)) == [UNK]


def test_a_huge_message_is_cut_to_the_length_given_between_its_markers(tokenizer):
    ids = tokenizer.ids("nurse " * 5000, 384)
    assert len(ids) == 384 and spelled(tokenizer, [ids[0], ids[-1]]) == [BOS, EOS]
