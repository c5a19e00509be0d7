"""The SQLite lock store that Rasa's worker processes on one machine share: turns taken in order."""
import asyncio
import time

from rasa.utils.endpoints import EndpointConfig

from stores.locks import SQLiteLockStore


def two_workers(tmp_path) -> tuple[SQLiteLockStore, SQLiteLockStore]:
    """Two stores on one file, as two Rasa worker processes have."""
    config = EndpointConfig(url=str(tmp_path / "locks.db"))
    return SQLiteLockStore(config), SQLiteLockStore(config)


def test_a_second_workers_message_waits_for_the_first_to_finish(tmp_path):
    first_worker, second_worker = two_workers(tmp_path)
    order: list[str] = []

    async def handle(store: SQLiteLockStore, message: str, seconds: float) -> None:
        async with store.lock("alice", wait_time_in_seconds=0.05):
            order.append(f"{message} starts")
            await asyncio.sleep(seconds)
            order.append(f"{message} ends")

    async def both() -> None:
        first = asyncio.create_task(handle(first_worker, "hello", 0.3))
        await asyncio.sleep(0.05)  # the first message's ticket is taken first
        await asyncio.gather(first, handle(second_worker, "what does a PM do?", 0))

    asyncio.run(both())
    assert order == ["hello starts", "hello ends", "what does a PM do? starts", "what does a PM do? ends"]
    assert first_worker.get_lock("alice") is None  # nothing left behind once both are served


def test_tickets_from_two_workers_are_never_lost_or_repeated(tmp_path):
    first_worker, second_worker = two_workers(tmp_path)
    tickets = [store.issue_ticket("bob") for store in (first_worker, second_worker) * 5]
    assert tickets == list(range(10))
    assert [ticket.number for ticket in second_worker.get_lock("bob").tickets] == tickets


def test_other_conversations_do_not_wait(tmp_path):
    first_worker, second_worker = two_workers(tmp_path)
    first_worker.issue_ticket("carol")
    ticket = second_worker.issue_ticket("dave")
    assert not second_worker.get_lock("dave").is_locked(ticket)


def issue_many(path: str, count: int) -> list[int]:
    store = SQLiteLockStore(EndpointConfig(url=path))
    return [store.issue_ticket("erin") for _ in range(count)]


def test_workers_issuing_at_the_same_moment_get_distinct_tickets(tmp_path):
    """Each read-modify-write is one transaction: without it, two processes hand out the same number."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=3) as workers:
        results = list(workers.map(issue_many, [str(tmp_path / "locks.db")] * 3, [60] * 3))
    issued = sorted(ticket for tickets in results for ticket in tickets)
    assert issued == list(range(180))


def open_store_at(path: str, moment: float) -> bool:
    time.sleep(max(0.0, moment - time.time()))
    SQLiteLockStore(EndpointConfig(url=path))
    return True


def test_workers_opening_a_new_file_at_the_same_moment_all_start(tmp_path):
    """Switching a new file to WAL fails at once, busy timeout or not, when another process opens it then."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=6) as workers:
        for attempt in range(30):
            moment = time.time() + 0.2
            path = str(tmp_path / f"locks-{attempt}.db")
            assert all(workers.map(open_store_at, [path] * 6, [moment] * 6))
