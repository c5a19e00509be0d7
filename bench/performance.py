"""Speed, load and memory of the career advisor, side by side with the stock `rasa init` assistant (`make bench`).

    .venv/bin/python -m bench.performance [--users 10] [--messages 30] [--long 150] [--no-train] [--no-stock]
                                          [--stock-trainings 3]

For each assistant, in turn (never both at once, so they don't share the CPUs): train it in a
temporary folder with a cold cache (ours: config.yml, domain.yml and data/ into a temporary folder,
models/ untouched; stock: `rasa init --no-prompt`), start it (ours through scripts/run.sh, as
`make run` does), send one message, then `--users` simulated users each hold a conversation of
`--messages` messages over the REST channel (bench/load.py: questions, comparisons, follow-ups and
the whole quiz, the same messages for both assistants), then the same users with short conversations
(`--short` messages: questions, follow-ups, the start of the quiz), then one conversation of `--long`
messages, then stop it. Both mixes are printed side by side: stock Rasa slows as a conversation
grows and ours does not, so either alone tells half the truth. Ours serves models/career-advisor.tar.gz, the model `make run` serves, and keeps
conversations in SQLite as `make run` does, in a temporary file (not var/conversations.db).
The stock assistant is trained and measured `--stock-trainings` times (each training gives a
different DIET and TED, and their speed differed by 40% between trainings): its column is the
median of each figure, followed by every training's.

Prints the figures and ours ÷ stock. Loopback only; every request has a timeout and each load phase a
time limit; every server started is stopped at the end, on an error and on Ctrl-C or SIGTERM.
Prints figures, asserts nothing (docs/performance.md).
"""
from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

from bench import assistants
from bench.common import REPO, machine, run_main, stop_on_sigterm
from bench.load import PROBE, SHORT_CONVERSATION, Sample, Summary, drive, latency_at, long_script, script, summarize

MB = 1024 * 1024
T = TypeVar("T")


@dataclass
class Figures:
    train_seconds: float | None = None
    model_bytes: int | None = None
    startup_seconds: float | None = None
    first_reply_seconds: float | None = None
    load: Summary | None = None
    short: Summary | None = None
    long: list[Sample] = field(default_factory=list)
    rss: dict[str, int] = field(default_factory=dict)
    pss: dict[str, int] = field(default_factory=dict)
    cpu_ms_per_message: dict[str, float] = field(default_factory=dict)  # during the load


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def attempt(what: str, step: Callable[[], T]) -> T | None:
    """Runs one step; a failure is reported and leaves its figures unmeasured, and the run goes on."""
    try:
        return step()
    except Exception as error:  # noqa: BLE001 - the figures of the other steps are still worth printing
        log(f"{what} failed, its figures stay unmeasured: {error}")
        return None


def measure(start: Callable[[], assistants.Running], figures: Figures, args: argparse.Namespace) -> None:
    """Starts an assistant, puts it under load, reads its memory, and stops it whatever happens."""
    running = start()
    try:
        figures.startup_seconds = running.startup_seconds
        log(f"up in {running.startup_seconds:.1f} s; first message")
        first, _ = asyncio.run(drive(running.url, 1, ["hello"], args.timeout, args.timeout))
        figures.first_reply_seconds = first[0].seconds if first and first[0].ok else None
        log(f"{args.users} users x {args.messages} messages")
        cpu_before = running.cpu_seconds()
        samples, wall = asyncio.run(drive(running.url, args.users, script(args.messages), args.timeout, args.max_seconds))
        figures.load = summarize(samples, wall, args.users * args.messages)
        answered = sum(sample.ok for sample in samples)
        figures.cpu_ms_per_message = {server: (seconds - cpu_before[server]) * 1000 / answered
                                      for server, seconds in running.cpu_seconds().items()
                                      if server in cpu_before and answered}
        log(f"{args.users} users x {args.short} messages (short conversations)")
        short = script(args.short, SHORT_CONVERSATION)
        samples, wall = asyncio.run(drive(running.url, args.users, short, args.timeout, args.max_seconds))
        figures.short = summarize(samples, wall, args.users * args.short)
        log(f"one conversation of {args.long} messages")
        long = long_script(args.long, checkpoints(args))
        figures.long, _ = asyncio.run(drive(running.url, 1, long, args.timeout, args.max_seconds))
        figures.rss = running.peak_rss()
        figures.pss = running.pss()
    finally:
        running.stop()


