"""Rasa custom actions: thin adapters from the tracker to bot/."""
from actions.base import finder, library
from bot import topics

# Built when the action server starts (about 1 s: the catalogue, its title index and the title words
# that catalogue lists search), not during the first question that names a role or an occupation.
finder()
topics.prepare(library())
