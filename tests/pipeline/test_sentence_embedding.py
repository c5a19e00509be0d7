"""The sentence embedding: unit-length vectors that put meaning before wording, added by the featurizer as configured."""
import numpy as np
import pytest
import yaml
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.sentence_embedding import SentenceEmbeddingFeaturizer, encoder_for

CONFIG = next(step for step in yaml.safe_load(open("config.yml"))["pipeline"]
              if step["name"] == "pipeline.sentence_embedding.SentenceEmbeddingFeaturizer")
WIDTH = 768


def mpnet():
    """all-mpnet-base-v2's 8-bit graph, as config.yml runs it."""
    return encoder_for(CONFIG["model"], CONFIG["graph"])


@pytest.fixture(scope="module")
def encoder():
    return mpnet()


@pytest.fixture(scope="module")
def featurizer() -> SentenceEmbeddingFeaturizer:
    return SentenceEmbeddingFeaturizer({**SentenceEmbeddingFeaturizer.get_default_config(), **CONFIG}, "embedding")


@pytest.mark.parametrize("text", ["what does a nurse earn?", "", "😀😀", "nurse " * 5000])
def test_every_embedding_is_unit_length(encoder, text):
    embedding = encoder.encode(text)
    assert embedding.shape == (WIDTH,)
    assert np.linalg.norm(embedding) == pytest.approx(1.0, abs=1e-4)  # float32 rounding


@pytest.mark.parametrize("question, paraphrase, unrelated", [
    ("what does a nurse earn?", "how much do RNs get paid", "hello there"),
    ("which job suits me?", "what career would fit me best", "how much does a pilot make"),
])
def test_paraphrases_sit_closer_than_unrelated_messages(encoder, question, paraphrase, unrelated):
    close = encoder.encode(question) @ encoder.encode(paraphrase)
    far = encoder.encode(question) @ encoder.encode(unrelated)
    assert close > far + 0.2


def test_case_and_spacing_do_not_change_the_embedding(encoder):
    assert np.allclose(encoder.encode("What does a NURSE earn?"), encoder.encode("what  does a nurse earn ?"), atol=1e-5)


def test_the_featurizer_adds_the_scaled_embedding_of_the_configured_encoder(featurizer, encoder):
    message = Message({TEXT: "what does a nurse earn?"})
    featurizer.process([message])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence is None
    assert np.allclose(sentence.features[0], encoder.encode("what does a nurse earn?") * CONFIG["scale"], atol=1e-5)


def test_a_button_payload_gets_zeros_of_the_same_width_instead_of_an_encoding(featurizer):
    message = Message({TEXT: '/choose_preparation{"preparation": "short"}'})
    featurizer.process([message])
    features = message.get_dense_features(TEXT)[1].features
    assert features.shape == (1, WIDTH) and not features.any()


def test_training_examples_get_the_feature_too(featurizer):
    examples = [Message({TEXT: "hi", "intent": "greet"}), Message({TEXT: "bye", "intent": "goodbye"})]
    featurizer.process_training_data(TrainingData(examples))
    assert all(example.get_dense_features(TEXT)[1].features.shape == (1, WIDTH) for example in examples)


def test_a_missing_model_folder_is_refused_with_its_path(tmp_path):
    with pytest.raises(InvalidConfigException, match=str(tmp_path)):
        SentenceEmbeddingFeaturizer.validate_config({"model": str(tmp_path), "graph": CONFIG["graph"]})


@pytest.mark.parametrize("graph", [None, "missing/layers-6.onnx"])
def test_a_missing_graph_is_refused(graph):
    with pytest.raises(InvalidConfigException, match="graph"):
        SentenceEmbeddingFeaturizer.validate_config({"model": CONFIG["model"], "graph": graph})
