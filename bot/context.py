"""Which roles and occupations a turn is about: named in this message, or carried over from the conversation.

Plain rules over plain values, so the dialogue's memory is tested without Rasa. "How much do they
earn?" reuses the subjects under discussion; "which pays more?" with nothing under discussion compares
every article role. A subject is an article role (by id, e.g. "project_manager") or a catalogue
occupation (by O*NET-SOC code, e.g. "15-2051.00"); both kinds share one list, in the order named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from bot.catalogue.titles import TitleIndex, TitleMatch
from bot.knowledge import Knowledge
from bot.resolve import MAX_SCANNED_CHARS, RoleMatch, RoleResolver
from bot.topics import Library, Topic


# "What does a dragon tamer do?": a job named the way people name one, though no title matches.
_JOB_NAMED = re.compile(
    r"\b(?:what (?:does|do|is) (?:an?|the)|how much (?:does|do) (?:an?|the)|(?:become|becoming|being|work as|working as) (?:an?|the)|"
    r"tell me about (?:being )?(?:an?|the))\s+(?P<name>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}?)"
    r"(?= do\b| does\b| make\b| earn\b| get paid\b| need\b|\s*\?|\s*$|,| job\b| career\b)",
    re.IGNORECASE)
_NOT_A_JOB = {"difference", "point", "best", "meaning", "weather", "time", "way", "price", "cost", "capital", "name",
              "between", "and", "or", "than", "it", "that", "this", "one", "other", "answer", "reason", "problem"}
SUGGESTION_THRESHOLD = 0.8  # "plumer" is Plumbers (0.92); "alligator" is not Aviators (0.75)
# Words of a question about the topics under discussion ("which one pays more?", "what's the difference?").
_QUESTION_WORDS = set("""
what whats which who how why where when is are was were be the and or but not difference differences different differ
differs between compare comparison compared comparing versus more less better worse best most least higher lower
bigger smaller pay pays paid paying earn earns earning make makes making money salary salaries wage wages income much
many does did they them their these those two three both all each either neither role roles job jobs career careers
option options path paths one ones for with have has had need needs needed education training degree preparation
skills skill common technical technically can could would should will you your me my that this there than tell about
explain show give again then okay well now please just really also same similar other others side like work
working people jobs more hourly hour per year starting entry level employed employment tools software suit fit
""".split())
OTHER_THINGS = 2  # content words a topic-less comparison may name before it is taken for a question about them
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
             "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "last": -1}
_ORDINAL = "|".join(_ORDINALS)
# A place in the last list: "the second one", "the third job", "tell me about the fifth", "number 2", "#3".
# "The first step" is no place: a bare ordinal counts only when no word follows it.
_POSITION = re.compile(
    rf"\b(?:the\s+)?(?P<named>{_ORDINAL})\s+(?:one|job|occupation|match|option|career|choice)s?\b"
    rf"|\bthe\s+(?P<bare>{_ORDINAL})\b(?!\s+\w)|(?:\bnumber\s*|#\s*|\bno\.\s*)(?P<number>[1-9])\b",
    re.IGNORECASE)


def listed_position(text: str) -> tuple[int, str] | None:
    """The place in a list the text names (1-based; -1 for "the last one"), with the words naming it."""
    found = _POSITION.search(text[:MAX_SCANNED_CHARS])
    if not found:
        return None
    ordinal = found.group("named") or found.group("bare")
    return (_ORDINALS[ordinal.lower()] if ordinal else int(found.group("number"))), found.group(0)


def _names_other_things(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:MAX_SCANNED_CHARS].lower().replace("'", ""))
    return sum(len(word) > 2 and word not in _QUESTION_WORDS for word in words) >= OTHER_THINGS


@dataclass(frozen=True)
class MessageRoles:
    """The roles and occupations one message names, sorted by what the bot can do with them."""

    known: tuple[str, ...] = ()  # article role ids and occupation codes, in the order named
    unknown: tuple[str, ...] = ()  # the user's words for roles neither the articles nor the catalogue have
    ambiguous: tuple[TitleMatch, ...] = ()  # mentions that fit several occupations ("engineer")
    about_other_things: bool = False  # names no known topic but other things ("is tea different from coffee?")
    beyond_list: bool = False  # names a place past the end of the last list ("the sixth one" of five)


class _Collector:
    """Gathers a message's subjects once each, keeping the order they were named in."""

    def __init__(self) -> None:
        self.known: list[str] = []
        self.unknown: list[str] = []
        self.ambiguous: list[TitleMatch] = []
        self.about_other_things = False
        self.beyond_list = False

    def add(self, match: RoleMatch | TitleMatch) -> None:
        if isinstance(match, TitleMatch) and match.ambiguous:
            if all(match.codes != seen.codes for seen in self.ambiguous):
                self.ambiguous.append(match)
            return
        subject = match.role_id if isinstance(match, RoleMatch) else match.code
        if subject not in self.known:
            self.known.append(subject)

    def result(self) -> MessageRoles:
        return MessageRoles(tuple(self.known), tuple(self.unknown), tuple(self.ambiguous), self.about_other_things,
                            self.beyond_list)


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

    def in_message(self, entity_values: Sequence[str], text: str, listed: Sequence[str] = (),
                   aspects: Sequence[str] = ()) -> MessageRoles:
        """Role entities first (in order), then any role or occupation the text names that NLU missed.

        With the last list's topic ids (`listed`), a place in it ("the second one") names that topic,
        when the message names no topic otherwise. A message that asks about an aspect (`aspects`, e.g.
        "requirements" for "which takes longer to train for?") is about the topics under discussion,
        whatever other words it has.
        """
        found = _Collector()
        position = listed_position(text) if listed else None
        if position:
            entity_values = [value for value in entity_values if value.lower() not in position[1].lower()]
        for value in entity_values:
            match = self.resolve(value)
            if match:
                found.add(match)
            elif value.strip() and value not in found.unknown:
                found.unknown.append(value)
        without_article_roles = self._article_abbreviations.sub(" ", self._article_names.sub(" ", text))
        for match in [*self.resolver.find_in_text(text), *self.titles.find_in_text(without_article_roles)]:
            found.add(match)
        if position and not (found.known or found.unknown or found.ambiguous):
            place = position[0]
            if 1 <= place <= len(listed) or place == -1:
                found.known.append(listed[place - 1 if place > 0 else -1])
            else:
                found.beyond_list = True
            return found.result()
        if not (found.known or found.ambiguous):
            named = _JOB_NAMED.search(text[:MAX_SCANNED_CHARS])
            if not found.unknown and named and not set(named.group("name").lower().split()) & _NOT_A_JOB:
                found.unknown.append(named.group("name"))
            found.about_other_things = not aspects and _names_other_things(text)
        return found.result()

    def suggestion(self, mention: str) -> str | None:
        """The occupation code whose title is most like an unknown mention, if any is fairly close."""
        key = self.titles.closest(mention, threshold=SUGGESTION_THRESHOLD)
        match = self.titles.resolve(key) if key else None
        return match.code if match else None


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


