"""A sentence embedding beside the word and character counts, so that intents generalise by meaning.

The counts learn phrasings; a message worded unlike every training example of its intent fell to
whichever intent shared its words. The embedding (pipeline/mpnet.py) as further features of the same
logistic regression is what moved intent F1 most (docs/nlu.md).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from threadpoolctl import ThreadpoolController

from bot.text import is_button_payload
from pipeline.mpnet import MpnetEncoder


@lru_cache(maxsize=None)
def encoder_for(model_dir: str, graph: str) -> MpnetEncoder:
    """One copy of the graph per process, however many times Rasa builds its graphs."""
    return MpnetEncoder(Path(model_dir), Path(graph))


# Found once: looking the BLAS libraries up takes 0.6 ms, limiting them after that 0.01 ms.
BLAS = ThreadpoolController()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds the message's embedding, times `scale`, as a dense sentence feature of its text.

    `model` is all-mpnet-base-v2's folder (its vocabulary and weights), `graph` the 8-bit graph of its
    first layers that setup wrote (pipeline/mpnet.py). `scale` matters because the logistic regression
    regularises all its features with one strength: unit-length embeddings beside hundreds of counts
    barely register (docs/nlu.md has the figures for 1, 10, 20 and 40).
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DenseFeaturizer.get_default_config(), "model": None, "graph": None, "scale": 20.0}

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        model = config.get("model")
        if not model or not (Path(model) / "model.safetensors").is_file():
            raise InvalidConfigException(f"SentenceEmbeddingFeaturizer: no sentence encoder's model folder at {model!r}")
        graph = config.get("graph")
        if not graph or not Path(graph).is_file():
            raise InvalidConfigException(f"SentenceEmbeddingFeaturizer: no encoder graph at {graph!r} (`make setup` writes it)")

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        super().__init__(name, config)
        self.encoder = encoder_for(str(config["model"]), str(config["graph"]))
        self.scale = float(config["scale"])

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "SentenceEmbeddingFeaturizer":
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        # One BLAS thread: a message's matrices are too small to gain from two, and under load
        # the second thread only competes with the other requests.
        with BLAS.limit(limits=1, user_api="blas"):
            for message in messages:
                text = message.get(TEXT)
                if isinstance(text, str):
                    self.add_features_to_message(None, self._embedding(text).reshape(1, -1), TEXT, message)
        return messages

    def _embedding(self, text: Text) -> np.ndarray:
        """Zeros for a button's payload, whose encoding nothing would read; the classifier still needs the width."""
        if is_button_payload(text):
            return np.zeros(self.encoder.width, dtype=np.float32)
        return self.encoder.encode(text) * self.scale

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
