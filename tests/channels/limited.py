"""Talking to a Rasa server from a chosen loopback address, and reading what it stored, for the limits' tests."""
from __future__ import annotations

import http.client
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from serving.local import Servers


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


def post_from(servers: Servers, path: str, body: bytes, headers: dict[str, str], source: str = "127.0.0.1") -> Reply:
    """POSTs from `source` (any 127.x.y.z address is this machine), error statuses included."""
    connection = http.client.HTTPConnection("127.0.0.1", servers.rasa_port, timeout=60, source_address=(source, 0))
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return Reply(response.status, {name.lower(): value for name, value in response.getheaders()}, parsed)
    finally:
        connection.close()


def rest(servers: Servers, sender: str, text: str, source: str = "127.0.0.1", forwarded_for: str | None = None) -> Reply:
    headers = {"Content-Type": "application/json", **({"X-Forwarded-For": forwarded_for} if forwarded_for else {})}
    body = json.dumps({"sender": sender, "message": text}).encode()
    return post_from(servers, "/webhooks/rest/webhook", body, headers, source)


def stored_events(servers: Servers, sender: str) -> int:
    """How many events the tracker store holds for `sender` (serving.local keeps them in a SQLite file per port)."""
    path = servers.log_path.parent / f"conversations-{servers.rasa_port}.db"
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
