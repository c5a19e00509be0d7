"""BERT's uncased WordPiece tokenizer, as the sentence encoder was trained with it (pipeline/mpnet.py).

Written here because the tokenizers package is not among the pinned ones; checked to give
transformers' ids for every training example (docs/nlu.md).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Dict, List, Tuple

CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
LONGEST_WORD = 100  # characters; BERT's WordPiece reads a longer word as [UNK]


def _is_punctuation(char: str) -> bool:
    """BERT's rule: ASCII symbols count as punctuation as well as Unicode's P* categories."""
    code = ord(char)
    return 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126 \
        or unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF \
        or 0x2A700 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F


class WordPieceTokenizer:
    """The uncased BERT tokenizer the model was trained with (BertTokenizer, do_lower_case)."""

    def __init__(self, vocabulary: Dict[str, int], markers: Tuple[str, str] = (CLS, SEP)) -> None:
        self.vocabulary = vocabulary
        self.markers = markers  # what frames a message: BERT's [CLS] ... [SEP], MPNet's <s> ... </s>

    @classmethod
    def from_file(cls, path: Path, markers: Tuple[str, str] = (CLS, SEP)) -> "WordPieceTokenizer":
        with open(path, encoding="utf-8") as lines:
            return cls({line.rstrip("\n"): index for index, line in enumerate(lines)}, markers)

    @staticmethod
    def words(text: str) -> List[str]:
        """Lower-cased, accents stripped, split at white space and around each punctuation mark."""
        spaced = []
        for char in text:
            code = ord(char)
            if code in (0, 0xFFFD) or (unicodedata.category(char) in ("Cc", "Cf") and not char.isspace()):
                continue
            spaced.append(f" {char} " if _is_cjk(code) or _is_punctuation(char) else char)
        stripped = unicodedata.normalize("NFD", "".join(spaced).lower())
        return "".join(char for char in stripped if unicodedata.category(char) != "Mn").split()

    def pieces(self, word: str) -> List[int]:
        """Greedy longest-match WordPiece; a word with any unmatched part is one [UNK]."""
        if len(word) > LONGEST_WORD:
            return [self.vocabulary[UNK]]
        found, start = [], 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocabulary:
                    found.append(self.vocabulary[piece])
                    start = end
                    break
            else:
                return [self.vocabulary[UNK]]
        return found

    def ids(self, text: str, max_tokens: int) -> List[int]:
        body = [piece for word in self.words(text) for piece in self.pieces(word)]
        start, end = (self.vocabulary[marker] for marker in self.markers)
        return [start, *body[: max_tokens - 2], end]
