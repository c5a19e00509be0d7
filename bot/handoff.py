"""Hand-off to a counsellor: what the person asks for, how to reach them, and the note counsellors get.

The note carries no more than the person saw: their words and the bot's replies (a pressed button
as its title, never its payload), the request and contact they typed, and the channel. Sending it is
delivery/'s job; what the person is told about it is said here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from bot.text import clean_message, is_button_payload

# "Reply here" means a counsellor answers in the same place: Slack, where they can message the person.
REPLY_HERE_CHANNELS = {"slack": "Slack"}
REPLY_HERE = "reply here"
TRANSCRIPT_MESSAGES = 10  # the last messages of the conversation the note carries
MESSAGE_CHARS = 500  # each, cut at a word
REQUEST_CHARS = 500

_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}")
_REPLY_HERE_WORDS = re.compile(r"\b(reply|answer|respond|message me|contact me)\b.*\bhere\b|^here$", re.IGNORECASE)

ASK_REQUEST = "What would you like a counsellor to help you with? A sentence or two is enough."
SUGGESTION = "From our conversation: “{suggestion}”. Use that, or write it in your own words."
ASK_CONTACT_EMAIL = "How can a counsellor reach you? Please type your email address."
ASK_CONTACT_OR_HERE = "How can a counsellor reach you? Type your email address, or choose to get the reply here in {channel}."
REQUEST_NEEDED = "Please write what you'd like help with, in a sentence or two, or say \"stop\"."
NOT_AN_EMAIL = "That doesn't look like an email address (like name@example.com). Please type it again, or say \"stop\"."
CONFIRM = ("I'll pass this on to a counsellor:\n• You'd like help with: {request}\n• They'll reach you: {contact}\n"
           "• With it go the last few messages of our conversation.\nShall I send it?")
# Offered with buttons; typed, "talk to a person" works too (a bare "yes" is read without this context).
OFFER = ("I couldn't answer that either. A counsellor, a real person, may be able to help: press "
         "“Talk to a person”, or just say so.")
OFFER_BUTTONS = (("Talk to a person", "/request_human"), ("No, thanks", "/deny"))
NOT_CONFIRMED = "Please press Send, or say \"stop\" to cancel."
NOTHING_CONFIGURED = "I'm sorry: no counsellor is connected to this chat, so I can't pass your request on, and nothing was sent."
CONTACT_LINE = " You can reach the team yourself: {contact}"
SENT = "Done: your note is with the counsellors ({destinations}). {next_step}"
NEXT_STEP_EMAIL = "A counsellor will write to you at {email}."
NEXT_STEP_HERE = "A counsellor will reply to you here in {channel}."
FAILED = "Sorry, I couldn't pass your note on just now, so it has not reached a counsellor. Please try again later."


@dataclass(frozen=True)
class Line:
    """One message of the conversation as the person saw it."""

    speaker: str  # "person" or "bot"
    text: str


@dataclass(frozen=True)
class Contact:
    """An email address, or a reply in the channel the person writes from."""

    email: Optional[str] = None
    channel: Optional[str] = None

    def describe(self) -> str:
        return self.email if self.email else f"a reply here in {REPLY_HERE_CHANNELS.get(self.channel or '', self.channel)}"

    @classmethod
    def from_slot(cls, value: str, channel: Optional[str]) -> "Contact":
        return cls(channel=channel) if value == REPLY_HERE else cls(email=value)


@dataclass(frozen=True)
class Note:
    """What counsellors receive."""

    request: str
    contact: Contact
    channel: Optional[str]
    conversation_id: str
    transcript: tuple[Line, ...]

    @property
    def subject(self) -> str:
        return f"Career advisor: a person asks for a counsellor ({self.contact.describe()})"

    def text(self) -> str:
        reach = f"Email: {self.contact.email}" if self.contact.email else self._reply_here()
        lines = [f"Help wanted with: {self.request}", reach, f"Channel: {self.channel or 'unknown'}", "",
                 "The last messages of the conversation:"]
        lines += [f"{'Person' if line.speaker == 'person' else 'Bot'}: {line.text}" for line in self.transcript]
        return "\n".join(lines)

    def _reply_here(self) -> str:
        if self.channel == "slack":  # a mention: a counsellor can message the person from it
            return f"Reply to them in Slack: <@{self.conversation_id}>"
        return f"Reply in {self.channel}, conversation {self.conversation_id}"


def _shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def email_in(text: str) -> Optional[str]:
    """The email address a message gives, if it gives exactly one."""
    found = _EMAIL.findall(clean_message(text))
    return found[0] if len(found) == 1 else None


def can_reply_here(channel: Optional[str]) -> bool:
    return channel in REPLY_HERE_CHANNELS


def asks_for_reply_here(text: str) -> bool:
    return bool(_REPLY_HERE_WORDS.search(clean_message(text)))


def request_from(text: str) -> Optional[str]:
    """A typed request, cleaned and bounded; None when nothing is left of it."""
    if is_button_payload(text):
        return None
    request = _shortened(clean_message(text), REQUEST_CHARS)
    return request or None


def transcript(events: Iterable[dict[str, Any]], limit: int = TRANSCRIPT_MESSAGES) -> tuple[Line, ...]:
    """The last `limit` messages, from Rasa's events in their JSON form: what each side wrote, as shown."""
    lines: list[Line] = []
    buttons: dict[str, str] = {}  # the payloads of the latest buttons shown, to their titles
    for event in events:
        kind, text = event.get("event"), event.get("text") or ""
        if kind == "bot":
            buttons = {button.get("payload", ""): button.get("title", "")
                       for button in (event.get("data") or {}).get("buttons") or []}
            if text:
                lines.append(Line("bot", _shortened(text, MESSAGE_CHARS)))
        elif kind == "user" and text:
            shown = buttons.get(text) if is_button_payload(text) else clean_message(text)
            if shown:
                lines.append(Line("person", _shortened(shown, MESSAGE_CHARS)))
    return tuple(lines[-limit:])


def suggested_request(missed: Sequence[str], earlier: Sequence[str]) -> Optional[str]:
    """What the person probably wants help with: the messages the bot could not answer, else the
    last thing they asked before asking for a person."""
    typed = [text for text in missed if not is_button_payload(text)] or \
            [text for text in earlier[-1:] if not is_button_payload(text)]
    return request_from(" / ".join(typed[-2:])) if typed else None


def contact_question(channel: Optional[str]) -> str:
    if can_reply_here(channel):
        return ASK_CONTACT_OR_HERE.format(channel=REPLY_HERE_CHANNELS[channel or ""])
    return ASK_CONTACT_EMAIL


def confirmation(request: str, contact: Contact) -> str:
    return CONFIRM.format(request=request, contact=contact.describe())


def unavailable(contact_line: Optional[str]) -> str:
    """Nothing configured: said plainly, with the operator's contact line if there is one."""
    return NOTHING_CONFIGURED + (CONTACT_LINE.format(contact=contact_line) if contact_line else "")


def sent(note: Note, destinations: Sequence[str]) -> str:
    if note.contact.email:
        next_step = NEXT_STEP_EMAIL.format(email=note.contact.email)
    else:
        next_step = NEXT_STEP_HERE.format(channel=REPLY_HERE_CHANNELS.get(note.channel or "", note.channel))
    return SENT.format(destinations=" and ".join(destinations), next_step=next_step)


def failed(contact_line: Optional[str]) -> str:
    return FAILED + (CONTACT_LINE.format(contact=contact_line) if contact_line else "")
