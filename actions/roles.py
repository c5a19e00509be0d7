"""Actions that answer about one role or occupation, or its attributes."""
from __future__ import annotations

import dataclasses

from rasa_sdk import Tracker

from actions.base import RoleAction, asked_or_remembered, library
from bot import topics
from bot.charts import Chart
from bot.context import subject_role, subject_roles
from bot.question import Question
from bot.topics import Topic


class DescribeAction(RoleAction):
    """Each topic's answer to what the turn asks, through bot.topics."""

    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        return topics.describe_all(library(), roles, question)

    def chart(self, roles: list[Topic], question: Question) -> Chart | None:
        return topics.description_chart(library(), roles, question)


class ActionDescribeRole(DescribeAction):
    """"What does a PM do?": the role's summary and main duties; an occupation's key facts. When the
    message names an attribute ("what does a technical expert earn?"), that attribute: the NLU may
    take such a question for one about the role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_describe_role"


class ActionAnswerAttribute(DescribeAction):
    """"How much do they earn?": the attributes asked, of the roles named now or under discussion."""

    choose_subject = staticmethod(subject_roles)

    def name(self) -> str:
        return "action_answer_attribute"

    def question(self, tracker: Tracker) -> Question:
        return asked_or_remembered(tracker)


class ActionFollowUpRole(DescribeAction):
    """"And project managers?": the same topic as the last answer, for the newly named role."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_follow_up_role"

    def question(self, tracker: Tracker) -> Question:
        return asked_or_remembered(tracker)


class ActionPathToRole(DescribeAction):
    """"How do I get there?": the education and certifications for the role under discussion."""

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_path_to_role"

    def question(self, tracker: Tracker) -> Question:
        return dataclasses.replace(super().question(tracker), attributes=("requirements",))
