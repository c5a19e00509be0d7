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
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores import FORGET_ACTION


class StoreUnavailable(BaseException):
    """The tracker store's database can't be read or written (the module docstring says why BaseException)."""


@contextmanager
def _reachable() -> Iterator[None]:
    try:
        yield
    except Exception as error:
        raise StoreUnavailable(f"tracker store failed: {error!r}") from error


def _write_ahead_log(connection: Any, _record: Any) -> None:
    """SQLite in WAL mode, synced at checkpoints: a turn's commit costs no fsync of its own.

    A crash of the server loses nothing committed; a power cut may lose the last turns. Readers
    never wait for a writer, so several Rasa workers can share the file.
    """
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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


class ConversationStore(SQLTrackerStore):
    """SQLite or PostgreSQL, as TRACKER_STORE_URL says (stores/settings.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine keeps pooled connections a restarted database has closed, so every one of
        # them would fail once; checking each on checkout makes the first turn after an outage work.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        if url.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _write_ahead_log)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with _reachable():
            return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        with _reachable():
            if asked_to_forget(tracker):
                await self.delete(tracker.sender_id)
                return
            if due_for_new_session(tracker):
                for event in new_session_events(tracker):
                    tracker.update(event)
            await super().save(tracker)

    async def delete(self, sender_id: str) -> int:
        """Removes every event of one conversation, all sessions; returns how many there were."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        return deleted

