"""Stand-ins for Slack's Web API and Telegram's Bot API: small HTTP servers on 127.0.0.1 that speak
their wire formats, check the token the way the real ones do, and record every call."""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]


class StandIn:
    """An API server in a thread. Subclasses map (path, params) to a status and a JSON reply."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                params = stand_in.parse(self.headers.get("Content-Type", ""), body)
                status, reply = stand_in.handle(self.path, dict(self.headers), params)
                raw = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *_: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    @staticmethod
    def parse(content_type: str, body: bytes) -> dict[str, Any]:
        if content_type.startswith("application/json"):
            return json.loads(body or b"{}")
        if content_type.startswith("application/x-www-form-urlencoded"):
            return dict(parse_qsl(body.decode()))
        return {}

    def handle(self, path: str, headers: dict[str, str], params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        raise NotImplementedError

    def record(self, method: str, params: dict[str, Any]) -> None:
        with self._changed:
            self.calls.append(Call(method, params))
            self._changed.notify_all()

    def wait_for(self, method: str, match: Callable[[dict[str, Any]], bool], count: int = 1,
                 timeout: float = 60) -> list[Call]:
        """Every recorded `method` call that `match`es, once there are at least `count` (else fails)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(found := self.matching(method, match)) < count:
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"fewer than {count} {method} calls matched in {timeout}s: {self.calls}"
                self._changed.wait(remaining)
            return found

    def matching(self, method: str, match: Callable[[dict[str, Any]], bool]) -> list[Call]:
        return [call for call in self.calls if call.method == method and match(call.params)]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class SlackApi(StandIn):
    """Slack's Web API at `{url}/api/{method}`, authenticated with the bot token as a Bearer token."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._ts = itertools.count(1)
        super().__init__()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def handle(self, path: str, headers: dict[str, str], params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 200, {"ok": False, "error": "invalid_auth"}
        method = path.removeprefix("/api/")
        if method != "chat.postMessage":
            return 200, {"ok": False, "error": "unknown_method"}
        self.record(method, params)
        ts = f"1700000000.{next(self._ts):06d}"
        return 200, {"ok": True, "channel": params.get("channel"), "ts": ts, "message": {"text": params.get("text")}}

    def texts(self, channel: str, count: int = 1) -> str:
        """The text of every message posted to `channel`, once at least `count` are."""
        posts = self.wait_for("chat.postMessage", lambda params: params.get("channel") == channel, count)
        return "\n".join(post.params.get("text", "") for post in posts)


class TelegramApi(StandIn):
    """Telegram's Bot API at `{url}/bot{token}/{method}`: setWebhook, getMe, sendMessage, sendPhoto (by URL),
    answerCallbackQuery."""

    def __init__(self, token: str, username: str) -> None:
        self.token = token
        self.username = username
        self._message_ids = itertools.count(1000)
        super().__init__()

    def handle(self, path: str, headers: dict[str, str], params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path.removeprefix(prefix)
        results: dict[str, Callable[[], Any]] = {
            "setWebhook": lambda: True,
            "getMe": lambda: {"id": int(self.token.split(":")[0]), "is_bot": True, "first_name": "Career advisor",
                              "username": self.username},
            "sendMessage": lambda: {"message_id": next(self._message_ids), "date": int(time.time()),
                                    "chat": {"id": int(params["chat_id"]), "type": "private"},
                                    "text": params.get("text", "")},
            "sendPhoto": lambda: {"message_id": next(self._message_ids), "date": int(time.time()),
                                  "chat": {"id": int(params["chat_id"]), "type": "private"},
                                  "photo": [{"file_id": "photo-1", "file_unique_id": "p1", "width": 720, "height": 400}],
                                  **({"caption": params["caption"]} if "caption" in params else {})},
            "answerCallbackQuery": lambda: True,
        }
        if method not in results:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        self.record(method, params)
        return 200, {"ok": True, "result": results[method]()}

    def texts(self, chat_id: int, count: int = 1) -> str:
        """The text of every message sent to `chat_id`, once at least `count` are."""
        sent = self.wait_for("sendMessage", lambda params: params.get("chat_id") == str(chat_id), count)
        return "\n".join(message.params.get("text", "") for message in sent)
