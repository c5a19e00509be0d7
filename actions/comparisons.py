"""Actions that compare roles and occupations; each computes its answer from the knowledge files through bot/."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable

from rasa_sdk import Tracker

from actions.base import RoleAction, catalogue, guide, knowledge
from actions.catalogue import about
from bot import replies
from bot.catalogue import answers
from bot.catalogue.model import Occupation
from bot.context import Topic, roles_to_compare
from bot.knowledge import Knowledge, Role

ASK_WHAT_TO_COMPARE = "Which role or occupation should I compare {title} with?"


class ComparisonAction(RoleAction, ABC):
    """Compares two or more topics: those named, else those under discussion, else every article role."""

    choose_subject = staticmethod(roles_to_compare)

    @property
    @abstractmethod
    def compose(self) -> Callable[[Knowledge, list[Role]], str]:
        """The bot/ function that compares article roles; set with staticmethod() in each subclass."""

    def answer(self, roles: list[Topic], attribute: str | None, tracker: Tracker) -> str:
        articles = [topic for topic in roles if isinstance(topic, Role)]
        if len(articles) == len(roles):
            return self.compose(knowledge(), articles)
        occupation = next(topic for topic in roles if isinstance(topic, Occupation))
        if len(roles) < 2:
            return ASK_WHAT_TO_COMPARE.format(title=occupation.title)
        return self.compare_with_catalogue(roles)

    def compare_with_catalogue(self, topics: list[Topic]) -> str:
        """Two occupations side by side; otherwise each topic from its own sources, so none is mixed."""
        occupations = [topic for topic in topics if isinstance(topic, Occupation)]
        if len(occupations) == len(topics) == 2:
            return answers.compare(catalogue(), occupations[0], occupations[1], guide())
        return about(topics, None)


class PayComparisonAction(ComparisonAction, ABC):
    """A pay comparison: "and technical experts?" afterwards keeps the topic on pay."""

    def attribute(self, tracker: Tracker) -> str | None:
        return "salary"

    def compare_with_catalogue(self, topics: list[Topic]) -> str:
        """BLS figures for every side once an occupation is among them (bot/catalogue/answers.py)."""
        return answers.compare_pay(knowledge(), catalogue(), topics)


class ActionCompareRoles(ComparisonAction):
    """"What's the difference between a PM and a technical expert?", or all three side by side."""

    compose = staticmethod(replies.compare_overview)

    def name(self) -> str:
        return "action_compare_roles"


class ActionCompareSalary(PayComparisonAction):
    """"Which pays more?": names the better paid role and both figures."""

    compose = staticmethod(replies.compare_salary)

    def name(self) -> str:
        return "action_compare_salary"


class ActionSalaryDifference(PayComparisonAction):
    """"How much more?": the gap in money and percent."""

    compose = staticmethod(replies.salary_difference)

    def name(self) -> str:
        return "action_salary_difference"


class ActionCompareTechnical(ComparisonAction):
    """"Which is more technical?": only as far as a source compares the pair."""

    compose = staticmethod(replies.compare_technical)

    def name(self) -> str:
        return "action_compare_technical"


class ActionSharedSkills(ComparisonAction):
    """"What do they have in common?": a source's overlap, else the skills both list."""

    compose = staticmethod(replies.shared_skills)

    def name(self) -> str:
        return "action_shared_skills"


class ActionDoBoth(ComparisonAction):
    """"Can I do both?": what the sources say about combining the paths."""

    compose = staticmethod(replies.do_both)

    def name(self) -> str:
        return "action_do_both"
