"""Actions that compare roles; each computes its answer from the knowledge file through bot/."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable

from rasa_sdk import Tracker

from actions.base import RoleAction, knowledge
from bot import replies
from bot.context import roles_to_compare
from bot.knowledge import Knowledge, Role


class ComparisonAction(RoleAction, ABC):
    """Compares two or more roles: those named, else those under discussion, else all."""

    choose_subject = staticmethod(roles_to_compare)

    @property
    @abstractmethod
    def compose(self) -> Callable[[Knowledge, list[Role]], str]:
        """The bot/ function that writes the comparison; set with staticmethod() in each subclass."""

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return self.compose(knowledge(), roles)


class PayComparisonAction(ComparisonAction, ABC):
    """A pay comparison: "and technical experts?" afterwards keeps the topic on pay."""

    def attribute(self, tracker: Tracker) -> str | None:
        return "salary"


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
