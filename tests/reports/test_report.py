"""What `make report` counts, from conversations stored by the real tracker store (SQLite here; PostgreSQL
and conversations driven through the real servers in tests/persistence/test_report.py)."""
from __future__ import annotations

import asyncio
from datetime import date, datetime, timezone

from rasa.core.evaluation.marker_base import Marker
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from analytics import markers
from reports.page import render
from reports.report import build, mask, period_bounds
from serving.local import REPO
from stores.tracker import ConversationStore

DAY = date(2025, 3, 14)
NOON = datetime(2025, 3, 14, 12, tzinfo=timezone.utc).timestamp()


def test_every_marker_names_an_intent_action_or_slot_of_the_domain():
    """Rasa's own check: a marker naming nothing real would count nothing, silently."""
    assert Marker.from_path(markers.MARKERS_FILE).validate_against_domain(Domain.load(str(REPO / "domain.yml")))


def test_emails_and_phone_numbers_are_masked_but_pay_figures_are_not():
    assert mask("mail jo.smith@example.co.uk or call +44 20 7946 0958") == "mail [email] or call [phone]"
    assert mask("call (555) 010-0199 today") == "call [phone] today"
    assert mask("is $55,000 a good salary in 2024?") == "is $55,000 a good salary in 2024?"


def said(text: str, intent: str, *after: Event, channel: str = "rest", at: float = NOON) -> list[Event]:
    """One turn: the message, then what the bot did."""
    return [UserUttered(text, {"name": intent}, timestamp=at, input_channel=channel),
            *after, BotUttered("…", timestamp=at), ActionExecuted("action_listen", timestamp=at)]


def not_understood() -> list[Event]:
    return [ActionExecuted("utter_not_understood", timestamp=NOON), ActionExecuted("action_list_capabilities", timestamp=NOON)]


def unknown(job: str) -> list[Event]:
    return [ActionExecuted("action_describe_role", timestamp=NOON), SlotSet("unknown_occupation", job, timestamp=NOON),
            SlotSet("unknown_occupation", None, timestamp=NOON)]


def asked(slot: str) -> list[Event]:
    return [ActionExecuted("career_quiz_form", timestamp=NOON), SlotSet("requested_slot", slot, timestamp=NOON)]


CONVERSATIONS: dict[str, list[Event]] = {
    "misses": [*said("blorp zang", "nlu_fallback", *not_understood()), *said("What does a dragon tamer do?", "ask_role", *unknown("dragon tamer")),
               *said("what does a dragon tamer do", "ask_role", *unknown("dragon tamer")),
               *said("reach me at jo@example.com", "nlu_fallback", *not_understood(), channel="socketio")],
    "quiz left at people": [*said("which career fits me?", "ask_recommendation", ActionExecuted("action_start_quiz", timestamp=NOON),
                                  *asked("quiz_technical")),
                            *said("yes", "affirm", *asked("quiz_planning")),
                            *said("hm dunno", "nlu_fallback", *asked("quiz_planning")),  # asked again: no miss
                            *said("kind of", "answer_somewhat", *asked("quiz_people")),
                            *said("stop", "stop_quiz")],
    "quiz started over": [*said("help me choose", "ask_recommendation", ActionExecuted("action_start_quiz", timestamp=NOON),
                                *asked("quiz_technical")),
                          *said("start over", "restart_quiz", ActionExecuted("action_restart_quiz", timestamp=NOON), *asked("quiz_technical"))],
    "hand-off": [*said("can a human help me?", "request_human", ActionExecuted("action_start_handoff", timestamp=NOON)),
                 *said("/affirm", "affirm", ActionExecuted("action_send_handoff", timestamp=NOON))],
    "last week": [*said("blorp zang", "nlu_fallback", at=NOON - 7 * 86400)],
}


def stored(database: str) -> ConversationStore:
    store = ConversationStore(domain=Domain.empty(), dialect="sqlite", db=database)
    for sender, events in CONVERSATIONS.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    return store


def test_the_report_counts_by_the_markers_from_the_stored_conversations(tmp_path):
    store = stored(str(tmp_path / "conversations.db"))
    asyncio.run(store.delete("hand-off"))  # forgotten: gone from the report too
    report = build(store.conversations_between(*period_bounds(DAY, DAY)), DAY, DAY)

    assert report.conversations == 3 and report.messages == 11  # last week's conversation is outside the period
    assert report.per_day == {"2025-03-14": (3, 11)}
    assert report.per_channel == {"rest": (3, 10), "socketio": (1, 1)}
    assert report.missed == 4
    assert report.misses == [("unknown occupation", "What does a dragon tamer do?", 2),
                             ("fell back", "blorp zang", 1), ("fell back", "reach me at [email]", 1)]
    career = report.quizzes["Career quiz"]
    assert (career.started, career.finished, dict(career.stopped_at)) == (3, 0, {"quiz_people": 1, "quiz_technical": 1})
    assert (report.handoffs_requested, report.handoffs_sent) == (0, 0)
    assert ("ask_recommendation", 2) in report.intents

    page = render(report)
    assert "reach me at [email]" in page and "jo@example.com" not in page
    assert "<td>What does a dragon tamer do?</td><td>unknown occupation</td><td class=\"n\">2</td>" in page


def test_hand_offs_asked_for_and_sent_are_counted(tmp_path):
    store = stored(str(tmp_path / "conversations.db"))
    report = build(store.conversations_between(*period_bounds(DAY, DAY)), DAY, DAY)
    assert (report.handoffs_requested, report.handoffs_sent) == (1, 1)
