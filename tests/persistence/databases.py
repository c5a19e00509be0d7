"""Real PostgreSQL and Redis servers for the tests: Debian's binaries, on loopback, on free ports, in a
temporary directory. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
its Debian package creates."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2
import redis

from serving.local import free_port

USER = "rasa"
PASSWORD = "conversations-secret"
DATABASE = "rasa"


def _postgres_bin() -> Path:
    """The newest installed server's binaries (`make test` installs Debian's `postgresql`)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL server not installed: apt-get install postgresql (make test does)")
    return Path(found[-1]).parent


def _as_postgres_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@dataclass
class Postgres:
    """One throwaway cluster with a password-protected user and database for the tracker store."""

    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tracker-pg-")))
    port: int = field(default_factory=free_port)

    @property
    def url(self) -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{DATABASE}"

    def dsn(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={USER} password={PASSWORD} dbname={database}"

    def _run(self, *command: str) -> None:
        subprocess.run([*_as_postgres_user(), *command], check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)

    def create(self) -> None:
        password_file = self.directory / "password"
        password_file.write_text(PASSWORD)
        if os.geteuid() == 0:  # both must belong to the user the server runs as
            entry = pwd.getpwnam("postgres")
            for path in (self.directory, password_file):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(str(_postgres_bin() / "initdb"), "-D", str(self.directory / "data"), "-U", USER,
                  "--auth=scram-sha-256", f"--pwfile={password_file}", "--no-sync")
        self.start()
        connection = psycopg2.connect(self.dsn("postgres"))
        connection.autocommit = True  # CREATE DATABASE can't run in a transaction
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {DATABASE}")
        connection.close()

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off"
        self._run(str(_postgres_bin() / "pg_ctl"), "-D", str(self.directory / "data"), "-o", options,
                  "-l", str(self.directory / "server.log"), "-w", "start")

    def stop(self) -> None:
        self._run(str(_postgres_bin() / "pg_ctl"), "-D", str(self.directory / "data"), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)

    def rows(self, sql: str, *parameters: object) -> list[tuple]:
        with psycopg2.connect(self.dsn(DATABASE)) as connection, connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall()


@dataclass
class Redis:
    """A memory-only Redis with a password, for the lock store."""

    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="lock-redis-")))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://:{PASSWORD}@127.0.0.1:{self.port}/0"

    def start(self) -> None:
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(self.port), "--requirepass", PASSWORD,
             "--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, password=PASSWORD)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def remove(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.directory, ignore_errors=True)
