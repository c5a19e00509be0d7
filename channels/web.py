"""Serves the chat page: the rasa-webchat widget, from the project, over Rasa's socket.io channel; and the
charts that go with some answers (`/charts/...`, charts/service.py), for the page and for Slack and Telegram.

Everything the page loads comes from this server (the widget bundle from node_modules, the charts from
PUBLIC_URL, this server's public address), and its Content-Security-Policy lets it reach nothing else
but the Rasa server's socket, so it works with no internet. The widget bundle @imports Google Fonts;
that import is dropped when serving it.

This is the one module of channels/ that loads the bot's knowledge (through charts/), and it runs in
a process of its own: the Rasa server never imports it.
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
import threading
from urllib.parse import urlsplit

from channels.settings import web_port
from charts.service import Answer, ChartService

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
    public_url: str | None = None  # where charts are fetched, when not from the page's own address

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
            f"style-src 'self' 'unsafe-inline'; img-src {self.image_sources()}; font-src 'self' data:; "
            "base-uri 'none'; form-action 'none'"
        )

    def image_sources(self) -> str:
        """The page's own images, and charts from PUBLIC_URL's origin."""
        parts = urlsplit(self.public_url or "")
        return "'self' data:" + (f" {parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "")

    def script(self, host_header: str) -> bytes:
        settings = {"socketUrl": self.socket_url_for(host_header), "socketPath": "/socket.io/"}
        return f"window.CAREER_ADVISOR = {json.dumps(settings)};\n".encode()


class PageHandler(BaseHTTPRequestHandler):
    """GET only: the page, its script and style, the generated config, the widget bundle and charts."""

    config: PageConfig
    charts: ChartService

    def __init__(self, *args, config: PageConfig, charts: ChartService, **kwargs) -> None:
        self.config = config
        self.charts = charts
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        address = urlsplit(self.path)
        path = address.path
        host = self.headers.get("Host", "localhost")
        if path.startswith("/charts/"):
            return self._answer(self.charts.answer(path, address.query, self.headers.get("If-None-Match")))
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

    def _answer(self, answer: Answer) -> None:
        self.send_response(answer.status)
        for name, value in {**answer.headers, "Content-Length": str(len(answer.body)), "X-Content-Type-Options": "nosniff"}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the http.server signature)
        """Quiet: requests for the page aren't worth a line each next to Rasa's log."""


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the chat page.")
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=web_port(os.environ))
    args = parser.parse_args()
    if not WIDGET_BUNDLE.is_file():
        raise SystemExit(f"error: {WIDGET_BUNDLE} is missing; run `make setup` (it runs `npm ci`)")
    config = PageConfig(int(os.environ.get("RASA_PORT", "5005")), os.environ.get("WEB_SOCKET_URL") or None,
                        os.environ.get("PUBLIC_URL") or None)
    charts = ChartService.from_environment(os.environ)
    threading.Thread(target=charts.prepare, daemon=True).start()
    server = ThreadingHTTPServer((args.host, args.port), partial(PageHandler, config=config, charts=charts))
    server.serve_forever()


if __name__ == "__main__":
    main()
