"""Where conversations and locks live, decided from the environment alone, written as Rasa's endpoints file.

One machine needs nothing set: conversations go to a SQLite file under var/. Several Rasa servers
behind a balancer share one PostgreSQL tracker store (TRACKER_STORE_URL) and one Redis lock store
(LOCK_STORE_URL), and may call a balanced pool of action servers (ACTION_ENDPOINT_URL). Before any
server starts, both stores are tried, so an unreachable one is named at once: Rasa itself would
retry a database forever, or fall back to memory and lose every conversation on restart.
"""
from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Optional, Union
from urllib.parse import urlsplit

import redis
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url

from serving.settings_file import write_settings

DEFAULT_TRACKER_STORE_URL = "sqlite:///var/conversations.db"
TRACKER_STORE_CLASS = "stores.tracker.ConversationStore"
REDIS_LOCK_STORE_CLASS = "stores.locks.RedisLockStore"
FILE_LOCK_STORE_CLASS = "stores.locks.SQLiteLockStore"
LOCK_FILE_NAME = "locks.db"
DIALECTS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CONNECT_TIMEOUT_SECONDS = 5


class StoreError(ValueError):
    """A store that is misconfigured or unreachable, with a message naming it."""


@dataclass(frozen=True)
class TrackerStore:
    """The SQL database conversations are kept in."""

    url: URL

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "TrackerStore":
        raw = env.get("TRACKER_STORE_URL") or DEFAULT_TRACKER_STORE_URL
        try:
            url = make_url(raw)
        except sa.exc.ArgumentError as error:
            raise StoreError(f"TRACKER_STORE_URL is not a database URL: {error}") from None
        if url.get_backend_name() not in DIALECTS:
            raise StoreError(f"TRACKER_STORE_URL must start with sqlite:// or postgresql://, not {url.drivername}://")
        return cls(url)

    @property
    def description(self) -> str:
        """Where conversations are, for people: no password."""
        if self.url.get_backend_name() == "sqlite":
            return f"SQLite file {self.url.database}"
        return f"PostgreSQL database {self.url.database} at {self.url.host}:{self.url.port or 5432}"

    def store_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of Rasa's SQLTrackerStore (and ConversationStore)."""
        kwargs = {
            "dialect": self.url.drivername,
            "host": self.url.host,
            "port": self.url.port,
            "db": self.url.database,
            "username": self.url.username,
            "password": self.url.password,
            "query": dict(self.url.query) or None,
        }
        return {key: value for key, value in kwargs.items() if value is not None}

    def endpoint(self) -> dict[str, Any]:
        kwargs = self.store_kwargs()
        host = kwargs.pop("host", None)
        return {"type": TRACKER_STORE_CLASS, **({"url": host} if host else {}), **kwargs}

    @classmethod
    def reachable_from_env(cls, env: Mapping[str, str]) -> "TrackerStore":
        """The configured store, once it answers; for the operator's commands (`make forget`, `make report`)."""
        store = cls.from_env(env)
        store.check()
        return store

    def check(self) -> None:
        if self.url.get_backend_name() == "sqlite":
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            connect_args: dict[str, Any] = {}
        else:
            connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
        engine = sa.create_engine(self.url, connect_args=connect_args)
        try:
            with engine.connect():
                pass
        except sa.exc.SQLAlchemyError as error:
            reason = str(error.orig or error).strip().splitlines()[0]
            raise StoreError(f"the tracker store ({self.description}, TRACKER_STORE_URL) is unreachable: {reason}") from None
        finally:
            engine.dispose()


@dataclass(frozen=True)
class RedisLocks:
    """The Redis server that makes several Rasa servers take one conversation's turns one at a time."""

    host: str
    port: int
    db: int
    password: Optional[str]

    @classmethod
    def from_url(cls, raw: str) -> "RedisLocks":
        url = urlsplit(raw)
        if not url.hostname:
            raise StoreError("LOCK_STORE_URL must look like redis://[:password@]host[:port][/db]")
        try:
            return cls(url.hostname, url.port or 6379, int(url.path.strip("/") or 0), url.password)
        except ValueError:
            raise StoreError("LOCK_STORE_URL: the port and the database number must be numbers") from None

    @property
    def description(self) -> str:
        return f"Redis database {self.db} at {self.host}:{self.port}"

    def endpoint(self) -> dict[str, Any]:
        endpoint = {"type": REDIS_LOCK_STORE_CLASS, "url": self.host, "port": self.port, "db": self.db}
        return {**endpoint, "password": self.password} if self.password else endpoint

    def check(self) -> None:
        client = redis.Redis(self.host, self.port, self.db, self.password, socket_timeout=CONNECT_TIMEOUT_SECONDS)
        try:
            client.ping()
        except redis.RedisError as error:
            raise StoreError(f"the lock store ({self.description}, LOCK_STORE_URL) is unreachable: {error}") from None
        finally:
            client.close()


@dataclass(frozen=True)
class FileLocks:
    """A SQLite file the Rasa workers of one machine share (RASA_WORKERS); one machine only."""

    path: Path

    @classmethod
    def beside(cls, tracker_store: TrackerStore) -> "FileLocks":
        """Next to a SQLite tracker store (each test's servers get their own), else under var/."""
        if tracker_store.url.get_backend_name() == "sqlite":
            return cls(Path(tracker_store.url.database).parent / LOCK_FILE_NAME)
        return cls(Path("var") / LOCK_FILE_NAME)

    @property
    def description(self) -> str:
        return f"SQLite file {self.path} (Rasa workers of this machine)"

    def endpoint(self) -> dict[str, Any]:
        return {"type": FILE_LOCK_STORE_CLASS, "url": str(self.path)}

    def check(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(self.path).close()
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"the lock store ({self.description}) can't be opened: {error}") from None


LockStore = Union[RedisLocks, FileLocks]


def lock_store_from_env(env: Mapping[str, str]) -> LockStore:
    """Redis when LOCK_STORE_URL names it (several machines), else a SQLite file (one machine)."""
    raw = env.get("LOCK_STORE_URL")
    if not raw:
        return FileLocks.beside(TrackerStore.from_env(env))
    scheme = urlsplit(raw).scheme
    if scheme == "redis":
        return RedisLocks.from_url(raw)
    if scheme == "sqlite":
        return FileLocks(Path(make_url(raw).database or ""))
    raise StoreError("LOCK_STORE_URL must look like redis://[:password@]host[:port][/db] or sqlite:///path")


def endpoints(base: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """The base endpoints plus the stores, and the action endpoint when ACTION_ENDPOINT_URL moves it."""
    result = {**base, "tracker_store": TrackerStore.from_env(env).endpoint(),
              "lock_store": lock_store_from_env(env).endpoint()}
    if env.get("ACTION_ENDPOINT_URL"):
        result["action_endpoint"] = {"url": env["ACTION_ENDPOINT_URL"]}
    return result


def summary(env: Mapping[str, str]) -> str:
    """What `make run` prints about where conversations are kept."""
    return f"Conversations: {TrackerStore.from_env(env).description}; locks: {lock_store_from_env(env).description}"


def check(env: Mapping[str, str]) -> None:
    """Raises StoreError naming the first store that can't be reached."""
    TrackerStore.from_env(env).check()
    lock_store_from_env(env).check()


def checked_endpoints(base: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """The endpoints, once every store in them has answered (they may hold database passwords)."""
    written = endpoints(base, env)
    check(env)
    return written


def main(argv: list[str] | None = None) -> int:
    return write_settings(argv, __doc__.splitlines()[0], "endpoints.yml", checked_endpoints, summary)


if __name__ == "__main__":
    sys.exit(main())
