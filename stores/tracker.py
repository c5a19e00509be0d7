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
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, UserUttered
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


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the forget action ran after the person's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_ACTION:
            return True
    return False


class ConversationStore(SQLTrackerStore):
    """SQLite or PostgreSQL, as TRACKER_STORE_URL says (stores/settings.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine keeps pooled connections a restarted database has closed, so every one of
        # them would fail once; checking each on checkout makes the first turn after an outage work.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with _reachable():
            return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        with _reachable():
            if asked_to_forget(tracker):
                await self.delete(tracker.sender_id)
            else:
                await super().save(tracker)

    async def delete(self, sender_id: str) -> int:
        """Removes every event of one conversation, all sessions; returns how many there were."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        return deleted

