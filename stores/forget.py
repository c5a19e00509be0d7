"""`make forget SENDER=<id>`: an operator deletes one person's conversation from the tracker store.

It uses the same environment as `make run` (TRACKER_STORE_URL), so it deletes from the store the
servers use; it works while they run.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import warnings

from stores.settings import StoreError, TrackerStore
from stores.tracker import ConversationStore


async def forget(store: TrackerStore, sender_id: str) -> int:
    """Deletes the conversation; returns how many events it had."""
    return await ConversationStore(**store.store_kwargs()).delete(sender_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sender", help="the conversation id (the sender id channels give Rasa)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa's SQLAlchemy 1.4 idioms, not ours to fix
    if not args.sender.strip():
        parser.error("the conversation id is empty")
    try:
        store = TrackerStore.reachable_from_env(os.environ)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    deleted = asyncio.run(forget(store, args.sender))
    if deleted:
        print(f"Deleted conversation {args.sender!r} ({deleted} events) from the {store.description}.")
    else:
        print(f"No conversation {args.sender!r} in the {store.description}; nothing deleted.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
