"""Answers about any topic, article role or catalogue occupation.

Article roles answer from their articles (bot/replies.py); catalogue occupations from O*NET and BLS
(bot/catalogue/answers.py). Which catalogue reply answers which attribute is decided here.
"""
from __future__ import annotations

from typing import Callable

from actions.base import CATALOGUE_ATTRIBUTES, catalogue, guide, knowledge
from bot import replies
from bot.catalogue import answers
from bot.catalogue.model import Occupation
from bot.context import Topic
from bot.knowledge import Role

# The catalogue's reply for each attribute a person may ask about; any other gets the overview.
OCCUPATION_REPLIES: dict[str, Callable[[Occupation], str]] = {
    "salary": lambda occupation: answers.salary(catalogue(), occupation),
    "salary_factors": lambda occupation: answers.salary(catalogue(), occupation),
    "requirements": lambda occupation: answers.preparation(catalogue(), occupation, guide()),
    "certifications": lambda occupation: answers.preparation(catalogue(), occupation, guide()),
    "skills": lambda occupation: answers.skills(catalogue(), occupation),
    "interests": lambda occupation: answers.interests(catalogue(), occupation, guide()),
    "related": lambda occupation: answers.related(catalogue(), occupation),
}


def about_occupation(occupation: Occupation, attribute: str | None) -> str:
    reply = OCCUPATION_REPLIES.get(attribute or "")
    return reply(occupation) if reply else answers.overview(catalogue(), occupation, guide())


def linked_occupation(role: Role) -> Occupation | None:
    """The catalogue occupation that stands in for an article role, if it has one."""
    return catalogue().occupations.get(role.catalogue_code) if role.catalogue_code else None


def about_role(role: Role, attribute: str | None) -> str:
    """From the articles; a topic only the catalogue has comes from the role's linked occupation, which it names."""
    if attribute in CATALOGUE_ATTRIBUTES:
        occupation = linked_occupation(role)
        return about_occupation(occupation, attribute) if occupation else replies.describe_role(knowledge(), role)
    if attribute is None:
        return replies.describe_role(knowledge(), role)
    return replies.answer_attribute(knowledge(), role, attribute)


def about(topics: list[Topic], attribute: str | None) -> str:
    """The attribute's answer for each topic, or each one's overview when no attribute is known."""
    return "\n\n".join(
        about_role(topic, attribute) if isinstance(topic, Role) else about_occupation(topic, attribute)
        for topic in topics
    )
