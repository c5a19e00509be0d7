"""Serves the chat page: the rasa-webchat widget, from the project, over Rasa's socket.io channel.

Everything the page loads comes from this server (the widget bundle from node_modules), and its
Content-Security-Policy lets it reach nothing else but the Rasa server's socket, so it works with
no internet. The widget bundle @imports Google Fonts; that import is dropped when serving it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
from dataclasses import dataclass
from functools import cache, partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from channels.settings import web_port

REPO = Path(__file__).resolve().parents[1]
PAGE_DIR = REPO / "web"
WIDGET_BUNDLE = REPO / "node_modules" / "rasa-webchat" / "lib" / "index.js"
_FONT_IMPORT = re.compile(rb"@import url\(https?://[^)]*\);?")
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css"}


@cache
def widget_bundle() -> bytes:
    """The rasa-webchat bundle without its remote font import (read once: it changes only with `npm ci`)."""
    return _FONT_IMPORT.sub(b"", WIDGET_BUNDLE.read_bytes())


@dataclass(frozen=True)
class PageConfig:
    """Where the page's widget connects: WEB_SOCKET_URL, else the Rasa port on the page's own host."""

    rasa_port: int
    socket_url: str | None = None

    def socket_url_for(self, host_header: str) -> str:
        if self.socket_url:
            return self.socket_url.rstrip("/")
        hostname = urlsplit(f"//{host_header}").hostname or "localhost"
        host = f"[{hostname}]" if ":" in hostname else hostname
        return f"http://{host}:{self.rasa_port}"

    def content_security_policy(self, host_header: str) -> str:
        socket = urlsplit(self.socket_url_for(host_header))
        websocket = socket._replace(scheme="wss" if socket.scheme == "https" else "ws").geturl()
        return (
            f"default-src 'self'; connect-src 'self' {socket.geturl()} {websocket}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            "base-uri 'none'; form-action 'none'"
        )

    def script(self, host_header: str) -> bytes:
        settings = {"socketUrl": self.socket_url_for(host_header), "socketPath": "/socket.io/"}
        return f"window.CAREER_ADVISOR = {json.dumps(settings)};\n".encode()


class PageHandler(BaseHTTPRequestHandler):
    """GET only: the page, its script and style, the generated config and the widget bundle."""

    config: PageConfig

    def __init__(self, *args, config: PageConfig, **kwargs) -> None:
        self.config = config
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        path = urlsplit(self.path).path
        host = self.headers.get("Host", "localhost")
        if path == "/config.js":
            return self._send(self.config.script(host), _TYPES[".js"], host)
        if path == "/webchat.js":
            return self._send(widget_bundle(), _TYPES[".js"], host)
        name = "index.html" if path == "/" else path.lstrip("/")
        file = PAGE_DIR / name
        if "/" in name or not file.is_file() or file.suffix not in _TYPES:
            return self.send_error(HTTPStatus.NOT_FOUND)
        self._send(file.read_bytes(), _TYPES[file.suffix], host)

    def _send(self, body: bytes, content_type: str, host: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", self.config.content_security_policy(host))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the http.server signature)
        """Quiet: requests for the page aren't worth a line each next to Rasa's log."""


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the chat page.")
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=web_port(os.environ))
    args = parser.parse_args()
    if not WIDGET_BUNDLE.is_file():
        raise SystemExit(f"error: {WIDGET_BUNDLE} is missing; run `make setup` (it runs `npm ci`)")
    config = PageConfig(int(os.environ.get("RASA_PORT", "5005")), os.environ.get("WEB_SOCKET_URL") or None)
    server = ThreadingHTTPServer((args.host, args.port), partial(PageHandler, config=config))
    server.serve_forever()


if __name__ == "__main__":
    main()
