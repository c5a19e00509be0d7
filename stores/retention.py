"""Conversations are deleted CONVERSATION_RETENTION_DAYS after their last event; unset, they are kept.

`scripts/run.sh` starts this module beside the servers when the setting is on: it sweeps the tracker
store the servers use at start-up and once a day. A sweep deletes a few conversations per transaction
and re-checks, inside each, that none of them was written to since it was found: a person who comes
back just then keeps the conversation, and live conversations are never locked out for long.
"""
from __future__ import annotations

import argparse
import logging
import math
import os
import sys
import time
import warnings
from dataclasses import dataclass
from typing import Mapping, Optional

import sqlalchemy as sa

from stores.settings import StoreError, TrackerStore

SETTING = "CONVERSATION_RETENTION_DAYS"
SWEEP_EVERY_SECONDS = 24 * 60 * 60
RETRY_AFTER_FAILURE_SECONDS = 10 * 60
CONVERSATIONS_PER_TRANSACTION = 50
SECONDS_PER_DAY = 24 * 60 * 60

logger = logging.getLogger(__name__)


class RetentionError(ValueError):
    """The setting is not a positive number of days."""


@dataclass(frozen=True)
class Retention:
    """How long a conversation is kept after its last event; None keeps it until someone deletes it."""

    days: Optional[float]

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Retention":
        raw = (env.get(SETTING) or "").strip()
        if not raw:
            return cls(None)
        try:
            days = float(raw)
        except ValueError:
            days = math.nan
        if not (days > 0 and math.isfinite(days)):
            raise RetentionError(f"{SETTING} must be a positive number of days, not {raw!r}")
        return cls(days)

    @property
    def description(self) -> str:
        if self.days is None:
            return f"conversations are kept until deleted ({SETTING} unset)"
        return f"conversations are deleted {self.days:g} days after their last message ({SETTING})"

    def cutoff(self, now: float) -> Optional[float]:
        """Conversations whose last event is older than this Unix time are due; None when all are kept."""
        return None if self.days is None else now - self.days * SECONDS_PER_DAY


def _events_table(engine: sa.engine.Engine) -> sa.Table:
    """Rasa's `events` table, as its SQL tracker store created it."""
    return sa.Table("events", sa.MetaData(), autoload_with=engine)


def expired_conversations(engine: sa.engine.Engine, cutoff: float) -> list[str]:
    """The conversations whose every event is older than the cutoff."""
    events = _events_table(engine)
    query = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
             .having(sa.func.max(events.c.timestamp) < cutoff))
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(query)]


def delete_expired(engine: sa.engine.Engine, cutoff: float) -> int:
    """Deletes the conversations that are still expired when their transaction runs; returns how many."""
    if not sa.inspect(engine).has_table("events"):
        return 0  # a new store: Rasa creates the table with its first conversation
    events = _events_table(engine)
    found = expired_conversations(engine, cutoff)
    written_since = sa.select(events.c.sender_id).where(events.c.timestamp >= cutoff)
    deleted = 0
    for start in range(0, len(found), CONVERSATIONS_PER_TRANSACTION):
        batch = events.c.sender_id.in_(found[start:start + CONVERSATIONS_PER_TRANSACTION])
        due = sa.and_(batch, events.c.sender_id.not_in(written_since))
        with engine.begin() as connection:
            deleted += connection.execute(sa.select(sa.func.count(sa.distinct(events.c.sender_id))).where(due)).scalar()
            connection.execute(events.delete().where(due))
    return deleted


def sweep_forever(engine: sa.engine.Engine, retention: Retention) -> None:
    """Sweeps now and once a day; a store that fails is tried again in a few minutes, not given up on."""
    while True:
        try:
            deleted = delete_expired(engine, retention.cutoff(time.time()))
            print(f"Retention: deleted {deleted} conversations older than {retention.days:g} days.", flush=True)
            pause = SWEEP_EVERY_SECONDS
        except sa.exc.SQLAlchemyError as error:
            logger.error("Retention sweep failed, retrying in %d s: %s", RETRY_AFTER_FAILURE_SECONDS, error)
            pause = RETRY_AFTER_FAILURE_SECONDS
        time.sleep(pause)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the setting and exit (fails on a bad one)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa's SQLAlchemy 1.4 idioms, not ours to fix
    try:
        retention = Retention.from_env(os.environ)
        store = TrackerStore.from_env(os.environ)
    except (RetentionError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.check or retention.days is None:
        print(f"Retention: {retention.description}.")
        return 0
    sweep_forever(sa.create_engine(store.url), retention)
    return 0


if __name__ == "__main__":
    sys.exit(main())
