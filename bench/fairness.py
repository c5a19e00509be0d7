"""Fair shares under a flood (`make bench`): ordinary users' latency and throughput while one client floods.

    .venv/bin/python -m bench.fairness [--users 10] [--messages 30] [--pace 0.75] [--flood-connections 8]

Starts ours (scripts/run.sh, conversations in a temporary SQLite file) behind a pretend proxy: the
bench's requests come from loopback, TRUSTED_PROXIES=127.0.0.1, and each simulated user sends its own
address in X-Forwarded-For. Three phases, each `--users` users holding `--messages`-message
conversations (bench/load.py), each message as soon as the reply to the one before has come and at
least `--pace` seconds after it (a quick clicker):
  1. no flood;
  2. one sender floods from `--flood-connections` connections, as fast as the server answers;
  3. one address floods the same way with a new sender id for every message.
The flood lasts as long as the ordinary users' conversations. The limits (`--per-minute`, `--burst`,
for senders and addresses alike) are set a little above an ordinary user's pace, so that the flood
gets at most one ordinary user's share; the defaults, for people typing, are lower still. Prints
figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import math
import sqlite3
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Callable

import aiohttp

from bench import assistants
from bench.common import machine, run_main, stop_on_sigterm
from bench.load import Summary, drive, script, summarize, user_address

FLOOD_TEXT = "what does a PM do?"
FLOOD_ADDRESS = "192.0.2.66"


async def flood(url: str, connections: int, sender: Callable[[int], str], address: str, until: asyncio.Event) -> Counter:
    """Sends from `connections` connections, each as soon as its last request is answered, until `until` is set.
    Counts the answers by HTTP status (0: no answer)."""
    statuses: Counter = Counter()
    numbers = iter(range(10**9))

    async def one_connection(session: aiohttp.ClientSession) -> None:
        while not until.is_set():
            try:
                body = {"sender": sender(next(numbers)), "message": FLOOD_TEXT}
                async with session.post(url, json=body, headers={"X-Forwarded-For": address}) as response:
                    await response.read()
                    statuses[response.status] += 1
            except (aiohttp.ClientError, asyncio.TimeoutError):
                statuses[0] += 1

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections), timeout=timeout) as session:
        await asyncio.gather(*(one_connection(session) for _ in range(connections)))
    return statuses


async def phase(url: str, args: argparse.Namespace, flooder: Callable[[int], str] | None) -> tuple[Summary, Counter]:
    """The ordinary users' conversations, with a flood from `flooder`'s sender ids alongside when given."""
    done = asyncio.Event()
    flooding = asyncio.create_task(flood(url, args.flood_connections, flooder, FLOOD_ADDRESS, done)) if flooder else None
    try:
        samples, wall = await drive(url, args.users, script(args.messages), args.timeout, args.max_seconds, user_address,
                                    args.pace)
    finally:
        done.set()
    statuses = await flooding if flooding else Counter()
    return summarize(samples, wall, args.users * args.messages), statuses


def conversations_stored(database: Path, prefix: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(DISTINCT sender_id) FROM events WHERE sender_id LIKE ?",
                                  (f"{prefix}%",)).fetchone()[0]


def fmt(value: float, digits: int = 0) -> str:
    return "—" if math.isnan(value) else f"{value:.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10, help="ordinary users")
    parser.add_argument("--messages", type=int, default=30, help="messages per ordinary user and phase")
    parser.add_argument("--pace", type=float, default=0.75, help="least seconds between an ordinary user's messages")
    parser.add_argument("--flood-connections", type=int, default=8)
    parser.add_argument("--per-minute", type=float, default=120, help="LIMIT_SENDER_PER_MINUTE and LIMIT_ADDRESS_PER_MINUTE")
    parser.add_argument("--burst", type=int, default=10, help="LIMIT_SENDER_BURST and LIMIT_ADDRESS_BURST")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request before it counts as an error")
    parser.add_argument("--max-seconds", type=float, default=600, help="time limit of each phase")
    args = parser.parse_args()
    stop_on_sigterm()
    print(f"Machine: {machine()}")
    limits = {"LIMIT_SENDER_PER_MINUTE": f"{args.per_minute:g}", "LIMIT_ADDRESS_PER_MINUTE": f"{args.per_minute:g}",
              "LIMIT_SENDER_BURST": str(args.burst), "LIMIT_ADDRESS_BURST": str(args.burst)}
    print("Limits: " + " ".join(f"{name}={value}" for name, value in limits.items()) + ", TRUSTED_PROXIES=127.0.0.1")
    with tempfile.TemporaryDirectory(prefix="bench-fairness-") as tmp:
        database = Path(tmp) / "conversations.db"
        env = {"TRACKER_STORE_URL": f"sqlite:///{database}", "TRUSTED_PROXIES": "127.0.0.1", **limits}
        running = assistants.start_ours(Path(tmp) / "ours.log", env)
        try:
            asyncio.run(drive(running.url, 1, ["hello"], args.timeout, args.timeout))  # warm up
            run = uuid.uuid4().hex[:6]
            floods: list[tuple[str, Callable[[int], str] | None, str]] = [
                ("no flood", None, ""),
                ("one sender floods", lambda _: f"flood-{run}-sender", f"flood-{run}-sender"),
                ("one address, new sender ids", lambda n: f"flood-{run}-address-{n}", f"flood-{run}-address-"),
            ]
            results = []
            for name, flooder, prefix in floods:
                print(f"[{time.strftime('%H:%M:%S')}] {name}", flush=True)
                summary, statuses = asyncio.run(phase(running.url, args, flooder))
                stored = conversations_stored(database, prefix) if prefix else 0
                results.append((name, summary, statuses, stored))
                time.sleep(60 * args.burst / args.per_minute)  # every bucket full again
        finally:
            running.stop()
    report(results, args)


def report(results: list[tuple[str, Summary, Counter, int]], args: argparse.Namespace) -> None:
    baseline = results[0][1].p95
    print(f"\n{args.users} ordinary users x {args.messages} messages each phase, at least {args.pace:g} s apart; "
          f"flood: {args.flood_connections} connections\n")
    print(f"{'phase':30} {'p50 ms':>7} {'p95 ms':>7} {'msg/s':>6} {'p95÷none':>8} {'refused':>7} "
          f"{'flood sent':>10} {'refused':>8} {'answered':>8} {'flood conversations stored':>26}")
    for name, summary, statuses, stored in results:
        sent = sum(statuses.values())
        print(f"{name:30} {fmt(summary.p50 * 1000):>7} {fmt(summary.p95 * 1000):>7} {fmt(summary.per_second, 1):>6} "
              f"{fmt(summary.p95 / baseline, 2):>8} {summary.limited:>7} {sent:>10} {statuses[429]:>8} "
              f"{statuses[200]:>8} {stored:>26}")
    print("\nrefused: ordinary users' messages refused (429); flood answered: flood messages the server took in and answered.")
    print("Goal: ordinary users' p95 within 1.5x of the phase without a flood.")


if __name__ == "__main__":
    run_main(main)
