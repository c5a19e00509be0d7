"""Actions that tell a person how well a role fits what they enjoy."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, knowledge, preferences
from bot import advice
from bot.context import subject_role
from bot.knowledge import Role
from bot.recommend import levels_from


class ActionFitCheck(RoleAction):
    """"Is PM a good fit if I like organizing?": weighs what they like against what sources say of the role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_fit_check"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return advice.fit_check(knowledge(), roles[0], levels_from(*preferences(tracker)))
