"""A day of traffic in a few minutes (`make bench-soak`): does memory level off, and what does a conversation cost on disk?

    .venv/bin/python -m bench.soak [--conversations 1000] [--users 10] [--seed 19]

Starts ours (scripts/run.sh, conversations in a temporary SQLite file, as `make run` keeps them), then
`--users` simulated users hold `--conversations` conversations between them, one after the other, each
of 10-20 messages (the long and the short mix of bench/load.py, taken in turn) as fast as replies come.
Prints the Rasa and action servers' resident memory before, at every tenth of the conversations,
after, and its peak; and the tracker store's size per conversation. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from bench import assistants
from bench.common import machine, run_main, stop_on_sigterm
from bench.load import CONVERSATION, SHORT_CONVERSATION, Sample, converse, script, summarize, user_address

MB = 1024 * 1024
SERVERS = ("Rasa server", "action server")


def conversations(count: int, seed: int) -> list[list[str]]:
    """`count` conversations of 10-20 messages, alternating the two mixes."""
    chosen = random.Random(seed)
    return [script(chosen.randint(10, 20), (CONVERSATION, SHORT_CONVERSATION)[n % 2]) for n in range(count)]


async def soak(running: assistants.Running, args: argparse.Namespace) -> tuple[list[Sample], float, list[tuple[int, dict[str, int]]], dict[str, int]]:
    """Holds every conversation; returns the samples, the wall time, memory at each tenth and the peak."""
    pending = list(enumerate(conversations(args.conversations, args.seed)))
    pending.reverse()
    samples: list[Sample] = []
    finished = 0
    milestones: list[tuple[int, dict[str, int]]] = [(0, running.rss())]
    peak = dict(milestones[0][1])
    run = uuid.uuid4().hex[:6]

    def note_memory() -> dict[str, int]:
        now = running.rss()
        for server, size in now.items():
            peak[server] = max(peak.get(server, 0), size)
        return now

    async def user(session: aiohttp.ClientSession, number: int) -> None:
        nonlocal finished
        while pending:
            index, messages = pending.pop()
            await converse(session, running.url, f"soak-{run}-{index}", messages, samples, user_address(number))
            finished += 1
            if finished % max(1, args.conversations // 10) == 0:
                milestones.append((finished, note_memory()))
                print(f"[{time.strftime('%H:%M:%S')}] {finished} conversations", flush=True)

    async def sample_memory(until: asyncio.Event) -> None:
        while not until.is_set():
            note_memory()
            await asyncio.sleep(1)

    done = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(done))
    timeout = aiohttp.ClientTimeout(total=args.timeout)
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=args.users), timeout=timeout) as session:
        await asyncio.gather(*(user(session, number) for number in range(args.users)))
    wall = time.perf_counter() - started
    done.set()
    await sampler
    return samples, wall, milestones, peak


def store_size(database: Path) -> tuple[int, int, int]:
    """(bytes of the database with its write-ahead log, conversations, events) of the tracker store."""
    size = sum(path.stat().st_size for path in database.parent.glob(database.name + "*"))
    with sqlite3.connect(database) as connection:
        stored, events = connection.execute("SELECT COUNT(DISTINCT sender_id), COUNT(*) FROM events").fetchone()
    return size, stored, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--users", type=int, default=10, help="conversations held at once")
    parser.add_argument("--seed", type=int, default=19, help="for the conversations' lengths")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request before it counts as an error")
    args = parser.parse_args()
    stop_on_sigterm()
    print(f"Machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        database = Path(tmp) / "conversations.db"
        # Each simulated user has an address of its own, behind a pretend proxy on loopback.
        env = {"TRACKER_STORE_URL": f"sqlite:///{database}", "TRUSTED_PROXIES": "127.0.0.1"}
        running = assistants.start_ours(Path(tmp) / "ours.log", env)
        try:
            asyncio.run(converse_once(running, args.timeout))
            samples, wall, milestones, peak = asyncio.run(soak(running, args))
            after = running.rss()
        finally:
            running.stop()
        size, stored, events = store_size(database)
    summary = summarize(samples, wall, len(samples))
    print(f"\n{args.conversations} conversations of 10-20 messages, {args.users} at a time: {summary.messages} messages "
          f"in {wall:.0f} s ({summary.per_second:.1f}/s), {summary.errors} errors, p50 {summary.p50 * 1000:.0f} ms, "
          f"p95 {summary.p95 * 1000:.0f} ms\n")
    print(f"{'conversations done':>18} " + " ".join(f"{server + ' RSS, MB':>20}" for server in SERVERS))
    for finished, memory in milestones:
        print(f"{finished:>18} " + " ".join(f"{memory.get(server, 0) / MB:>20.0f}" for server in SERVERS))
    print(f"{'after':>18} " + " ".join(f"{after.get(server, 0) / MB:>20.0f}" for server in SERVERS))
    print(f"{'peak':>18} " + " ".join(f"{peak.get(server, 0) / MB:>20.0f}" for server in SERVERS))
    print(f"\nTracker store (SQLite with its log): {size / MB:.1f} MB for {stored} conversations, {events} events: "
          f"{size / max(stored, 1) / 1024:.1f} kB and {events / max(stored, 1):.0f} events per conversation")


async def converse_once(running: assistants.Running, timeout: float) -> None:
    """One message before the first measurement, so that start-up's lazy loading is not counted as growth."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        await converse(session, running.url, f"soak-warm-up-{uuid.uuid4().hex[:6]}", ["hello"], [])


if __name__ == "__main__":
    run_main(main)
