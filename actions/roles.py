"""Actions that answer about one role or its attributes."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, attribute_for_turn, knowledge
from bot import replies
from bot.context import subject_role, subject_roles
from bot.knowledge import Role


def _about(roles: list[Role], attribute: str | None) -> str:
    """The attribute's answer for each role, or each role's overview when no attribute is known."""
    if attribute is None:
        return "\n\n".join(replies.describe_role(knowledge(), role) for role in roles)
    return "\n\n".join(replies.answer_attribute(knowledge(), role, attribute) for role in roles)


class ActionDescribeRole(RoleAction):
    """"What does a PM do?": the role's summary and main duties."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_describe_role"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return _about(roles, None)


class ActionAnswerAttribute(RoleAction):
    """"How much do they earn?": one attribute of the roles named now or under discussion."""

    choose_subject = staticmethod(subject_roles)

    def name(self) -> str:
        return "action_answer_attribute"

    def attribute(self, tracker: Tracker) -> str | None:
        return attribute_for_turn(tracker)

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return _about(roles, attribute)


class ActionFollowUpRole(RoleAction):
    """"And project managers?": the same topic as the last answer, for the newly named role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_follow_up_role"

    def attribute(self, tracker: Tracker) -> str | None:
        return attribute_for_turn(tracker)

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return _about(roles, attribute)


class ActionPathToRole(RoleAction):
    """"How do I get there?": the education and certifications for the role under discussion."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_path_to_role"

    def attribute(self, tracker: Tracker) -> str | None:
        return "requirements"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return _about(roles, attribute)
