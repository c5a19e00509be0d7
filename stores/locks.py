"""Rasa's Redis lock store, without a hang after a server crash.

A Rasa server takes a numbered ticket per message and waits until its ticket is the first one still
alive (TICKET_LOCK_LIFETIME). When a crashed server's ticket and the waiting one expire within the
same one-second poll, Rasa's loop waits for a first ticket that no longer exists: forever, and the
message is never answered. Here a waiting message goes ahead once no live ticket comes before its
own, whether or not its own has expired meanwhile.
"""
from __future__ import annotations

import asyncio

from rasa.core import lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig


def ahead_of(lock: TicketLock, ticket: int) -> bool:
    """Whether a live ticket comes before this one."""
    return any(other.number < ticket and not other.has_expired() for other in lock.tickets)


class RedisLockStore(lock_store.RedisLockStore):
    """Configured by LOCK_STORE_URL (stores/settings.py)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_or_create_lock(conversation_id)
            if not ahead_of(lock, ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
