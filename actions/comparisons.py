"""Actions that compare roles and occupations, each on one aspect, through bot.topics.compare."""
from __future__ import annotations

from abc import ABC

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import RoleAction, library
from bot import topics
from bot.charts import Chart
from bot.context import roles_to_compare
from bot.question import Question
from bot.topics import Topic


class ComparisonAction(RoleAction, ABC):
    """Compares two or more topics: those named, else those under discussion, else every article role.

    The aspect is the class's own ("technical"), unless the person names an attribute to compare on
    ("which one needs more education?").
    """

    choose_subject = staticmethod(roles_to_compare)
    aspect = "overview"

    def compared_on(self, question: Question) -> str:
        return next(iter(question.attributes), self.aspect)

    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        return topics.compare(library(), roles, self.compared_on(question))

    def chart(self, roles: list[Topic], question: Question) -> Chart | None:
        return topics.comparison_chart(library(), roles, self.compared_on(question))

    def remembered(self, question: Question) -> str | None:
        aspect = self.compared_on(question)
        return aspect if aspect in topics.ATTRIBUTE_NAMES else None

    def without_subject(self, dispatcher: CollectingDispatcher) -> list[EventType]:
        """Nothing named and nothing under discussion in a message about something else: not a career question."""
        dispatcher.utter_message(response="utter_out_of_scope")
        dispatcher.utter_message(text=topics.capabilities(library()))
        return []


class PayComparisonAction(ComparisonAction, ABC):
    """A pay comparison: "and technical experts?" afterwards keeps the topic on pay; "per hour" makes it hourly.

    Words that name another aspect and no pay ("which employs more people?") win over the intent.
    """

    aspect = "salary"

    def compared_on(self, question: Question) -> str:
        if question.attributes and not question.asks_pay:
            return question.attributes[0]
        narrower = [attribute for attribute in question.attributes if attribute in ("hourly_pay", "starting_pay")]
        return narrower[0] if narrower else self.aspect


class ActionCompareRoles(ComparisonAction):
    """"What's the difference between a PM and a technical expert?", or all three side by side."""

    def name(self) -> str:
        return "action_compare_roles"


class ActionCompareSalary(PayComparisonAction):
    """"Which pays more?": names the better paid and the figures."""

    def name(self) -> str:
        return "action_compare_salary"


class ActionSalaryDifference(PayComparisonAction):
    """"How much more?": the gap in money and percent."""

    aspect = "salary_difference"

    def name(self) -> str:
        return "action_salary_difference"

    def remembered(self, question: Question) -> str | None:
        return "salary"


class ActionCompareTechnical(ComparisonAction):
    """"Which is more technical?": only as far as a source compares the pair."""

    aspect = "technical"

    def name(self) -> str:
        return "action_compare_technical"


class ActionSharedSkills(ComparisonAction):
    """"What do they have in common?": a source's overlap, else the skills both list."""

    aspect = "shared_skills"

    def name(self) -> str:
        return "action_shared_skills"


class ActionDoBoth(ComparisonAction):
    """"Can I do both?": what the sources say about combining the paths."""

    aspect = "do_both"

    def name(self) -> str:
        return "action_do_both"
