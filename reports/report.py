"""What happened in the stored conversations over a period, counted by the markers of markers.yml.

Only what is stored counts: a conversation deleted ("forget me", `make forget`) is gone from the
report too. Messages the bot could not answer are listed with email addresses and phone numbers masked.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Optional, Sequence

from rasa.shared.core.constants import REQUESTED_SLOT
from rasa.shared.core.events import Event, SlotSet

from analytics import markers
from analytics.markers import Turn

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w$])(?:\+|\()?\d(?:[\s().-]*\d){6,}")
MASKED_EMAIL, MASKED_PHONE = "[email]", "[phone]"
TOP_INTENTS = 10
RESTART_INTENT = "restart_quiz"  # "start over": the attempt before it was not left


@dataclass(frozen=True)
class Quiz:
    """One quiz as the markers and the form name it."""

    name: str
    started: str
    finished: str
    slot_prefix: str


QUIZZES = (
    Quiz("Career quiz", markers.CAREER_QUIZ_STARTED, markers.CAREER_QUIZ_FINISHED, "quiz_"),
    Quiz("Interest quiz", markers.INTEREST_QUIZ_STARTED, markers.INTEREST_QUIZ_FINISHED, "interest_"),
)
MISS_KINDS = {markers.FELL_BACK: "fell back", markers.UNKNOWN_OCCUPATION: "unknown occupation"}


def mask(text: str) -> str:
    """Email addresses and phone numbers replaced, so the report can be shared."""
    return _PHONE.sub(MASKED_PHONE, _EMAIL.sub(MASKED_EMAIL, text))


def _grouping_key(text: str) -> str:
    return " ".join(mask(text).lower().split()).strip(" .!?")


@dataclass
class QuizFigures:
    started: int = 0
    finished: int = 0
    stopped_at: Counter[str] = field(default_factory=Counter)  # question (slot) -> attempts left there


@dataclass
class Report:
    start: date
    end: date  # inclusive
    conversations: int = 0
    messages: int = 0
    per_day: dict[str, tuple[int, int]] = field(default_factory=dict)  # day -> (conversations, messages)
    per_channel: dict[str, tuple[int, int]] = field(default_factory=dict)
    intents: list[tuple[str, int]] = field(default_factory=list)
    missed: int = 0
    misses: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, masked message, count), most first
    quizzes: dict[str, QuizFigures] = field(default_factory=dict)
    handoffs_requested: int = 0
    handoffs_sent: int = 0

    @property
    def missed_share(self) -> float:
        return self.missed / self.messages if self.messages else 0.0


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).date().isoformat()


def _quiz_attempts(quiz: Quiz, events: Sequence[Event], turns: Sequence[Turn]) -> QuizFigures:
    """Starts, finishes, and for each attempt left unfinished (not started over) its last question."""
    figures = QuizFigures()
    starts = [turn for turn in turns if quiz.started in turn.markers]
    finishes = [turn.event_index for turn in turns if quiz.finished in turn.markers]
    figures.started, figures.finished = len(starts), len(finishes)
    for position, turn in enumerate(starts):
        following = starts[position + 1] if position + 1 < len(starts) else None
        start, end = turn.event_index, following.event_index if following else len(events)
        if any(start <= finish < end for finish in finishes) or (following and following.intent == RESTART_INTENT):
            continue
        asked = [event.value for event in events[start:end] if isinstance(event, SlotSet)
                 and event.key == REQUESTED_SLOT and isinstance(event.value, str) and event.value.startswith(quiz.slot_prefix)]
        if asked:
            figures.stopped_at[asked[-1]] += 1
    return figures


def build(conversations: Iterable[tuple[str, list[Event]]], start: date, end: date) -> Report:
    """The report over the user turns dated from `start` to `end`, both included (UTC days)."""
    report = Report(start, end)
    definitions = markers.load()
    day_conversations: Counter[str] = Counter()
    day_messages: Counter[str] = Counter()
    channel_conversations: Counter[str] = Counter()
    channel_messages: Counter[str] = Counter()
    intents: Counter[str] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], str] = {}
    quizzes = {quiz.name: QuizFigures() for quiz in QUIZZES}
    for _, events in conversations:
        turns = [turn for turn in markers.turns(events, definitions) if start <= date.fromisoformat(_day(turn.timestamp)) <= end]
        if not turns:
            continue
        report.conversations += 1
        report.messages += len(turns)
        for day in {_day(turn.timestamp) for turn in turns}:
            day_conversations[day] += 1
        for channel in {turn.channel or "unknown" for turn in turns}:
            channel_conversations[channel] += 1
        for turn in turns:
            day_messages[_day(turn.timestamp)] += 1
            channel_messages[turn.channel or "unknown"] += 1
            intents[turn.intent or "none"] += 1
            report.handoffs_requested += markers.HANDOFF_REQUESTED in turn.markers
            report.handoffs_sent += markers.HANDOFF_SENT in turn.markers
            if turn.missed:
                report.missed += 1
                kind = next(MISS_KINDS[name] for name in sorted(MISS_KINDS) if name in turn.markers)
                key = (kind, _grouping_key(turn.text))
                misses[key] += 1
                shown.setdefault(key, mask(" ".join(turn.text.split())))
        for quiz in QUIZZES:
            figures = _quiz_attempts(quiz, events, turns)
            total = quizzes[quiz.name]
            total.started += figures.started
            total.finished += figures.finished
            total.stopped_at.update(figures.stopped_at)
    report.per_day = {day: (day_conversations[day], day_messages[day]) for day in sorted(day_messages)}
    report.per_channel = {channel: (channel_conversations[channel], channel_messages[channel])
                          for channel in sorted(channel_messages, key=lambda name: -channel_messages[name])}
    report.intents = intents.most_common(TOP_INTENTS)
    report.misses = [(kind, shown[(kind, key)], count) for (kind, key), count in misses.most_common()]
    report.quizzes = quizzes
    return report


def period_bounds(start: date, end: date) -> tuple[float, float]:
    """Unix times from the start of `start` to the end of `end` (UTC)."""
    first = datetime(start.year, start.month, start.day, tzinfo=timezone.utc).timestamp()
    last = datetime(end.year, end.month, end.day, tzinfo=timezone.utc).timestamp() + 86400
    return first, last


def summary(report: Report, page: Optional[str] = None) -> str:
    """The short text for the terminal."""
    lines = [f"Conversations {report.start} to {report.end}: {report.conversations}, messages: {report.messages}",
             f"Not answered: {report.missed} of {report.messages} messages ({report.missed_share:.0%})"]
    lines += [f"  {count} x {text!r} ({kind})" for kind, text, count in report.misses[:5]]
    for name, figures in report.quizzes.items():
        lines.append(f"{name}: {figures.started} started, {figures.finished} finished")
    lines.append(f"Hand-offs: {report.handoffs_requested} asked for, {report.handoffs_sent} confirmed")
    if page:
        lines.append(f"Report page: {page}")
    return "\n".join(lines)
