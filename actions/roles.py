"""Actions that answer about one role or occupation, or its attributes."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, asked_attribute, attribute_for_turn
from actions.catalogue import about
from bot.context import Topic, subject_role, subject_roles


class ActionDescribeRole(RoleAction):
    """"What does a PM do?": the role's summary and main duties; an occupation's key facts. When the
    message names an attribute ("what does a technical expert earn?"), that attribute: the NLU may
    take such a question for one about the role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_describe_role"

    def attribute(self, tracker: Tracker) -> str | None:
        return asked_attribute(tracker)

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        return about(roles, attribute)


class ActionAnswerAttribute(RoleAction):
    """"How much do they earn?": one attribute of the roles named now or under discussion."""

    choose_subject = staticmethod(subject_roles)

    def name(self) -> str:
        return "action_answer_attribute"

    def attribute(self, tracker: Tracker) -> str | None:
        return attribute_for_turn(tracker)

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        return about(roles, attribute)


class ActionFollowUpRole(RoleAction):
    """"And project managers?": the same topic as the last answer, for the newly named role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_follow_up_role"

    def attribute(self, tracker: Tracker) -> str | None:
        return attribute_for_turn(tracker)

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        return about(roles, attribute)


class ActionPathToRole(RoleAction):
    """"How do I get there?": the education and certifications for the role under discussion."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_path_to_role"

    def attribute(self, tracker: Tracker) -> str | None:
        return "requirements"

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        return about(roles, attribute)
