"""Rasa's SQL tracker store with "forget me", and database outages that reach the person.

Deletion happens in the store, in place of the save at the end of the turn that asked for it:
deleting earlier (from the action server) would be undone by that save, which writes every event
it does not find stored.

Rasa wraps every tracker store in a FailSafeTrackerStore that catches any Exception: during an
outage it would answer from an empty conversation and keep the turn in memory only (and the next
save could append the wrong events to the stored ones). So any failure to read or write is raised
as StoreUnavailable, which is deliberately not an Exception: it passes the wrapper and reaches the
channel, which apologises (channels/guard.py); nothing is answered from, or stored into, a wrong
conversation.

Long conversations are rolled into a new session every TURNS_PER_SESSION messages, slots carried
over, as Rasa does after an idle hour. Rasa reads, replays, featurizes and sends to the action server
every event of the current session on every message, so without this each message costs more than
the one before (bench/performance.py measures message 1, 50 and 150). A roll happens only at the end
of a turn that left nothing pending: no form active, and the bot's last act an answer from an
action rather than a question from a response (a rule may hang on that question, e.g. "yes" to
an offer). Every event stays stored, in order; "forget me" deletes all sessions.

The trackers of recent conversations stay in memory between turns: Rasa would otherwise read,
parse and replay the session's events at the start of every message and count them at its end.
A kept tracker is used only while it is exactly what is stored: the conversation's highest event
id is still the one it was kept with (no other Rasa worker or server, and no "make forget", wrote
since) and it holds no events that were never saved (a turn that failed midway).
"""
from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.contract import FORGET_ACTION, StoreUnavailable
from stores.sqlite import write_ahead_log


@contextmanager
def _reachable() -> Iterator[None]:
    try:
        yield
    except Exception as error:
        raise StoreUnavailable(f"tracker store failed: {error!r}") from error


def _pooled_sqlite_file() -> dict[str, Any]:
    """Open connections reused, where SQLAlchemy 1.4 opens a file and sets it up for every read or write.

    Rasa's server uses the store from its event loop's thread only; the flag lets the pool hand a
    connection to whichever thread asks, as SQLAlchemy 2 does by default.
    """
    return {"poolclass": sa.pool.QueuePool, "connect_args": {"check_same_thread": False}}


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the forget action ran after the person's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return True
    return False


TURNS_PER_SESSION = 8
_ANSWER_PREFIX = "action_"  # actions answer; responses (utter_*) may ask, and a rule may wait on the reply


def _last_bot_act(tracker: DialogueStateTracker) -> str | None:
    """The bot's last action of a finished turn, or None when the turn isn't over (not listening yet)."""
    last = tracker.events[-1] if tracker.events else None
    if not (isinstance(last, ActionExecuted) and last.action_name == ACTION_LISTEN_NAME):
        return None
    actions = [event.action_name for event in reversed(tracker.events) if isinstance(event, ActionExecuted)]
    return actions[1] if len(actions) > 1 else None


def due_for_new_session(tracker: DialogueStateTracker, turns: int = TURNS_PER_SESSION) -> bool:
    """True when the session holds `turns` messages and its last turn left nothing pending."""
    if tracker.active_loop_name:
        return False
    last = _last_bot_act(tracker)
    if not last or not last.startswith(_ANSWER_PREFIX):
        return False
    return sum(isinstance(event, UserUttered) for event in tracker.events) >= turns


def new_session_events(tracker: DialogueStateTracker) -> list[Event]:
    """What Rasa's own session start records, with every slot carried over.

    The slots are set after SessionStarted, also in time: the SQL store reads a session from its
    SessionStarted's timestamp on, so a slot stamped even a microsecond earlier would be lost.
    """
    started = [ActionExecuted(ACTION_SESSION_START_NAME), SessionStarted()]
    slots = [SlotSet(name, value) for name, value in tracker.current_slot_values().items() if value is not None]
    return [*started, *slots, ActionExecuted(ACTION_LISTEN_NAME)]


@dataclass
class _Kept:
    """A tracker kept in memory, and what is stored of its conversation."""

    tracker: DialogueStateTracker
    stored_events: int  # how many of tracker.events are stored
    last_event_id: Optional[int]  # the conversation's highest stored event id then


