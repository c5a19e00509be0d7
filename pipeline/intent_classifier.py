"""Rasa's logistic regression intent classifier, with a message scored in NumPy.

Rasa's LogisticRegressionClassifier copies and stacks each message's features into a one-row
sparse matrix (scipy's hstack and vstack) and calls scikit-learn's predict_proba, which validates
that row again: 2.3 ms a message here for 31 dot products. Training, the model file and the
probabilities are Rasa's; only a multinomial model's scores are computed directly, in 0.2 ms
(docs/performance.md).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.special import softmax


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier (same settings and training) with a faster `process`.

    The direct path needs scikit-learn's multinomial model (more than two intents, a solver other
    than liblinear); any other model is scored by Rasa's own code.
    """

    _weights: Optional[np.ndarray] = None  # features x intents, contiguous, once per loaded model

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        clf = component.clf
        if hasattr(clf, "coef_") and len(clf.classes_) > 2 and clf.solver != "liblinear":
            component._weights = np.ascontiguousarray(clf.coef_.T)
        return component

    def process(self, messages: List[Message]) -> List[Message]:
        if self._weights is None:
            return super().process(messages)
        for message in messages:
            ranking = sorted(
                ({"name": name, "confidence": float(p)} for name, p in zip(self.clf.classes_, self._probabilities(message))),
                key=lambda entry: -entry["confidence"],
            )
            message.set(INTENT, ranking[0], add_to_output=True)
            shown = ranking[: self.config[RANKING_LENGTH]] if self.config[RANKING_LENGTH] > 0 else ranking
            message.set(INTENT_RANKING_KEY, shown, add_to_output=True)
        return messages

    def _probabilities(self, message: Message) -> np.ndarray:
        """softmax(x · coef + intercept), x in Rasa's column order: the sparse sentence features of
        the text, then the dense ones, each kind in the order the featurizers added them.

        The columns are read in place, without Rasa's copies and stacking. einsum rather than `@`:
        `@` hands these tiny products to OpenBLAS, whose second thread then spins (it doubled the
        Rasa server's CPU time per message).
        """
        sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
        scores = self.clf.intercept_.copy()
        column = 0
        for feature in [f for f in sentence if f.is_sparse()] + [f for f in sentence if f.is_dense()]:
            if feature.is_sparse():
                row = feature.features.tocoo()
                scores += np.einsum("i,ij->j", row.data, self._weights[column + row.col])
            else:
                values = np.asarray(feature.features, dtype=np.float64).ravel()
                scores += np.einsum("i,ij->j", values, self._weights[column : column + len(values)])
            column += feature.features.shape[-1]
        return softmax(scores)
