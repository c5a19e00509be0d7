"""Where conversations and locks go, read from the environment alone (no servers needed)."""
import pytest
from rasa.core.lock import TicketLock
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.contract import FORGET_ACTION
from stores.locks import ahead_of
from stores.settings import StoreError, endpoints, summary
from stores.tracker import TURNS_PER_SESSION, asked_to_forget, due_for_new_session, new_session_events

POSTGRES = "postgresql://rasa:s3cret@db.internal:5433/conversations"


def test_nothing_set_means_sqlite_under_var_for_conversations_and_locks():
    result = endpoints({"action_endpoint": {"url": "http://127.0.0.1:${ACTIONS_PORT}/webhook"}}, {})
    assert result["tracker_store"] == {"type": "stores.tracker.ConversationStore", "dialect": "sqlite",
                                       "db": "var/conversations.db"}
    assert result["lock_store"] == {"type": "stores.locks.SQLiteLockStore", "url": "var/locks.db"}
    assert result["action_endpoint"]["url"] == "http://127.0.0.1:${ACTIONS_PORT}/webhook"


def test_postgres_redis_and_balanced_actions_from_the_environment():
    env = {"TRACKER_STORE_URL": POSTGRES, "LOCK_STORE_URL": "redis://:pw@cache.internal:6380/2",
           "ACTION_ENDPOINT_URL": "http://actions.internal/webhook"}
    result = endpoints({}, env)
    assert result["tracker_store"] == {"type": "stores.tracker.ConversationStore", "url": "db.internal",
                                       "dialect": "postgresql", "port": 5433, "db": "conversations",
                                       "username": "rasa", "password": "s3cret"}
    assert result["lock_store"] == {"type": "stores.locks.RedisLockStore", "url": "cache.internal", "port": 6380,
                                    "db": 2, "password": "pw"}
    assert result["action_endpoint"] == {"url": "http://actions.internal/webhook"}
    printed = summary(env)
    assert "PostgreSQL database conversations at db.internal:5433" in printed and "s3cret" not in printed


def test_lock_file_sits_beside_a_sqlite_tracker_store_and_under_var_beside_postgres():
    beside = endpoints({}, {"TRACKER_STORE_URL": "sqlite:////tmp/run-1/conversations.db"})
    assert beside["lock_store"]["url"] == "/tmp/run-1/locks.db"
    assert endpoints({}, {"TRACKER_STORE_URL": POSTGRES})["lock_store"]["url"] == "var/locks.db"
    named = endpoints({}, {"LOCK_STORE_URL": "sqlite:////srv/locks.db"})
    assert named["lock_store"] == {"type": "stores.locks.SQLiteLockStore", "url": "/srv/locks.db"}


@pytest.mark.parametrize("env", [{"TRACKER_STORE_URL": "mysql://x@h/db"}, {"TRACKER_STORE_URL": "not a url"},
                                 {"LOCK_STORE_URL": "http://cache:6379"}, {"LOCK_STORE_URL": "redis://cache:6379/zero"}])
def test_a_wrong_url_is_refused_naming_its_variable(env):
    with pytest.raises(StoreError, match=next(iter(env))):
        endpoints({}, env)


def tracker(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("someone", list(events), Domain.empty().slots)


def test_only_a_turn_that_ran_the_forget_action_is_deleted():
    asked = tracker(UserUttered("delete my data"), ActionExecuted(FORGET_ACTION), BotUttered("Done"),
                    ActionExecuted("action_listen"))
    assert asked_to_forget(asked)
    assert not asked_to_forget(tracker(*asked.events, UserUttered("hello again")))
    assert not asked_to_forget(tracker(UserUttered("hi"), ActionExecuted("utter_greet")))


def test_a_waiting_ticket_goes_ahead_once_no_live_ticket_precedes_it():
    lock = TicketLock("someone")
    crashed = lock.issue_ticket(lifetime=60)
    waiting = lock.issue_ticket(lifetime=60)
    assert ahead_of(lock, waiting) and not ahead_of(lock, crashed)
    lock.tickets[0].expires = lock.tickets[1].expires = 0  # both expired between two polls
    assert not ahead_of(lock, waiting)


def conversation_of(turns: int, last_act: str = "action_describe_role", *extra) -> DialogueStateTracker:
    events = []
    for _ in range(turns):
        events += [UserUttered("what does a PM do?"), ActionExecuted(last_act), BotUttered("…"),
                   ActionExecuted("action_listen")]
    return tracker(*events, *extra)


def test_a_session_is_rolled_after_enough_turns_with_nothing_pending():
    assert due_for_new_session(conversation_of(TURNS_PER_SESSION))
    assert not due_for_new_session(conversation_of(TURNS_PER_SESSION - 1))
    # A question from a response may be answered by a rule that needs it: "yes" to an offer.
    assert not due_for_new_session(conversation_of(TURNS_PER_SESSION, "utter_offer_interest_quiz"))
    mid_turn = conversation_of(TURNS_PER_SESSION)
    mid_turn.update(UserUttered("and their salary?"))
    assert not due_for_new_session(mid_turn)


def test_a_rolled_session_carries_every_slot_over():
    domain = Domain.from_dict({"slots": {"roles": {"type": "list", "mappings": [{"type": "custom"}]},
                                         "attribute": {"type": "text", "mappings": [{"type": "custom"}]}}})
    conversation = DialogueStateTracker.from_events(
        "someone", [UserUttered("how much do PMs earn?"), SlotSet("roles", ["project_manager"]),
                    SlotSet("attribute", "salary"), ActionExecuted("action_listen")], domain.slots)
    for event in new_session_events(conversation):
        conversation.update(event)
    assert conversation.get_slot("roles") == ["project_manager"] and conversation.get_slot("attribute") == "salary"
    assert [type(event).__name__ for event in conversation.applied_events()][-3:] == ["SlotSet", "SlotSet", "ActionExecuted"]
