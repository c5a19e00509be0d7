"""`make report [FROM=YYYY-MM-DD] [TO=YYYY-MM-DD]`: an HTML page and a short summary of the conversations
in the tracker store the servers use (TRACKER_STORE_URL, as for `make run`); the last 30 days by default."""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from reports.page import render
from reports.report import build, period_bounds, summary
from stores.settings import StoreError, TrackerStore
from stores.tracker import ConversationStore

DEFAULT_DAYS = 30


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-31") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make report", description=__doc__.splitlines()[0])
    today = datetime.now(timezone.utc).date()
    parser.add_argument("--from", dest="start", type=_day, help="first day (UTC), default 30 days before --to")
    parser.add_argument("--to", dest="end", type=_day, default=today, help="last day (UTC), default today")
    parser.add_argument("--out", type=Path, help="the HTML page to write, default var/report-FROM-TO.html")
    args = parser.parse_args(argv)
    start = args.start or args.end - timedelta(days=DEFAULT_DAYS - 1)
    if start > args.end:
        parser.error(f"FROM ({start}) is after TO ({args.end})")
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa's SQLAlchemy 1.4 idioms, not ours to fix
    try:
        store = TrackerStore.reachable_from_env(os.environ)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    conversations = ConversationStore(**store.store_kwargs()).conversations_between(*period_bounds(start, args.end))
    report = build(conversations, start, args.end)
    out = args.out or Path("var") / f"report-{start}-{args.end}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(report), encoding="utf-8")
    print(summary(report, str(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
