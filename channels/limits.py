"""Fair shares: how fast one sender and one client address may send, and what a channel takes in at all.

Rasa takes one conversation's messages one at a time, so a single sender flooding is mostly felt by
itself; but one address sending under a fresh sender id each time has every message handled, and
stored, as a new conversation. Each channel here checks, before any other work, that the body is one
a client of it could send (size, content type, JSON) and that the sender, and for REST and the widget
the client address, still has a token in its bucket; a refused message is never handed to Rasa, so
nothing of it is stored.

A token bucket per key (`TokenBuckets`): `burst` messages at once, then `per_minute` on average.
Written here rather than taken from a library: `limits`, the well-kept one, needs packaging>=21 from
2.5 on (Rasa 3.6.21 requires packaging<21), and in the 2.4 release that fits, the async in-memory
moving window (marked beta) never forgets a key, which a flood of fresh sender ids turns into a leak.
"""
from __future__ import annotations

import ipaddress
import json
import math
import os
import time
from dataclasses import dataclass
from functools import cache
from itertools import islice
from http import HTTPStatus
from typing import Any, Callable, Iterable, Optional, Union

from rasa.core.channels.channel import UserMessage
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.text import MAX_MESSAGE_CHARS
from channels.guard import MessageHandler
from channels.settings import FairShareSettings, Limit, Network, fair_share_settings

# A body larger than any a client of these channels sends with a message of MAX_MESSAGE_CHARS
# characters (JSON escapes, Slack's blocks beside the text), refused before it is parsed.
MAX_BODY_BYTES = 64 * 1024
SLOW_DOWN = "You're sending messages faster than I can read them, so I skipped some. Please wait a moment, then go on."
TOO_LONG = f"That message is too long for me: please keep it under {MAX_MESSAGE_CHARS:,} characters."

