"""Hand-off to a counsellor as a Rasa form: what the person wants help with, how to reach them, their
go-ahead; then the note goes out through delivery/ (bot/handoff.py words it and says what happens next).
"""
from __future__ import annotations

import os
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import SafeAction, offer_a_person_if_stuck
from actions.forms import REQUESTED_SLOT, QuizFormValidation, intent_of
from analytics.markers import HANDOFF_REQUESTED, events_from_dicts, turns
from bot import handoff
from delivery.handoff import HandoffSettings, deliver

SUGGESTION_SLOT = "handoff_suggestion"
REQUEST_SLOT = "handoff_request"
CONTACT_SLOT = "handoff_contact"
CONFIRMED_SLOT = "handoff_confirmed"
FORM_SLOTS = [REQUEST_SLOT, CONTACT_SLOT, CONFIRMED_SLOT]
START_ACTION = "action_start_handoff"
# Intents that leave the form to the rules: cancel, start over, forget me.
LEAVING_INTENTS = {"stop_quiz", "deny", "restart_quiz", "forget_me"}
RECENT_TURNS = 3  # how far back a message the bot could not answer suggests the request


def channel_of(tracker: Tracker) -> Optional[str]:
    return tracker.get_latest_input_channel()


def suggestion(tracker: Tracker) -> Optional[str]:
    """The request suggested from the turns before this hand-off began (the request itself left out)."""
    said = turns(events_from_dicts(tracker.events))[:-1]
    started = [index for index, turn in enumerate(said) if HANDOFF_REQUESTED in turn.markers]
    before = said[:started[-1]] if started else said
    recent = before[-RECENT_TURNS:]
    return handoff.suggested_request([turn.text for turn in recent if turn.missed], [turn.text for turn in before])


def events_before_handoff(tracker: Tracker) -> list[dict[str, Any]]:
    """The conversation up to the start of this hand-off: the form's own exchange is in the note already."""
    starts = [index for index, event in enumerate(tracker.events)
              if event.get("event") == "action" and event.get("name") == START_ACTION]
    return list(tracker.events[:starts[-1]]) if starts else list(tracker.events)


def buttons(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


class ActionStartHandoff(SafeAction):
    """A fresh hand-off (also "start over"): earlier answers forgotten, the request suggested anew."""

    def name(self) -> str:
        return START_ACTION

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        cleared = [SlotSet(slot, None) for slot in [*FORM_SLOTS, REQUESTED_SLOT]]
        return [*cleared, SlotSet(SUGGESTION_SLOT, suggestion(tracker))]


class ActionAskHandoffRequest(SafeAction):
    def name(self) -> str:
        return f"action_ask_{REQUEST_SLOT}"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        suggested = tracker.get_slot(SUGGESTION_SLOT)
        if suggested:
            dispatcher.utter_message(text=f"{handoff.ASK_REQUEST}\n{handoff.SUGGESTION.format(suggestion=suggested)}",
                                     buttons=buttons(("Use that", "/affirm"), ("Cancel", "/stop_quiz")))
        else:
            dispatcher.utter_message(text=handoff.ASK_REQUEST, buttons=buttons(("Cancel", "/stop_quiz")))
        return []


class ActionAskHandoffContact(SafeAction):
    def name(self) -> str:
        return f"action_ask_{CONTACT_SLOT}"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        channel = channel_of(tracker)
        options = [("Reply here", "/affirm")] if handoff.can_reply_here(channel) else []
        dispatcher.utter_message(text=handoff.contact_question(channel), buttons=buttons(*options, ("Cancel", "/stop_quiz")))
        return []


class ActionAskHandoffConfirmed(SafeAction):
    def name(self) -> str:
        return f"action_ask_{CONFIRMED_SLOT}"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        contact = handoff.Contact.from_slot(tracker.get_slot(CONTACT_SLOT) or "", channel_of(tracker))
        dispatcher.utter_message(text=handoff.confirmation(tracker.get_slot(REQUEST_SLOT) or "", contact),
                                 buttons=buttons(("Send", "/affirm"), ("Cancel", "/stop_quiz")))
        return []


class ValidateHandoffForm(QuizFormValidation):
    """Reads the request (typed, or the suggestion taken), the contact (an email address, or "reply
    here" where the channel allows it) and the go-ahead."""

    def name(self) -> str:
        return "validate_handoff_form"

    def slots(self) -> list[str]:
        return FORM_SLOTS

    def is_answer(self, tracker: Tracker) -> bool:
        return intent_of(tracker) not in LEAVING_INTENTS

    def read(self, tracker: Tracker, requested: str | None) -> dict[str, Any]:
        text = tracker.latest_message.get("text") or ""
        affirmed = intent_of(tracker) == "affirm"
        if requested == REQUEST_SLOT:
            suggested = tracker.get_slot(SUGGESTION_SLOT)
            request = suggested if affirmed and suggested else (None if affirmed else handoff.request_from(text))
            return {REQUEST_SLOT: request} if request else {}
        if requested == CONTACT_SLOT:
            email = handoff.email_in(text)
            if email:
                return {CONTACT_SLOT: email}
            if handoff.can_reply_here(channel_of(tracker)) and (affirmed or handoff.asks_for_reply_here(text)):
                return {CONTACT_SLOT: handoff.REPLY_HERE}
            return {}
        if requested == CONFIRMED_SLOT and affirmed:
            return {CONFIRMED_SLOT: True}
        return {}

    def not_understood(self, tracker: Tracker, requested: str) -> str:
        return {CONTACT_SLOT: handoff.NOT_AN_EMAIL, CONFIRMED_SLOT: handoff.NOT_CONFIRMED}.get(requested, handoff.REQUEST_NEEDED)


class ActionSendHandoff(SafeAction):
    """Delivers the confirmed note wherever the operator set up, and says what happens next, or plainly
    that no counsellor is connected, or that delivery failed."""

    def name(self) -> str:
        return "action_send_handoff"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        settings = HandoffSettings.from_env(os.environ)
        cleared: list[EventType] = [SlotSet(slot, None) for slot in [*FORM_SLOTS, SUGGESTION_SLOT]]
        if not settings.destinations:
            dispatcher.utter_message(text=handoff.unavailable(settings.contact_line))
            return cleared
        channel = channel_of(tracker)
        note = handoff.Note(
            request=tracker.get_slot(REQUEST_SLOT) or "",
            contact=handoff.Contact.from_slot(tracker.get_slot(CONTACT_SLOT) or "", channel),
            channel=channel,
            conversation_id=tracker.sender_id,
            transcript=handoff.transcript(events_before_handoff(tracker)),
        )
        delivery = deliver(note, settings.destinations)
        if delivery.delivered:
            dispatcher.utter_message(text=handoff.sent(note, delivery.delivered))
        else:
            dispatcher.utter_message(text=handoff.failed(settings.contact_line))
        return cleared


class ActionOfferHandoff(SafeAction):
    """After the not-understood reply: offers a person when the turn before went unanswered too."""

    def name(self) -> str:
        return "action_offer_handoff"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        offer_a_person_if_stuck(dispatcher, tracker)
        return []
