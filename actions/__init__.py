"""Rasa custom actions: thin adapters from the tracker to bot/."""
from actions.base import finder

# Built when the action server starts (about 0.7 s: the catalogue and its title index), not
# during the first question that names a role or an occupation.
finder()