def fmt(value: float | None, digits: int) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def ratio(ours: float | None, stock: float | None) -> str:
    if ours is None or stock is None or math.isnan(ours) or math.isnan(stock) or stock == 0:
        return "—"
    return f"{ours / stock:.2f}"


def checkpoints(args: argparse.Namespace) -> list[int]:
    return sorted({p for p in (1, 50, 150, args.long) if p <= args.long})


def rows(args: argparse.Namespace) -> list[tuple[str, Callable[[Figures], float | None], int]]:
    def load(attr: str, scale: float = 1.0, mix: str = "load") -> Callable[[Figures], float | None]:
        return lambda f: None if getattr(f, mix) is None else getattr(getattr(f, mix), attr) * scale

    table: list[tuple[str, Callable[[Figures], float | None], int]] = [
        ("training time, s", lambda f: f.train_seconds, 0),
        ("model size, MB", lambda f: None if f.model_bytes is None else f.model_bytes / MB, 1),
        ("start-up time, s", lambda f: f.startup_seconds, 1),
        ("first reply after start-up, ms", lambda f: None if f.first_reply_seconds is None else f.first_reply_seconds * 1000, 0),
        (f"long mix ({args.users} users x {args.messages}): messages sent", load("messages"), 0),
        ("  errors (HTTP, timeout, refused)", load("errors"), 0),
        ("  empty replies", load("empty"), 0),
        ("  not sent (time limit)", load("unsent"), 0),
        ("  throughput, messages/s", load("per_second"), 1),
        ("  latency p50, ms", load("p50", 1000), 0),
        ("  latency p95, ms", load("p95", 1000), 0),
        ("  latency p99, ms", load("p99", 1000), 0),
        ("  latency mean, ms", load("mean", 1000), 0),
        (f"short mix ({args.users} users x {args.short}): errors", load("errors", mix="short"), 0),
        ("  throughput, messages/s", load("per_second", mix="short"), 1),
        ("  latency p50, ms", load("p50", 1000, "short"), 0),
        ("  latency p95, ms", load("p95", 1000, "short"), 0),
        ("  latency p99, ms", load("p99", 1000, "short"), 0),
    ]
    for server in ("Rasa server", "action server"):
        table.append((f"CPU per message, {server}, ms", lambda f, s=server: f.cpu_ms_per_message.get(s), 1))
    for server in ("Rasa server", "action server"):
        table.append((f"peak RSS {server}, MB", lambda f, s=server: f.rss[s] / MB if s in f.rss else None, 0))
        table.append(("  PSS after the load, MB", lambda f, s=server: f.pss[s] / MB if s in f.pss else None, 0))
    positions = checkpoints(args)
    for position in positions:
        table.append((f"long conversation: message {position}, ms",
                      lambda f, p=position: latency_at(f.long, p)[0] * 1000 if f.long else None, 0))
        table.append((f"  median of messages {position}±2, ms",
                      lambda f, p=position: latency_at(f.long, p)[1] * 1000 if f.long else None, 0))
    last = positions[-1]
    table.append((f"  message {last} ÷ message 1 (medians)",
                  lambda f: latency_at(f.long, last)[1] / latency_at(f.long, 1)[1] if f.long else None, 2))
    return table


def median_of(values: list[float | None]) -> float | None:
    measured = [value for value in values if value is not None and not math.isnan(value)]
    return statistics.median(measured) if measured else None


