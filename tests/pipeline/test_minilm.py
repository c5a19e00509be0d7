"""The NumPy sentence encoder reads text as BERT's tokenizer does; the featurizer adds what its encoder gives."""
import numpy as np
import pytest
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.minilm import CLS, SEP, UNK, SentenceEncoder, WordPieceTokenizer
from pipeline.sentence_embedding import SentenceEmbeddingFeaturizer, encoder_for
from tests.pipeline.test_sentence_encoders import CONFIG, MINILM, minilm


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return minilm()


@pytest.fixture(scope="module")
def featurizer() -> SentenceEmbeddingFeaturizer:
    return SentenceEmbeddingFeaturizer({**SentenceEmbeddingFeaturizer.get_default_config(), **CONFIG}, "embedding")


def spelled(tokenizer: WordPieceTokenizer, ids):
    by_id = {index: piece for piece, index in tokenizer.vocabulary.items()}
    return [by_id[index] for index in ids]


def test_words_are_lower_cased_without_accents_and_split_at_punctuation():
    assert WordPieceTokenizer.words("Héllo,  what's a PM's\tsalary?") == \
        ["hello", ",", "what", "'", "s", "a", "pm", "'", "s", "salary", "?"]


def test_control_characters_vanish_and_chinese_characters_stand_alone():
    assert WordPieceTokenizer.words("nur\u200bse\x00 你好") == ["nurse", "你", "好"]


def test_an_unknown_word_is_spelled_from_known_pieces(encoder):
    pieces = spelled(encoder.tokenizer, encoder.tokenizer.pieces("phlebotomist"))
    assert len(pieces) > 1 and UNK not in pieces
    assert "".join(piece.removeprefix("##") for piece in pieces) == "phlebotomist"


@pytest.mark.parametrize("word", ["😀", "a" * 101])
def test_a_word_without_pieces_or_too_long_is_one_unknown(encoder, word):
    assert spelled(encoder.tokenizer, encoder.tokenizer.pieces(word)) == [UNK]


def test_a_huge_message_is_cut_to_the_models_length_between_its_markers(encoder):
    ids = encoder.tokenizer.ids("nurse " * 5000, encoder.max_tokens)
    assert len(ids) == encoder.max_tokens
    assert spelled(encoder.tokenizer, [ids[0], ids[-1]]) == [CLS, SEP]


def test_case_and_spacing_do_not_change_the_embedding(encoder):
    assert np.allclose(encoder.encode("What does a NURSE earn?"), encoder.encode("what  does a nurse earn ?"), atol=1e-6)


def test_fewer_layers_give_another_embedding_and_a_missing_layer_is_refused(encoder):
    shallow = encoder_for(MINILM, 2)
    assert len(shallow.layers) == 2 and len(encoder.layers) == 6
    assert not np.allclose(shallow.encode("what does a nurse earn?"), encoder.encode("what does a nurse earn?"), atol=1e-3)
    with pytest.raises(ValueError, match="6 layers"):
        SentenceEncoder(MINILM, 7)


def test_the_featurizer_adds_the_scaled_embedding_of_the_configured_encoder(featurizer):
    message = Message({TEXT: "what does a nurse earn?"})
    featurizer.process([message])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence is None
    configured = encoder_for(CONFIG["model"], CONFIG.get("layers"), CONFIG.get("graph"))
    assert np.allclose(sentence.features[0], configured.encode("what does a nurse earn?") * CONFIG["scale"], atol=1e-5)


def test_a_button_payload_gets_zeros_of_the_same_width_instead_of_an_encoding(featurizer):
    message = Message({TEXT: '/choose_preparation{"preparation": "short"}'})
    featurizer.process([message])
    features = message.get_dense_features(TEXT)[1].features
    assert features.shape == (1, featurizer.encoder.width) and not features.any()


def test_training_examples_get_the_feature_too(featurizer):
    examples = [Message({TEXT: "hi", "intent": "greet"}), Message({TEXT: "bye", "intent": "goodbye"})]
    featurizer.process_training_data(TrainingData(examples))
    assert all(example.get_dense_features(TEXT)[1].features.shape == (1, featurizer.encoder.width) for example in examples)


def test_a_missing_model_folder_is_refused_with_its_path(tmp_path):
    with pytest.raises(InvalidConfigException, match=str(tmp_path)):
        SentenceEmbeddingFeaturizer.validate_config({"model": str(tmp_path)})


def test_a_missing_graph_is_refused_with_its_path(tmp_path):
    with pytest.raises(InvalidConfigException, match=str(tmp_path)):
        SentenceEmbeddingFeaturizer.validate_config({"model": CONFIG["model"], "graph": str(tmp_path / "layers-6.onnx")})
