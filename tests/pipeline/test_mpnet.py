"""all-mpnet-base-v2's 8-bit graph reads text with MPNet's markers and puts meaning before wording."""
import numpy as np
import pytest
import yaml

from pipeline.mpnet import BOS, EOS, position_bias
from pipeline.sentence_embedding import encoder_for

CONFIG = next(step for step in yaml.safe_load(open("config.yml"))["pipeline"]
              if step["name"] == "pipeline.sentence_embedding.SentenceEmbeddingFeaturizer")


@pytest.fixture(scope="module")
def encoder():
    return encoder_for(CONFIG["model"], None, CONFIG["graph"])


def test_the_bias_buckets_distances_as_mpnet_does():
    """One bucket per distance up to 7 each way, then logarithmic buckets up to 128 words apart."""
    table = np.arange(32 * 2, dtype=np.float32).reshape(32, 2)  # bucket b, head h -> 2b + h
    bias = position_bias(table, 200)
    bucket = bias[0] / 2  # head 0
    assert bias.shape == (2, 200, 200)
    assert [bucket[0, 0], bucket[1, 0], bucket[7, 0], bucket[0, 1], bucket[0, 7]] == [0, 1, 7, 17, 23]
    assert bucket[8, 0] == 8 and bucket[199, 0] == 15 and bucket[0, 199] == 31
    assert np.all(np.diff(bucket[:, 0]) >= 0)  # farther back never lands in a nearer bucket


def test_a_message_is_framed_by_mpnets_markers_and_cut_to_its_length(encoder):
    vocabulary = encoder.tokenizer.vocabulary
    ids = encoder.ids("nurse " * 5000)
    assert len(ids) == encoder.max_tokens
    assert (ids[0], ids[-1]) == (vocabulary[BOS], vocabulary[EOS])
    assert encoder.ids("") == [vocabulary[BOS], vocabulary[EOS]]


@pytest.mark.parametrize("text", ["what does a nurse earn?", "", "😀😀", "nurse " * 5000])
def test_every_embedding_is_unit_length(encoder, text):
    embedding = encoder.encode(text)
    assert embedding.shape == (768,)
    assert np.linalg.norm(embedding) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.parametrize("question, paraphrase, unrelated", [
    ("what does a nurse earn?", "how much do RNs get paid", "hello there"),
    ("which job suits me?", "what career would fit me best", "how much does a pilot make"),
])
def test_paraphrases_sit_closer_than_unrelated_messages(encoder, question, paraphrase, unrelated):
    close = encoder.encode(question) @ encoder.encode(paraphrase)
    far = encoder.encode(question) @ encoder.encode(unrelated)
    assert close > far + 0.2
