"""Where conversations and locks go, read from the environment alone (no servers needed)."""
import pytest
from rasa.core.lock import TicketLock
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores import FORGET_ACTION
from stores.locks import ahead_of
from stores.settings import StoreError, endpoints, summary
from stores.tracker import asked_to_forget

POSTGRES = "postgresql://rasa:s3cret@db.internal:5433/conversations"


def test_nothing_set_means_sqlite_under_var_and_in_memory_locks():
    result = endpoints({"action_endpoint": {"url": "http://127.0.0.1:${ACTIONS_PORT}/webhook"}}, {})
    assert result["tracker_store"] == {"type": "stores.tracker.ConversationStore", "dialect": "sqlite",
                                       "db": "var/conversations.db"}
    assert "lock_store" not in result
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