def report(ours: Figures, stocks: list[Figures], args: argparse.Namespace) -> None:
    print(f"\n{'figure':40} {'ours':>10} {'stock':>10} {'ours÷stock':>11}   stock, each training")
    for label, get, digits in rows(args):
        stock = median_of([get(figures) for figures in stocks])
        each = " / ".join(fmt(get(figures), digits) for figures in stocks) if len(stocks) > 1 else ""
        print(f"{label:40} {fmt(get(ours), digits):>10} {fmt(stock, digits):>10} {ratio(get(ours), stock):>11}   {each}")
    print("\n— : not measured in this run (skipped, failed, or not applicable: the stock assistant has no action server).")
    print("stock: the median over the stock assistant's trainings (each figure on its own); `rasa init` trains DIET "
          "and TED without a fixed seed, and what it does with the load changes from one training to the next.")
    print("CPU per message: CPU time the server's processes used during the load ÷ messages answered; it depends "
          "much less than wall time on what else the machine runs.")
    print("RSS: resident memory summed over a server's processes (workers share pages, so this counts them once per "
          "process); PSS: the same with each shared page split between its sharers, the machine's actual cost.")
    print(f"Long conversation: messages at and ±2 around 1, 50 and {args.long} are all {PROBE!r}; the rest is the load's conversation.")


def parse_env(pairs: list[str]) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10, help="concurrent simulated users")
    parser.add_argument("--messages", type=int, default=30, help="messages per user")
    parser.add_argument("--short", type=int, default=len(SHORT_CONVERSATION), help="messages per user in the short mix")
    parser.add_argument("--long", type=int, default=150, help="messages in the one long conversation")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per request before it counts as an error")
    parser.add_argument("--max-seconds", type=float, default=600, help="time limit of each load phase")
    parser.add_argument("--no-train", action="store_true", help="don't time training ours")
    parser.add_argument("--no-stock", action="store_true", help="don't measure the stock assistant")
    parser.add_argument("--stock-trainings", type=int, default=3,
                        help="stock assistants trained and measured one after the other; the stock column is their median")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE",
                        help="environment for our servers only (e.g. TF_INTRA_OP_PARALLELISM_THREADS=1), repeatable")
    args = parser.parse_args()
    stop_on_sigterm()
    print(f"Machine: {machine()}")
    ours = Figures()
    ours.model_bytes = (REPO / "models" / "career-advisor.tar.gz").stat().st_size
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        if not args.no_train:
            log("training ours (temporary folder, cold cache)")
            ours.train_seconds = attempt("training ours", lambda: assistants.train_ours(work)[0])
        log("starting ours (scripts/run.sh)")
        # Conversations in SQLite as `make run` keeps them, but in a file of the run's own, not var/.
        env = {"TRACKER_STORE_URL": f"sqlite:///{work / 'conversations.db'}", **parse_env(args.env)}
        attempt("measuring ours", lambda: measure(lambda: assistants.start_ours(work / "ours.log", env), ours, args))
        trainings = 0 if args.no_stock else args.stock_trainings
        stocks = [measure_stock(work / f"stock-{index}", f"{index} of {trainings}", args) for index in range(1, trainings + 1)]
    print(f"Load average after: {machine().rsplit('load average ', 1)[1]}")
    report(ours, stocks, args)


def measure_stock(work: Path, which: str, args: argparse.Namespace) -> Figures:
    """Trains the stock assistant afresh in `work` (`rasa init`), then measures it as ours is measured."""
    stock = Figures()
    work.mkdir()
    log(f"rasa init --no-prompt (scaffolds and trains the stock assistant, training {which})")
    stock_project = attempt("rasa init", lambda: assistants.init_stock(work))
    if stock_project:
        stock.train_seconds, project, model = stock_project
        stock.model_bytes = model.stat().st_size
        log("starting stock")
        attempt("measuring stock", lambda: measure(lambda: assistants.start_stock(project, model, work / "stock.log"), stock, args))
    return stock


if __name__ == "__main__":
    run_main(main)
