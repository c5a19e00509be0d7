"""The tracker store keeps recent conversations in memory, and never answers from a stale copy.

Two ConversationStore objects on one SQLite file stand for two Rasa workers (or servers) sharing it.
"""
import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores.tracker import TURNS_PER_SESSION, ConversationStore

DOMAIN = Domain.from_dict({"slots": {"roles": {"type": "list", "mappings": [{"type": "custom"}]}}})
SENDER = "someone"


@pytest.fixture
def database(tmp_path) -> str:
    return str(tmp_path / "conversations.db")


def store_on(database: str) -> ConversationStore:
    return ConversationStore(domain=DOMAIN, dialect="sqlite", db=database)


def retrieve(store: ConversationStore) -> DialogueStateTracker | None:
    return asyncio.run(store.retrieve(SENDER))


def take_turn(store: ConversationStore, text: str) -> DialogueStateTracker:
    """One finished turn, as Rasa's processor takes it: read (or start), add the turn's events, save."""
    tracker = retrieve(store) or DialogueStateTracker(SENDER, DOMAIN.slots)
    for event in (UserUttered(text), ActionExecuted("action_describe_role"), BotUttered(f"answer to {text}"),
                  ActionExecuted("action_listen")):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    return tracker


def said(tracker: DialogueStateTracker | None) -> list[str]:
    return [event.text for event in tracker.events if isinstance(event, UserUttered)] if tracker else []


def stored_events(database: str) -> list[dict]:
    """Every stored event of the conversation, read by a store with nothing in memory."""
    tracker = asyncio.run(store_on(database).retrieve_full_tracker(SENDER))
    return [event.as_dict() for event in tracker.events]


def test_each_event_is_stored_once_across_turns_answered_from_memory(database):
    store = store_on(database)
    for text in ("hi", "what does a PM do?", "and their pay?"):
        tracker = take_turn(store, text)
    assert stored_events(database) == [event.as_dict() for event in tracker.events]


def test_a_turn_another_worker_answered_is_read_back(database):
    first, second = store_on(database), store_on(database)
    take_turn(first, "hi")
    take_turn(second, "what does a PM do?")
    assert said(retrieve(first)) == ["hi", "what does a PM do?"]
    take_turn(first, "and their pay?")
    assert said(retrieve(second)) == ["hi", "what does a PM do?", "and their pay?"]
    assert len(stored_events(database)) == 12


def test_a_turn_that_failed_before_its_save_leaves_nothing_behind(database):
    store = store_on(database)
    take_turn(store, "hi")
    unsaved = retrieve(store)
    unsaved.update(UserUttered("this turn crashed"))
    assert said(retrieve(store)) == ["hi"]
    take_turn(store, "what does a PM do?")
    assert [event["text"] for event in stored_events(database) if event["event"] == "user"] == \
        ["hi", "what does a PM do?"]


def test_a_conversation_forgotten_by_another_process_is_not_answered_from_memory(database):
    store = store_on(database)
    take_turn(store, "hi")
    assert asyncio.run(store_on(database).delete(SENDER)) == 4  # `make forget`, from its own process
    assert retrieve(store) is None
    take_turn(store, "hello again")
    assert said(retrieve(store_on(database))) == ["hello again"]


def test_after_a_roll_only_the_new_session_is_read_and_slots_carry_over(database):
    store = store_on(database)
    take_turn(store, "turn 1")
    tracker = retrieve(store)
    tracker.update(SlotSet("roles", ["project_manager"]))
    asyncio.run(store.save(tracker))
    for turn in range(2, TURNS_PER_SESSION + 1):
        take_turn(store, f"turn {turn}")
    rolled = retrieve(store)
    assert said(rolled) == [] and rolled.get_slot("roles") == ["project_manager"]
    take_turn(store, "after the roll")
    assert said(retrieve(store_on(database))) == ["after the roll"]
    assert len([event for event in stored_events(database) if event["event"] == "user"]) == TURNS_PER_SESSION + 1
