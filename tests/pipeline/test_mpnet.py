"""all-mpnet-base-v2's graph gets MPNet's position bias and markers (what both encoders share: test_sentence_encoders)."""
import numpy as np
import pytest

from pipeline.mpnet import BOS, EOS, position_bias
from tests.pipeline.test_sentence_embedding import mpnet


@pytest.fixture(scope="module")
def encoder():
    return mpnet()


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
    ids = encoder.tokenizer.ids("nurse " * 5000, encoder.max_tokens)
    assert len(ids) == encoder.max_tokens
    assert (ids[0], ids[-1]) == (vocabulary[BOS], vocabulary[EOS])
    assert encoder.tokenizer.ids("", encoder.max_tokens) == [vocabulary[BOS], vocabulary[EOS]]

