"""SQLite files that several processes (Rasa's workers) open at once: write-ahead logging, set up safely."""
from __future__ import annotations

import sqlite3
import time

SETUP_SECONDS = 30  # as long as a write may wait for the file (the lock store's busy timeout)


def write_ahead_log(connection: sqlite3.Connection) -> None:
    """WAL mode, synced at checkpoints: a commit costs no fsync of its own, readers never wait for a writer.

    A crash of the server loses nothing committed; a power cut may lose the last commits. Switching a
    file to WAL needs it to itself for a moment, and SQLite then answers "database is locked" at once,
    without waiting its busy timeout, when another process opens the file (workers starting
    together): so the switch is retried.
    """
    deadline = time.monotonic() + SETUP_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    connection.execute("PRAGMA synchronous=NORMAL")
