"""Which roles and occupations a turn is about: named in this message, or carried over from the conversation.

Plain rules over plain values, so the dialogue's memory is tested without Rasa. "How much do they
earn?" reuses the subjects under discussion; "which pays more?" with nothing under discussion compares
every article role. A subject is an article role (by id, e.g. "project_manager") or a catalogue
occupation (by O*NET-SOC code, e.g. "15-2051.00"); both kinds share one list, in the order named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence, Union

from bot.catalogue.model import Catalogue, Occupation
from bot.catalogue.titles import TitleIndex, TitleMatch
from bot.knowledge import Knowledge, Role
from bot.resolve import RoleMatch, RoleResolver

Topic = Union[Role, Occupation]  # what a reply can be about


def topic_id(topic: Topic) -> str:
    """How the conversation remembers a topic: an article role by id, an occupation by code."""
    return topic.id if isinstance(topic, Role) else topic.code


@dataclass(frozen=True)
class MessageRoles:
    """The roles and occupations one message names, sorted by what the bot can do with them."""

    known: tuple[str, ...] = ()  # article role ids and occupation codes, in the order named
    unknown: tuple[str, ...] = ()  # the user's words for roles neither the articles nor the catalogue have
    ambiguous: tuple[TitleMatch, ...] = ()  # mentions that fit several occupations ("engineer")


class _Collector:
    """Gathers a message's subjects once each, keeping the order they were named in."""

    def __init__(self) -> None:
        self.known: list[str] = []
        self.unknown: list[str] = []
        self.ambiguous: list[TitleMatch] = []

    def add(self, match: RoleMatch | TitleMatch) -> None:
        if isinstance(match, TitleMatch) and match.ambiguous:
            if all(match.codes != seen.codes for seen in self.ambiguous):
                self.ambiguous.append(match)
            return
        subject = match.role_id if isinstance(match, RoleMatch) else match.code
        if subject not in self.known:
            self.known.append(subject)

    def result(self) -> MessageRoles:
        return MessageRoles(tuple(self.known), tuple(self.unknown), tuple(self.ambiguous))


class TopicFinder:
    """Finds the article roles and catalogue occupations a message names.

    An article role's name always means the article role, also inside the text a title search reads:
    "technical experts" never yields the catalogue's "experts".
    """

    def __init__(self, knowledge: Knowledge, resolver: RoleResolver, titles: TitleIndex) -> None:
        self.resolver = resolver
        self.titles = titles
        names = sorted({name for role in knowledge.roles.values() for name in role.synonyms}, key=len, reverse=True)
        abbreviations = sorted({name for role in knowledge.roles.values() for name in role.abbreviations}, key=len, reverse=True)
        self._article_names = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b", re.IGNORECASE)
        self._article_abbreviations = re.compile(rf"\b(?:{'|'.join(map(re.escape, abbreviations))})\b")

    def resolve(self, mention: str) -> RoleMatch | TitleMatch | None:
        """An occupation code (from a button), else an article role, else the catalogue."""
        code = mention.strip()
        if code in self.titles.catalogue.occupations:
            return TitleMatch(mention=code, codes=(code,), ambiguous=False)
        return self.resolver.resolve(mention) or self.titles.resolve(mention)

    def in_message(self, entity_values: Sequence[str], text: str) -> MessageRoles:
        """Role entities first (in order), then any role or occupation the text names that NLU missed."""
        found = _Collector()
        for value in entity_values:
            match = self.resolve(value)
            if match:
                found.add(match)
            elif value.strip() and value not in found.unknown:
                found.unknown.append(value)
        without_article_roles = self._article_abbreviations.sub(" ", self._article_names.sub(" ", text))
        for match in [*self.resolver.find_in_text(text), *self.titles.find_in_text(without_article_roles)]:
            found.add(match)
        return found.result()


@dataclass
class Subject:
    """What a reply is about, and what the message named that the bot can't answer about as it stands.

    unanswerable.ambiguous asks for a clarifying question first; roles then are the rest of what was named.
    """

    roles: list[Topic] = field(default_factory=list)
    unanswerable: MessageRoles = field(default_factory=MessageRoles)


def _names_only_unanswerable_roles(message: MessageRoles) -> bool:
    """True when the message names roles, none of which the bot can answer about ("what do astronauts earn?")."""
    return not message.known and bool(message.unknown)


def _topics(knowledge: Knowledge, catalogue: Catalogue, subjects: list[str]) -> list[Topic]:
    return [knowledge.roles.get(subject) or catalogue.occupations[subject] for subject in subjects]


def _carried_over(knowledge: Knowledge, catalogue: Catalogue, previous: list[str]) -> list[str]:
    return [subject for subject in previous if subject in knowledge.roles or subject in catalogue.occupations]


def _chosen(knowledge: Knowledge, catalogue: Catalogue, message: MessageRoles, chosen: list[str]) -> Subject:
    """The chosen subjects; with an ambiguous mention, only the ones named, and the question to ask."""
    if message.ambiguous:
        return Subject(_topics(knowledge, catalogue, list(message.known)), MessageRoles(ambiguous=message.ambiguous))
    if _names_only_unanswerable_roles(message):
        return Subject([], MessageRoles(unknown=message.unknown))
    return Subject(_topics(knowledge, catalogue, chosen))


def subject_role(knowledge: Knowledge, catalogue: Catalogue, message: MessageRoles, previous: list[str]) -> Subject:
    """One subject to talk about: the first one named now, else the last one under discussion."""
    chosen = list(message.known[:1]) or _carried_over(knowledge, catalogue, previous)[-1:]
    return _chosen(knowledge, catalogue, message, chosen)


def subject_roles(knowledge: Knowledge, catalogue: Catalogue, message: MessageRoles, previous: list[str]) -> Subject:
    """Every subject named now, else every one under discussion (for "how much do they earn?")."""
    chosen = list(message.known) or _carried_over(knowledge, catalogue, previous)
    return _chosen(knowledge, catalogue, message, chosen)


def roles_to_compare(knowledge: Knowledge, catalogue: Catalogue, message: MessageRoles, previous: list[str]) -> Subject:
    """Two or more subjects: those named, topped up from the conversation, else every article role.

    Article roles top up only a comparison of article roles: "do nurses earn more?" with nothing under
    discussion has one subject, and the reply asks what to compare it with.
    """
    chosen = list(message.known)
    fallbacks = [_carried_over(knowledge, catalogue, previous)]
    if all(subject in knowledge.roles for subject in chosen):
        fallbacks.append(list(knowledge.roles))
    for fallback in fallbacks:
        if len(chosen) < 2:
            chosen += [subject for subject in fallback if subject not in chosen]
    return _chosen(knowledge, catalogue, message, chosen)
