"""Actions that compare roles; each computes its answer from the knowledge file through bot/."""
from __future__ import annotations

from rasa_sdk import Tracker

from actions.base import RoleAction, knowledge
from bot import replies
from bot.context import roles_to_compare
from bot.knowledge import Role


class ComparisonAction(RoleAction):
    choose_subject = staticmethod(roles_to_compare)


class ActionCompareRoles(ComparisonAction):
    """"What's the difference between a PM and a technical expert?", or all three side by side."""

    def name(self) -> str:
        return "action_compare_roles"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.compare_overview(knowledge(), roles)


class ActionCompareSalary(ComparisonAction):
    """"Which pays more?": names the better paid role and both figures."""

    def name(self) -> str:
        return "action_compare_salary"

    def attribute(self, tracker: Tracker) -> str | None:
        return "salary"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.compare_salary(knowledge(), roles)


class ActionSalaryDifference(ComparisonAction):
    """"How much more?": the gap in money and percent."""

    def name(self) -> str:
        return "action_salary_difference"

    def attribute(self, tracker: Tracker) -> str | None:
        return "salary"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.salary_difference(knowledge(), roles)


class ActionCompareTechnical(ComparisonAction):
    """"Which is more technical?": only as far as a source compares the pair."""

    def name(self) -> str:
        return "action_compare_technical"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.compare_technical(knowledge(), roles)


class ActionSharedSkills(ComparisonAction):
    """"What do they have in common?": a source's overlap, else the skills both list."""

    def name(self) -> str:
        return "action_shared_skills"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.shared_skills(knowledge(), roles)


class ActionDoBoth(ComparisonAction):
    """"Can I do both?": what the sources say about combining the paths."""

    def name(self) -> str:
        return "action_do_both"

    def answer(self, roles: list[Role], attribute: str | None, tracker: Tracker) -> str:
        return replies.do_both(knowledge(), roles)