class TokenBuckets:
    """One token bucket per key, in memory bounded by the keys active in the last burst/rate seconds
    (a bucket left alone that long is full again, the same as none) and by `max_keys`."""

    def __init__(self, limit: Limit, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(limit.burst)
        self.per_second = limit.per_minute / 60
        self.max_keys = max_keys
        self.clock = clock
        # key -> (tokens, when counted, refused since its last admitted message); oldest use first
        self._buckets: dict[str, tuple[float, float, bool]] = {}

    def _tokens(self, key: str, now: float) -> tuple[float, bool]:
        tokens, counted, refused = self._buckets.get(key, (self.capacity, now, False))
        return min(self.capacity, tokens + (now - counted) * self.per_second), refused

    def wait(self, key: str) -> float:
        """Seconds until `key` has a token again; 0 when it has one now."""
        tokens, _ = self._tokens(key, self.clock())
        return 0.0 if tokens >= 1 else (1 - tokens) / self.per_second

    def take(self, key: str) -> None:
        """Spends one of `key`'s tokens (the caller has checked `wait`)."""
        now = self.clock()
        tokens, _ = self._tokens(key, now)
        self._store(key, (tokens - 1, now, False), now)

    def refuse(self, key: str) -> bool:
        """Notes a refused message; True for the first since `key` was last admitted."""
        now = self.clock()
        tokens, refused = self._tokens(key, now)
        self._store(key, (tokens, now, True), now)
        return not refused

    def _store(self, key: str, bucket: tuple[float, float, bool], now: float) -> None:
        self._buckets.pop(key, None)
        self._buckets[key] = bucket  # to the end: the dict stays in order of last use
        refilled = self.capacity / self.per_second
        for oldest in list(islice(self._buckets, 2)):  # amortized: each use forgets at most two stale ones
            if len(self._buckets) > self.max_keys or now - self._buckets[oldest][1] >= refilled:
                del self._buckets[oldest]

    def __len__(self) -> int:
        return len(self._buckets)


@dataclass(frozen=True)
class Verdict:
    retry_after: float  # 0 when admitted
    first_refusal: bool  # the first refused since the last admitted: the one to tell the person about

    @property
    def admitted(self) -> bool:
        return self.retry_after == 0

    @property
    def retry_after_header(self) -> str:
        return str(max(1, math.ceil(self.retry_after)))


class FairShare:
    """The sender and address buckets of one Rasa server process, shared by all its channels."""

    def __init__(self, settings: FairShareSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.senders = TokenBuckets(settings.sender, clock=clock)
        self.addresses = TokenBuckets(settings.address, clock=clock)

    def admit(self, sender: Optional[str], address: Optional[str] = None) -> Verdict:
        """Takes a token from the sender's bucket and the address's, or from neither when either is empty."""
        checks = [(buckets, key) for buckets, key in ((self.senders, sender), (self.addresses, address)) if key]
        waits = [(buckets.wait(key), buckets, key) for buckets, key in checks]
        refusals = [(wait, buckets, key) for wait, buckets, key in waits if wait > 0]
        if not refusals:
            for _, buckets, key in waits:
                buckets.take(key)
            return Verdict(0.0, False)
        first = all([buckets.refuse(key) for _, buckets, key in refusals])
        return Verdict(max(wait for wait, _, _ in refusals), first)

    def client_address(self, request: Request) -> str:
        """The socket's peer, or, when that is a trusted proxy, the nearest X-Forwarded-For hop that is not."""
        return client_address(request.ip, request.headers.getall("x-forwarded-for", []), self.settings.trusted_proxies)


def _trusted(address: str, proxies: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(peer: str, forwarded_for: Iterable[str], proxies: tuple[Network, ...]) -> str:
    """Walks X-Forwarded-For from the right (the hop the trusted proxy itself added) for as long as each
    hop is a trusted proxy; the left part of the header is whatever the client chose to write."""
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",") if hop.strip()]
    address = peer
    while hops and _trusted(address, proxies):
        hop = hops.pop()
        try:
            address = str(ipaddress.ip_address(hop))
        except ValueError:  # a garbled hop: the last address known is the client
            break
    return address


@cache
def shared() -> FairShare:
    """The process's fair share, from its environment (checked by channels/settings.py before start-up)."""
    return FairShare(fair_share_settings(os.environ))


def refusal(status: HTTPStatus, reason: str, headers: Optional[dict[str, str]] = None) -> HTTPResponse:
    return response.json({"error": reason}, status=status, headers=headers)


def oversized(request: Request) -> Optional[HTTPResponse]:
    """The 413 for a body larger than MAX_BODY_BYTES, or None."""
    if len(request.body or b"") <= MAX_BODY_BYTES:
        return None
    return refusal(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is larger than {MAX_BODY_BYTES} bytes")


def json_object_body(request: Request) -> Union[dict[str, Any], HTTPResponse]:
    """The request's JSON object, or the 4xx that says why it isn't one."""
    too_large = oversized(request)
    if too_large:
        return too_large
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        return refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json")
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return refusal(HTTPStatus.BAD_REQUEST, "the body is not valid JSON")
    if not isinstance(body, dict):
        return refusal(HTTPStatus.BAD_REQUEST, "the body must be a JSON object")
    return body


def too_long(text: Any) -> bool:
    return isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS


def within_fair_share(on_new_message: MessageHandler, fair_share: FairShare) -> MessageHandler:
    """For channels whose platform retries a failed delivery (Slack, Telegram): a message over the
    sender's share, or too long, is not handled but its delivery succeeds; the person hears about a
    refusal once (until a message is admitted again), and about each message that is too long."""

    async def handle(message: UserMessage) -> Any:
        verdict = fair_share.admit(message.sender_id)
        if not verdict.admitted:
            if verdict.first_refusal:
                await message.output_channel.send_text_message(message.sender_id, SLOW_DOWN)
            return None
        if too_long(message.text):
            await message.output_channel.send_text_message(message.sender_id, TOO_LONG)
            return None
        return await on_new_message(message)

    return handle
