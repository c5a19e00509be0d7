"""spaCy for tokens and part-of-speech tags only: the components nothing here reads are removed.

en_core_web_sm runs tok2vec, tagger, parser, attribute_ruler, lemmatizer and ner. Rasa's SpacyNLP
already skips the parser; the named-entity recognizer and the lemmatizer still ran on every
message although no component reads their output (the CRF reads tags; the featurizers read words
as written, `use_lemma: false`). Removing them takes the recognizer's network out of every message.
Tags don't change: the tagger has its own inputs (tok2vec), independent of what is removed.
"""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

USED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler")


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SpacyTagger",
)
class SpacyTagger(SpacyNLP):
    """SpacyNLP whose spaCy pipeline holds only USED_COMPONENTS (also when one of them is missing)."""

    @staticmethod
    def load_model(spacy_model_name: Text) -> SpacyModel:
        model = SpacyNLP.load_model(spacy_model_name)
        for name in [*model.model.component_names]:
            if name not in USED_COMPONENTS:
                model.model.remove_pipe(name)
        return model
