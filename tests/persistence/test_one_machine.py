"""One machine: conversations in a SQLite file survive a restart of the servers, and can be forgotten,
by the person ("delete my data") or by an operator (`make forget SENDER=...`)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from bot.replies import ASK_WHICH_ROLE
from serving.local import REPO, Servers, free_port, start_servers

PM_SALARY = "$87,628"
TECHNICAL_Q = "hands-on technical work"
PLANNING_Q = "planning and organizing"
PEOPLE_Q = "leading a team"


class Conversations:
    """The SQLite file the servers store conversations in, read as an operator would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.env = {"TRACKER_STORE_URL": f"sqlite:///{path}"}

    def events(self, sender: str) -> int:
        with sqlite3.connect(self.path) as connection:
            return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


@pytest.fixture(scope="module")
def conversations(tmp_path_factory) -> Conversations:
    return Conversations(tmp_path_factory.mktemp("sqlite") / "conversations.db")


@pytest.fixture(scope="module")
def before_restart(tmp_path_factory, conversations) -> dict[str, str]:
    """A conversation that discussed project managers and answered the quiz's first question,
    with the servers stopped afterwards: the replies, by message."""
    servers = start_servers(tmp_path_factory.mktemp("first-run") / "run.log", conversations.env)
    try:
        messages = ["what does a PM do?", "which career is right for me?", "yes, I love it"]
        return {message: servers.texts("returning-visitor", message) for message in messages}
    finally:
        assert servers.stop() == 0


@pytest.fixture(scope="module")
def servers(before_restart, tmp_path_factory, conversations) -> Servers:
    running = start_servers(tmp_path_factory.mktemp("second-run") / "run.log", conversations.env)
    yield running
    running.stop()


def test_a_conversation_continues_after_a_restart(before_restart, servers):
    assert TECHNICAL_Q in before_restart["which career is right for me?"]
    assert PLANNING_Q in before_restart["yes, I love it"]
    # The role under discussion is remembered, and so is the quiz: it resumes where it was.
    reply = servers.texts("returning-visitor", "how much do they earn?")
    assert PM_SALARY in reply and PLANNING_Q in reply and TECHNICAL_Q not in reply
    assert PEOPLE_Q in servers.texts("returning-visitor", "yes")


def test_delete_my_data_confirms_and_removes_the_conversation(servers, conversations):
    assert "plan, organize and direct" in servers.texts("forgetful", "what does a PM do?")
    assert conversations.events("forgetful") > 0
    reply = servers.texts("forgetful", "please delete my data")
    assert "I've deleted our conversation" in reply
    assert conversations.events("forgetful") == 0
    assert ASK_WHICH_ROLE in servers.texts("forgetful", "how much do they earn?"), "the role was remembered"


def test_delete_my_data_in_the_middle_of_the_quiz(servers, conversations):
    assert TECHNICAL_Q in servers.texts("quiz-then-forget", "help me choose a career")
    assert "I've deleted our conversation" in servers.texts("quiz-then-forget", "erase this conversation")
    assert conversations.events("quiz-then-forget") == 0


def make_forget(sender: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "forget", f"SENDER={sender}"], cwd=REPO,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def test_make_forget_deletes_one_conversation_and_leaves_the_others(servers, conversations):
    for sender in ("operator-removes-me", "operator-keeps-me"):
        assert PM_SALARY in servers.texts(sender, "how much does a project manager earn?")
    result = make_forget("operator-removes-me", conversations.env)
    assert result.returncode == 0, result.stderr
    assert "Deleted conversation 'operator-removes-me'" in result.stdout
    assert conversations.events("operator-removes-me") == 0
    assert conversations.events("operator-keeps-me") > 0
    again = make_forget("operator-removes-me", conversations.env)
    assert again.returncode == 0 and "nothing deleted" in again.stdout
    assert ASK_WHICH_ROLE in servers.texts("operator-removes-me", "how much do they earn?")
    assert PM_SALARY in servers.texts("operator-keeps-me", "how much do they earn?")


def test_an_unreachable_tracker_store_stops_the_start_with_a_clear_error():
    port = free_port()  # nothing listens there
    env = {**os.environ, "RASA_PORT": str(free_port()), "TRACKER_STORE_URL": f"postgresql://rasa:pw@127.0.0.1:{port}/rasa"}
    result = subprocess.run(["scripts/run.sh"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"the tracker store (PostgreSQL database rasa at 127.0.0.1:{port}, TRACKER_STORE_URL) is unreachable" in result.stderr


def test_a_long_conversation_is_rolled_into_sessions_and_keeps_its_thread(servers, conversations):
    """Every TURNS_PER_SESSION messages a new session starts with the slots carried over: what was
    under discussion is still known, every message stays stored, and no message costs more for the
    ones before it (bench/performance.py measures that)."""
    questions = ["what does a PM do?", "what skills do they need?", "and implementation specialists?",
                 "what qualifications do they need?"] * 5
    for question in questions:
        servers.texts("talkative", question)
    assert PM_SALARY in servers.texts("talkative", "and project managers, how much do they earn?")
    with sqlite3.connect(conversations.path) as connection:
        stored = [row[0] for row in connection.execute(
            "SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", ("talkative",))]
    assert stored.count("user") == len(questions) + 1
    assert stored.count("session_started") >= 3  # the first session and at least two rolled ones
    # The bot's thread survives a roll: a follow-up right after one still knows the role.
    assert "implementation specialist" in servers.texts("talkative", "how much do they earn?").lower()
