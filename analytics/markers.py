"""What counts in a conversation, as defined once in markers.yml (Rasa's conversation markers), per user turn.

Rasa evaluates a marker at every event of a session; the report, the offer of a person after two
misses in a row, and the tests want to know which user message each moment belongs to. A marker
that applies at an event belongs to the last user message at or before it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from rasa.core.evaluation.marker_base import Marker
from rasa.shared.core.events import Event, UserUttered

MARKERS_FILE = Path(__file__).resolve().parents[1] / "markers.yml"

FELL_BACK = "fell_back"
UNKNOWN_OCCUPATION = "named_unknown_occupation"
# A turn the bot could not answer: what the report lists and what two of in a row bring the offer of a person.
MISSES = frozenset({FELL_BACK, UNKNOWN_OCCUPATION})
CAREER_QUIZ_STARTED, CAREER_QUIZ_FINISHED = "career_quiz_started", "career_quiz_finished"
INTEREST_QUIZ_STARTED, INTEREST_QUIZ_FINISHED = "interest_quiz_started", "interest_quiz_finished"
HANDOFF_REQUESTED, HANDOFF_SENT = "handoff_requested", "handoff_sent"


@dataclass(frozen=True)
class Turn:
    """One user message and the markers that applied from it until the next one."""

    event_index: int
    text: str
    intent: Optional[str]
    channel: Optional[str]
    timestamp: float
    markers: frozenset[str]

    @property
    def missed(self) -> bool:
        return bool(self.markers & MISSES)


def load(path: Path = MARKERS_FILE) -> Marker:
    """All markers of the file, combined as Rasa combines them (results are reported per marker).

    Rasa's markers keep state while they evaluate, so each caller loads its own.
    """
    return Marker.from_path(path)


def events_from_dicts(events: Iterable[dict[str, Any]]) -> list[Event]:
    """Rasa's events from their JSON form, as the action server receives them; unknown kinds dropped."""
    parsed = (Event.from_parameters(event) for event in events)
    return [event for event in parsed if event is not None]


def turns(events: Sequence[Event], markers: Optional[Marker] = None) -> list[Turn]:
    """Every user message of the conversation, with the markers that applied in its turn."""
    markers = markers or load()
    user_indices = [index for index, event in enumerate(events) if isinstance(event, UserUttered)]
    applied: dict[int, set[str]] = {index: set() for index in user_indices}
    for session in markers.evaluate_events(list(events)):
        for name, moments in session.items():
            for moment in moments:
                position = bisect.bisect_right(user_indices, moment.idx) - 1
                if position >= 0:
                    applied[user_indices[position]].add(name)
    result = []
    for index in user_indices:
        event = events[index]
        assert isinstance(event, UserUttered)
        result.append(Turn(index, event.text or "", event.intent_name, event.input_channel, event.timestamp,
                           frozenset(applied[index])))
    return result


def second_miss_in_a_row(events: Sequence[Event], this_turn_missed: bool = False) -> bool:
    """True when the latest turn could not be answered and neither could the one before.

    `this_turn_missed` says so for a turn whose action is still deciding (its events not yet recorded).
    """
    recent = turns(events)
    if len(recent) < 2:
        return False
    return (this_turn_missed or recent[-1].missed) and recent[-2].missed
