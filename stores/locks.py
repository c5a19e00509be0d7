"""Conversation locks: Rasa's Redis lock store without a hang after a crash, and a SQLite one for workers.

A Rasa server takes a numbered ticket per message and waits until its ticket is the first one still
alive (TICKET_LOCK_LIFETIME). When a crashed server's ticket and the waiting one expire within the
same one-second poll, Rasa's loop waits for a first ticket that no longer exists: forever, and the
message is never answered. Here a waiting message goes ahead once no live ticket comes before its
own, whether or not its own has expired meanwhile.

Several Rasa worker processes on one machine (RASA_WORKERS) need a lock store they all see; without
Redis that is a SQLite file, where each read-modify-write of a lock is one transaction, so no
worker's ticket is lost to another's write.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from rasa.core import lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig

from stores.sqlite import write_ahead_log


def ahead_of(lock: TicketLock, ticket: int) -> bool:
    """Whether a live ticket comes before this one."""
    return any(other.number < ticket and not other.has_expired() for other in lock.tickets)


class CrashSafeWait(lock_store.LockStore):
    """Waits only for live tickets ahead of its own (the module docstring says why)."""

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_or_create_lock(conversation_id)
            if not ahead_of(lock, ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)


class RedisLockStore(CrashSafeWait, lock_store.RedisLockStore):
    """Configured by LOCK_STORE_URL=redis://… (stores/settings.py)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)


class SQLiteLockStore(CrashSafeWait):
    """Locks in a SQLite file shared by the Rasa workers of one machine (stores/settings.py names it)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        path = Path(endpoint_config.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened explicitly, BEGIN IMMEDIATE taking the write lock.
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        write_ahead_log(self._db)  # a lock outlives no crash anyway: tickets expire
        self._db.execute("CREATE TABLE IF NOT EXISTS locks (conversation_id TEXT PRIMARY KEY, lock TEXT NOT NULL)")
        self._depth = 0

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction around a read-modify-write; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        row = self._db.execute("SELECT lock FROM locks WHERE conversation_id = ?", (conversation_id,)).fetchone()
        return TicketLock.from_dict(json.loads(row[0])) if row else None

    def save_lock(self, lock: TicketLock) -> None:
        self._db.execute("INSERT OR REPLACE INTO locks (conversation_id, lock) VALUES (?, ?)",
                         (lock.conversation_id, lock.dumps()))

    def delete_lock(self, conversation_id: str) -> None:
        self._db.execute("DELETE FROM locks WHERE conversation_id = ?", (conversation_id,))

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = lock_store.LOCK_LIFETIME) -> int:
        with self._transaction():
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        with self._transaction():
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        with self._transaction():
            super().cleanup(conversation_id, ticket_number)
