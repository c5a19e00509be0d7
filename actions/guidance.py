"""Actions that tell a person how well a role fits what they enjoy."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, library, preferences
from bot import topics
from bot.context import subject_role
from bot.question import Question
from bot.recommend import levels_from
from bot.topics import Topic


class ActionFitCheck(RoleAction):
    """"Is PM a good fit if I like organizing?": weighs what they like against what sources say of the role.

    For a catalogue occupation, whose data links no traits to it, its interest areas let the person judge.
    """

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_fit_check"

    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        return topics.fit_check(library(), roles[0], levels_from(*preferences(tracker)))