class ConversationStore(SQLTrackerStore):
    """SQLite or PostgreSQL, as TRACKER_STORE_URL says (stores/settings.py)."""

    KEPT_CONVERSATIONS = 200  # the most recently used ones; about 50 kB each (a session of up to 8 turns)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            self.engine = sa.create_engine(url, **_pooled_sqlite_file())
            sa.event.listen(self.engine, "connect", lambda connection, _record: write_ahead_log(connection))
        else:
            # Rasa's engine keeps pooled connections a restarted database server has closed, so each
            # would fail once; checking them on checkout makes the first turn after an outage work.
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._last_event_id_query = sa.select(sa.func.max(self.SQLEvent.id)).where(
            self.SQLEvent.sender_id == sa.bindparam("sender_id"))

    def _last_event_id(self, sender_id: str) -> Optional[int]:
        """One indexed query, in SQLAlchemy Core: the ORM's session and query cost ten times as much."""
        with self.engine.connect() as connection:
            return connection.execute(self._last_event_id_query, {"sender_id": sender_id}).scalar()

    def _keep(self, tracker: DialogueStateTracker, last_event_id: Optional[int]) -> None:
        self._kept[tracker.sender_id] = _Kept(tracker, len(tracker.events), last_event_id)
        self._kept.move_to_end(tracker.sender_id)
        while len(self._kept) > self.KEPT_CONVERSATIONS:
            self._kept.popitem(last=False)

    def _kept_entry_of(self, tracker: DialogueStateTracker) -> Optional[_Kept]:
        """The kept entry when it is this very tracker (whose first `stored_events` events are then stored)."""
        kept = self._kept.get(tracker.sender_id)
        return kept if kept is not None and kept.tracker is tracker else None

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with _reachable():
            # Read before the events: a write in between makes the next retrieve read them again.
            last_event_id = self._last_event_id(sender_id)
            kept = self._kept.get(sender_id)
            if kept and last_event_id is not None and kept.last_event_id == last_event_id \
                    and len(kept.tracker.events) == kept.stored_events:
                self._kept.move_to_end(sender_id)
                return kept.tracker
            tracker = await super().retrieve(sender_id)
            if tracker is None:
                self._kept.pop(sender_id, None)
            else:
                self._keep(tracker, last_event_id)
            return tracker

    def _unstored_events(self, tracker: DialogueStateTracker) -> list[Event]:
        """The events after those read or written before; Rasa's way (counting the stored ones) for others."""
        kept = self._kept_entry_of(tracker)
        if kept is not None:
            return list(itertools.islice(tracker.events, kept.stored_events, None))
        with self.session_scope() as session:
            return list(self._additional_events(session, tracker))

    def _insert(self, sender_id: str, events: Iterable[Event]) -> None:
        """The rows Rasa's SQLTrackerStore.save writes, in one SQLAlchemy Core statement (a fifth of its time)."""
        rows = []
        for event in events:
            data = event.as_dict()
            rows.append({"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                         "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                         "action_name": data.get("name"), "data": json.dumps(data)})
        if rows:
            with self.engine.begin() as connection:
                connection.execute(self.SQLEvent.__table__.insert(), rows)

    async def save(self, tracker: DialogueStateTracker) -> None:
        with _reachable():
            if asked_to_forget(tracker):
                await self.delete(tracker.sender_id)
                return
            rolled = due_for_new_session(tracker)
            if rolled:
                for event in new_session_events(tracker):
                    tracker.update(event)
            await self.stream_events(tracker)
            self._insert(tracker.sender_id, self._unstored_events(tracker))
            if rolled:  # this tracker holds the old session too; the next retrieve reads the new one
                self._kept.pop(tracker.sender_id, None)
            else:
                self._keep(tracker, self._last_event_id(tracker.sender_id))

    def conversations_between(self, start: float, end: float) -> Iterator[tuple[str, list[Event]]]:
        """Every conversation with an event in [start, end) (Unix times), all its events, in order.

        For reading whole conversations outside a turn (`make report`): the markers that say what
        happened need each conversation from its start.
        """
        with _reachable(), self.session_scope() as session:
            senders = [row[0] for row in session.query(self.SQLEvent.sender_id).filter(
                self.SQLEvent.timestamp >= start, self.SQLEvent.timestamp < end).distinct()]
            for sender_id in sorted(senders):
                rows = session.query(self.SQLEvent.data).filter(
                    self.SQLEvent.sender_id == sender_id).order_by(self.SQLEvent.id)
                events = [Event.from_parameters(json.loads(data)) for (data,) in rows]
                yield sender_id, [event for event in events if event is not None]

    async def delete(self, sender_id: str) -> int:
        """Removes every event of one conversation, all sessions; returns how many there were."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        self._kept.pop(sender_id, None)
        return deleted

