"""Simulated users over Rasa's REST channel: one conversation driver for any assistant, and its figures."""
from __future__ import annotations

import asyncio
import math
import statistics
import time
import uuid
from dataclasses import dataclass
from itertools import cycle, islice
from typing import Callable, Optional, Sequence

import aiohttp

# One realistic conversation with the career advisor, from the end-to-end tests' phrasings: questions,
# follow-ups that lean on context, comparisons, then the whole quiz and its follow-ups. Users who send
# more messages than this go round again (a second quiz starts over, as a person might).
CONVERSATION: tuple[str, ...] = (
    "hello there",
    "what does a PM do?",
    "how much do they earn?",
    "and implementation specialists?",
    "what qualifications do they need?",
    "which pays more, a project manager or an implementation specialist?",
    "how much more?",
    "what's the difference between a project manager and a technical expert?",
    "how much does a technical expert make?",
    "which is more technical?",
    "what skills do a PM and a technical expert have in common?",
    "which career is right for me?",
    "yes, i love it",
    "not really",
    "no",
    "nope",
    "not much",
    '/choose_preparation{"preparation": "neither"}',
    "why?",
    "what about the others?",
    "tell me more about it",
    "how do I get there?",
    "where does your information come from?",
    "how much does a registered nurse make?",
    "which pays more, a data scientist or an economist?",
    "what training do electricians need?",
    "thanks, bye",
)
# A short conversation, as an independent run measured people hold them: questions about any
# occupation, follow-ups, a comparison on another attribute, a list, and the start of the quiz. Stock
# Rasa slows as a conversation grows and ours does not, so both lengths are measured (bench/performance.py).
SHORT_CONVERSATION: tuple[str, ...] = (
    "hi",
    "what does a registered nurse do?",
    "how much do they make an hour?",
    "and pharmacists?",
    "which pays more, a nurse or a pharmacist?",
    "which one needs more education?",
    "what software do accountants use?",
    "i'm an economist, what else could i do?",
    "highest paying jobs without a four-year degree",
    "which career is right for me?",
    "yes, i love it",
    "not really",
)
# The question asked around each measured place of the long conversation, so that message 1, 50 and
# 150 differ only in how much conversation came before them; a quiz under way is stopped first, so
# that no probe is answered mid-quiz.
PROBE = "what does a PM do?"
BEFORE_PROBE = "stop the quiz"


@dataclass(frozen=True)
class Sample:
    position: int  # the message's place in its conversation, from 1
    seconds: float
    ok: bool  # HTTP 200 with a JSON list; False for errors, timeouts and refused connections
    empty: bool  # answered, but with no message at all
    limited: bool = False  # refused with 429, over a fair share (channels/limits.py)


@dataclass(frozen=True)
class Summary:
    messages: int
    errors: int
    empty: int
    limited: int  # of the errors, refused with 429
    unsent: int  # not sent because the time limit ran out
    wall_seconds: float
    p50: float
    p95: float
    p99: float
    mean: float

    @property
    def per_second(self) -> float:
        return (self.messages - self.errors) / self.wall_seconds if self.wall_seconds else 0.0


def script(messages: int, conversation: Sequence[str] = CONVERSATION) -> list[str]:
    return list(islice(cycle(conversation), messages))


def long_script(messages: int, checkpoints: Sequence[int], window: int = 2) -> list[str]:
    """The conversation, with PROBE at each checkpoint and `window` messages either side of it."""
    probed = {p for checkpoint in checkpoints for p in range(checkpoint - window, checkpoint + window + 1)}
    texts = script(messages)
    for position in range(1, messages + 1):
        if position in probed:
            texts[position - 1] = PROBE
        elif position + 1 in probed:
            texts[position - 1] = BEFORE_PROBE
    return texts


async def send(session: aiohttp.ClientSession, url: str, sender: str, text: str, position: int,
               address: Optional[str] = None) -> Sample:
    """One message; `address` is sent as X-Forwarded-For, as a proxy in front of the server would."""
    started = time.perf_counter()
    status = None
    headers = {"X-Forwarded-For": address} if address else None
    try:
        async with session.post(url, json={"sender": sender, "message": text}, headers=headers) as response:
            status = response.status
            replies = await response.json(content_type=None) if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        replies = None
    seconds = time.perf_counter() - started
    ok = isinstance(replies, list)
    return Sample(position, seconds, ok, ok and not replies, status == 429)


async def converse(session: aiohttp.ClientSession, url: str, sender: str, messages: Sequence[str],
                   samples: list[Sample], address: Optional[str] = None, pace: float = 0) -> None:
    """One user: each message waits for the reply to the one before, as in a chat window, and comes at
    least `pace` seconds after the one before."""
    for position, text in enumerate(messages, start=1):
        sample = await send(session, url, sender, text, position, address)
        samples.append(sample)
        await asyncio.sleep(pace - sample.seconds)


def user_address(user: int) -> str:
    """A client address of its own for simulated user `user`, as a proxy would forward it."""
    return f"10.0.{user // 250}.{user % 250 + 1}"


async def drive(url: str, users: int, messages: Sequence[str], timeout: float, max_seconds: float,
                address: Callable[[int], Optional[str]] = lambda _: None, pace: float = 0) -> tuple[list[Sample], float]:
    """`users` concurrent conversations, each sending `messages` (from `address(user)` when it gives one,
    at least `pace` seconds apart); stops sending after `max_seconds`."""
    samples: list[Sample] = []
    run = uuid.uuid4().hex[:8]
    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        started = time.perf_counter()
        tasks = [asyncio.create_task(converse(session, url, f"bench-{run}-{user}", messages, samples, address(user), pace))
                 for user in range(users)]
        done, pending = await asyncio.wait(tasks, timeout=max_seconds)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        wall = time.perf_counter() - started
    for task in done:
        task.result()  # a bug in the driver itself should not pass silently
    return samples, wall


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile; NaN when there is nothing to rank."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(samples: Sequence[Sample], wall_seconds: float, planned: int) -> Summary:
    latencies = sorted(s.seconds for s in samples if s.ok)
    return Summary(
        messages=len(samples),
        errors=sum(not s.ok for s in samples),
        empty=sum(s.empty for s in samples),
        limited=sum(s.limited for s in samples),
        unsent=planned - len(samples),
        wall_seconds=wall_seconds,
        p50=percentile(latencies, 0.50),
        p95=percentile(latencies, 0.95),
        p99=percentile(latencies, 0.99),
        mean=statistics.fmean(latencies) if latencies else float("nan"),
    )


def latency_at(samples: Sequence[Sample], position: int, window: int = 2) -> tuple[float, float]:
    """The latency of message `position` of one conversation, and the median of it and its `window` neighbours each side."""
    by_position = {s.position: s.seconds for s in samples if s.ok}
    around = [by_position[p] for p in range(position - window, position + window + 1) if p in by_position]
    return by_position.get(position, float("nan")), statistics.median(around) if around else float("nan")
