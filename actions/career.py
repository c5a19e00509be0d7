"""Actions over the whole catalogue and between occupations: lists by pay, preparation or subject; career change."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import CURRENT_SLOT, ROLES_SLOT, RoleAction, SafeAction, choice_buttons, library, listed
from bot import topics
from bot.context import subject_role, subjects_of_a_move
from bot.question import Question
from bot.topics import Topic


class ActionSearchOccupations(SafeAction):
    """"Highest-paying jobs without a four-year degree", "jobs for someone who loves animals": a short list with buttons."""

    def name(self) -> str:
        return "action_search_occupations"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        listing = topics.search(library(), tracker.latest_message.get("text") or "")
        dispatcher.utter_message(text=listing.text, buttons=choice_buttons(tracker, listing.choices, intent="ask_role"))
        return [SlotSet(ROLES_SLOT, [choice.code for choice in listing.choices]), *listed(listing.choices)] if listing.choices else []


class ActionCareerChange(RoleAction):
    """"I'm a nurse, what else could I do?": related occupations with what would change, each a button for its skill gap.

    The person's own occupation is remembered (current_occupation), the related ones become the topics
    under discussion, so "what would I need to learn for the first one?" and "how much do they earn?" work next.
    """

    choose_subject = staticmethod(subject_role)

    def name(self) -> str:
        return "action_career_change"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        subject, events = self.subject(dispatcher, tracker, self.question(tracker))
        if subject is None:
            return events
        current = subject.roles[0]
        listing = topics.career_change(library(), current)
        dispatcher.utter_message(text=listing.text, buttons=choice_buttons(tracker, listing.choices, intent="skill_gap"))
        return [SlotSet(CURRENT_SLOT, current.id), SlotSet(ROLES_SLOT, [choice.code for choice in listing.choices] or [current.id]),
                *listed(listing.choices)]

    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        return topics.career_change(library(), roles[0]).text


class ActionSkillGap(RoleAction):
    """"What would I need to learn for that?": the skills that matter more in the target than in the person's own work."""

    choose_subject = staticmethod(subjects_of_a_move)

    def name(self) -> str:
        return "action_skill_gap"

    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        subject, events = self.subject(dispatcher, tracker, self.question(tracker))
        if subject is None:
            return events
        current_id = tracker.get_slot(CURRENT_SLOT)
        if len(subject.roles) >= 2:
            current, target = subject.roles[0], subject.roles[1]
        elif current_id and library().knows(current_id):
            current, target = library().topic(current_id), subject.roles[0]
        else:
            dispatcher.utter_message(text=topics.ASK_CURRENT_WORK)
            return [SlotSet(ROLES_SLOT, [subject.roles[0].id])]
        dispatcher.utter_message(text=topics.skill_gap(library(), current, target))
        return [SlotSet(CURRENT_SLOT, current.id), SlotSet(ROLES_SLOT, [target.id])]

    def answer(self, roles: list[Topic], question: Question, tracker: Tracker) -> str:
        return ""  # respond() answers: the gap needs the person's own occupation beside the target
