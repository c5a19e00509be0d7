"""LinearIntentClassifier answers exactly as Rasa's LogisticRegressionClassifier, from the same trained model."""
import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from pipeline.intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "greet": ["hello there", "hi", "good morning", "hey bot"],
    "ask_salary": ["what does a nurse earn", "how much do project managers make", "what is the pay"],
    "ask_duties": ["what does a nurse do", "what are the duties of a project manager", "describe the job"],
    "goodbye": ["bye", "see you later", "good night"],
}
UNSEEN = ["hello, what does a paralegal earn", "good evening", "zzz qqq", "describe what a nurse does all day", "/greet"]


def featurize(counts, messages, fit=False):
    """Word and character counts (two sparse features, as in config.yml) and two made-up dense ones:
    the classifier must read every column in Rasa's order, across kinds and within each kind."""
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process(messages)
    for featurizer in counts:
        if fit:
            featurizer.train(TrainingData(messages))
        featurizer.process(messages)
    for message in messages:
        text = message.get(TEXT)
        message.add_features(Features(np.array([[len(text) / 10, text.count(" ")]]), "sentence", TEXT, "length"))
        message.add_features(Features(np.array([[float("?" in text)]], dtype=np.float32), "sentence", TEXT, "question"))
    return messages


@pytest.fixture()
def trained(tmp_path):
    """Trains Rasa's classifier on `intents`; returns the unseen messages as Rasa's and ours classify them."""
    def train(intents):
        storage = LocalModelStorage(tmp_path)
        context = ExecutionContext(GraphSchema({}), "test")
        counts = [CountVectorsFeaturizer.create({**CountVectorsFeaturizer.get_default_config(), **config}, storage, Resource(name), context)
                  for name, config in (("words", {}), ("characters", {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}))]
        examples = [Message(data={TEXT: text, "intent": intent}) for intent in intents for text in EXAMPLES[intent]]
        featurize(counts, examples, fit=True)
        resource = Resource("classifier")
        rasa_classifier = LogisticRegressionClassifier.create({}, storage, resource, context)
        rasa_classifier.train(TrainingData(examples))
        loaded = [cls.load({}, storage, resource, context) for cls in (LogisticRegressionClassifier, LinearIntentClassifier)]
        messages = [[Message(data={TEXT: text}) for text in UNSEEN] for _ in loaded]
        for batch in messages:
            featurize(counts, batch)
        return [classifier.process(batch) for classifier, batch in zip(loaded, messages)]
    return train


def assert_same_answers(rasa_messages, our_messages):
    for rasa_message, our_message in zip(rasa_messages, our_messages):
        assert our_message.get("intent")["name"] == rasa_message.get("intent")["name"]
        ours = [(entry["name"], entry["confidence"]) for entry in our_message.get("intent_ranking")]
        rasa = [(entry["name"], entry["confidence"]) for entry in rasa_message.get("intent_ranking")]
        assert [name for name, _ in ours] == [name for name, _ in rasa]
        assert np.allclose([c for _, c in ours], [c for _, c in rasa], atol=1e-9)


def test_same_intents_and_confidences_as_rasa(trained):
    rasa_messages, our_messages = trained(list(EXAMPLES))
    assert_same_answers(rasa_messages, our_messages)
    assert {m.get("intent")["name"] for m in our_messages} >= {"greet", "ask_salary"}


def test_two_intents_are_scored_by_rasa_itself(trained):
    rasa_messages, our_messages = trained(["greet", "goodbye"])
    assert_same_answers(rasa_messages, our_messages)
