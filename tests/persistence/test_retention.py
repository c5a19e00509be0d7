"""CONVERSATION_RETENTION_DAYS: exactly the conversations whose last message is older are deleted, from
a real SQLite file and a real PostgreSQL server, when the sweeper `make run` starts beside the servers
starts, and daily."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from typing import Iterator

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from serving.local import REPO, start_servers
from stores.retention import Retention, RetentionError, delete_expired
from stores.settings import TrackerStore
from stores.tracker import ConversationStore
from tests.persistence.databases import Postgres

DAY = 24 * 60 * 60
NOW = time.time()
# Each conversation's messages, by how many days ago they were sent; kept for 30 days.
CONVERSATIONS = {
    "left-long-ago": [400, 399],
    "left-last-month": [45, 31],
    "came-back-yesterday": [90, 1],
    "talking-now": [0],
}
EXPIRED = {"left-long-ago", "left-last-month"}


def say(store: ConversationStore, sender: str, days_ago: list[int]) -> None:
    tracker = DialogueStateTracker(sender, [])
    for days in days_ago:
        sent = NOW - days * DAY
        for event in (UserUttered("what does a PM do?", timestamp=sent), ActionExecuted("action_describe_role", timestamp=sent),
                      BotUttered("They plan and direct projects.", timestamp=sent), ActionExecuted("action_listen", timestamp=sent)):
            tracker.update(event)
    asyncio.run(store.save(tracker))


def stored_conversations(store: ConversationStore) -> set[str]:
    with store.engine.connect() as connection:
        return {row[0] for row in connection.execute(sa.text("SELECT DISTINCT sender_id FROM events"))}


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    try:
        server.create()
        yield server
    finally:
        server.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'conversations.db'}"
    return request.getfixturevalue("postgres").url


@pytest.fixture
def store(store_url) -> Iterator[ConversationStore]:
    store = ConversationStore(domain=Domain.empty(), **TrackerStore.from_env({"TRACKER_STORE_URL": store_url}).store_kwargs())
    with store.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM events"))  # the PostgreSQL server is shared by the module
    for sender, days_ago in CONVERSATIONS.items():
        say(store, sender, days_ago)
    yield store
    store.engine.dispose()


def test_exactly_the_conversations_silent_for_longer_are_deleted(store):
    cutoff = Retention(30).cutoff(NOW)
    assert delete_expired(store.engine, cutoff) == len(EXPIRED)
    assert stored_conversations(store) == set(CONVERSATIONS) - EXPIRED
    kept = asyncio.run(store.retrieve_full_tracker("came-back-yesterday"))
    assert sum(isinstance(event, UserUttered) for event in kept.events) == 2, "an old message of a kept conversation"


def test_a_second_sweep_finds_nothing_more(store):
    cutoff = Retention(30).cutoff(NOW)
    delete_expired(store.engine, cutoff)
    assert delete_expired(store.engine, cutoff) == 0
    assert stored_conversations(store) == set(CONVERSATIONS) - EXPIRED


def test_the_sweeper_deletes_at_start_up_and_keeps_running(store, store_url):
    sweeper = subprocess.Popen([sys.executable, "-m", "stores.retention"], cwd=REPO, text=True,
                               env={**os.environ, "TRACKER_STORE_URL": store_url, "CONVERSATION_RETENTION_DAYS": "30"},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert sweeper.stdout.readline().strip() == "Retention: deleted 2 conversations older than 30 days."
        assert stored_conversations(store) == set(CONVERSATIONS) - EXPIRED
        assert sweeper.poll() is None, "the sweeper stopped after its first sweep"
    finally:
        sweeper.kill()
        sweeper.wait()


def test_unset_keeps_everything_and_says_so():
    checked = subprocess.run([sys.executable, "-m", "stores.retention"], cwd=REPO, capture_output=True, text=True,
                             env={key: value for key, value in os.environ.items() if key != "CONVERSATION_RETENTION_DAYS"})
    assert checked.returncode == 0
    assert "kept until deleted" in checked.stdout


@pytest.mark.parametrize("value", ["0", "-3", "a month", "nan", "inf"])
def test_a_setting_that_is_not_a_positive_number_of_days_is_refused(value):
    with pytest.raises(RetentionError, match="CONVERSATION_RETENTION_DAYS"):
        Retention.from_env({"CONVERSATION_RETENTION_DAYS": value})
    checked = subprocess.run([sys.executable, "-m", "stores.retention", "--check"], cwd=REPO, capture_output=True, text=True,
                             env={**os.environ, "CONVERSATION_RETENTION_DAYS": value})
    assert checked.returncode == 1 and "positive number of days" in checked.stderr


def test_a_new_store_without_conversations_is_swept_without_error(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert delete_expired(engine, Retention(30).cutoff(NOW)) == 0


def test_make_run_says_how_long_it_keeps_conversations_and_sweeps_as_it_starts(tmp_path):
    database = tmp_path / "conversations.db"
    store = ConversationStore(domain=Domain.empty(), dialect="sqlite", db=str(database))
    for sender, days_ago in CONVERSATIONS.items():
        say(store, sender, days_ago)
    servers = start_servers(tmp_path / "run.log", {"CONVERSATION_RETENTION_DAYS": "30",
                                                    "TRACKER_STORE_URL": f"sqlite:///{database}"})
    try:
        assert "plan, organize and direct" in servers.texts("new-visitor", "what does a PM do?")
        deadline = time.monotonic() + 30
        while "Retention: deleted" not in servers.log() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "conversations are deleted 30 days after their last message" in servers.log()
        assert "Retention: deleted 2 conversations older than 30 days." in servers.log()
        assert stored_conversations(store) == set(CONVERSATIONS) - EXPIRED | {"new-visitor"}
    finally:
        servers.stop()