def _carried_over(library: Library, previous: list[str]) -> list[str]:
    return [subject for subject in previous if library.knows(subject)]


def _chosen(library: Library, message: MessageRoles, chosen: list[str]) -> Subject:
    """The chosen subjects; with an ambiguous mention, only the ones named, and the question to ask."""
    if message.ambiguous:
        return Subject([library.topic(subject) for subject in message.known], MessageRoles(ambiguous=message.ambiguous))
    if _names_only_unanswerable_roles(message):
        return Subject([], MessageRoles(unknown=message.unknown))
    return Subject([library.topic(subject) for subject in chosen])


def subject_role(library: Library, message: MessageRoles, previous: list[str]) -> Subject:
    """One subject to talk about: the first one named now, else the last one under discussion."""
    chosen = list(message.known[:1]) or _carried_over(library, previous)[-1:]
    return _chosen(library, message, chosen)


def subject_roles(library: Library, message: MessageRoles, previous: list[str]) -> Subject:
    """Every subject named now, else every one under discussion (for "how much do they earn?")."""
    chosen = list(message.known) or _carried_over(library, previous)
    return _chosen(library, message, chosen)


def subjects_of_a_move(library: Library, message: MessageRoles, previous: list[str]) -> Subject:
    """A move's occupations: both when two are named ("from teacher to librarian"), else the target:
    the one named now, else the first under discussion (a list's first, "for that")."""
    chosen = list(message.known[:2]) or _carried_over(library, previous)[:1]
    return _chosen(library, message, chosen)


def roles_to_compare(library: Library, message: MessageRoles, previous: list[str]) -> Subject:
    """Two or more subjects: those named, topped up from the conversation, else every article role.

    Article roles top up only a comparison of article roles: "do nurses earn more?" with nothing under
    discussion has one subject, and the reply asks what to compare it with. An unknown job beside one
    known topic is said to be unknown, not replaced.
    """
    if message.about_other_things:
        return Subject([])
    if message.unknown and len(message.known) < 2:  # not topped up as if the unknown one had not been named
        return Subject([], MessageRoles(unknown=message.unknown))
    chosen = list(message.known)
    fallbacks = [_carried_over(library, previous)]
    if all(subject in library.knowledge.roles for subject in chosen):
        fallbacks.append(list(library.knowledge.roles))
    for fallback in fallbacks:
        if len(chosen) < 2:
            chosen += [subject for subject in fallback if subject not in chosen]
    return _chosen(library, message, chosen)
