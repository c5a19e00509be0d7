"""SpacyTagger gives the tokens and tags SpacyNLP gives, without the components nothing reads."""
import pytest
import yaml
from rasa.nlu.utils.spacy_utils import SpacyNLP

from pipeline.spacy_tags import USED_COMPONENTS, SpacyTagger

MODEL = next(step["model"] for step in yaml.safe_load(open("config.yml"))["pipeline"]
             if step["name"] == "pipeline.spacy_tags.SpacyTagger")
MESSAGES = ["How much does a project manager earn compared with a registered nurse?",
            "i like fixing things with my hands and dont mind early shifts",
            "RNs vs PMs: which pays more, and what degree do they need?"]


@pytest.fixture(scope="module")
def models():
    return SpacyNLP.load_model(MODEL).model, SpacyTagger.load_model(MODEL).model


def test_only_the_tokenizer_and_tagger_run(models):
    _, lean = models
    assert tuple(lean.component_names) == USED_COMPONENTS


@pytest.mark.parametrize("message", MESSAGES)
def test_tokens_and_tags_are_unchanged(models, message):
    full, lean = models
    assert [(token.text, token.tag_) for token in lean(message)] == [(token.text, token.tag_) for token in full(message)]
