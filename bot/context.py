"""Which roles a turn is about: named in this message, or carried over from the conversation.

Plain rules over plain values, so the dialogue's memory is tested without Rasa. "How much do they
earn?" reuses the roles under discussion; "which pays more?" with nothing under discussion compares
every role the bot knows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge import Knowledge, Role
from bot.resolve import RoleResolver


@dataclass(frozen=True)
class MessageRoles:
    """The roles one message names, sorted by what the bot knows about them."""

    known: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()  # known by name only
    unknown: tuple[str, ...] = ()  # the user's words for roles the knowledge file lacks


def roles_in_message(resolver: RoleResolver, entity_values: list[str], text: str) -> MessageRoles:
    """Role entities first (in order), then any role the text names that NLU missed."""
    known: list[str] = []
    mentioned: list[str] = []
    unknown: list[str] = []
    matches = []
    for value in entity_values:
        match = resolver.resolve(value)
        if match:
            matches.append(match)
        elif value.strip() and value not in unknown:
            unknown.append(value)
    matches += resolver.find_in_text(text)
    for match in matches:
        bucket = known if match.kind == "known" else mentioned
        if match.role_id not in bucket:
            bucket.append(match.role_id)
    return MessageRoles(tuple(known), tuple(mentioned), tuple(unknown))


@dataclass
class Subject:
    """The roles a reply is about, and whether the message named roles the bot can't answer about."""

    roles: list[Role] = field(default_factory=list)
    unanswerable: MessageRoles = field(default_factory=MessageRoles)


def _names_only_unanswerable_roles(message: MessageRoles) -> bool:
    """True when the message names roles, none of which the bot can answer about ("what do nurses earn?")."""
    return not message.known and bool(message.mentioned or message.unknown)


def _unanswerable(message: MessageRoles) -> Subject:
    return Subject([], MessageRoles(mentioned=message.mentioned, unknown=message.unknown))


def _carried_over(knowledge: Knowledge, previous: list[str]) -> list[str]:
    return [role_id for role_id in previous if role_id in knowledge.roles]


def subject_role(knowledge: Knowledge, message: MessageRoles, previous: list[str]) -> Subject:
    """One role to talk about: the first one named now, else the last one under discussion."""
    if _names_only_unanswerable_roles(message):
        return _unanswerable(message)
    chosen = list(message.known[:1]) or _carried_over(knowledge, previous)[-1:]
    return Subject([knowledge.roles[role_id] for role_id in chosen])


def subject_roles(knowledge: Knowledge, message: MessageRoles, previous: list[str]) -> Subject:
    """Every role named now, else every role under discussion (for "how much do they earn?")."""
    if _names_only_unanswerable_roles(message):
        return _unanswerable(message)
    chosen = list(message.known) or _carried_over(knowledge, previous)
    return Subject([knowledge.roles[role_id] for role_id in chosen])


def roles_to_compare(knowledge: Knowledge, message: MessageRoles, previous: list[str]) -> Subject:
    """Two or more roles: those named, topped up from the conversation, else all the bot knows."""
    if _names_only_unanswerable_roles(message):
        return _unanswerable(message)
    chosen = list(message.known)
    for fallback in (_carried_over(knowledge, previous), list(knowledge.roles)):
        if len(chosen) < 2:
            chosen += [role_id for role_id in fallback if role_id not in chosen]
    return Subject([knowledge.roles[role_id] for role_id in chosen])
