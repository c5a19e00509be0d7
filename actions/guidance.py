"""Actions that tell a person how well a role fits what they enjoy."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, knowledge, preferences
from actions.catalogue import about_occupation
from bot import advice
from bot.context import Topic, subject_role
from bot.knowledge import Role
from bot.recommend import levels_from


class ActionFitCheck(RoleAction):
    """"Is PM a good fit if I like organizing?": weighs what they like against what sources say of the role.

    For a catalogue occupation, whose data links no traits to it, its interest areas let the person judge.
    """

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_fit_check"

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        topic = roles[0]
        if isinstance(topic, Role):
            return advice.fit_check(knowledge(), topic, levels_from(*preferences(tracker)))
        return about_occupation(topic, "interests")
