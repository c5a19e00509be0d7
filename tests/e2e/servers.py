"""Starting the real servers the way `make run` does, on free loopback ports, for end-to-end tests."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_json(method: str, url: str, body: Any = None, timeout: float = 60) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


def is_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


@dataclass
class Servers:
    """A running `scripts/run.sh`: the Rasa server, the action server and the chat page server it started."""

    process: subprocess.Popen
    rasa_port: int
    actions_port: int
    web_port: int
    log_path: Path

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        """Sends one message over the REST channel and returns the bot's replies."""
        return http_json("POST", f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message})

    def texts(self, sender: str, message: str) -> str:
        return "\n".join(reply.get("text", "") for reply in self.say(sender, message))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode


def start_servers(log_path: Path, extra_env: dict[str, str] | None = None) -> Servers:
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    ports = {"RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port), "WEB_PORT": str(web_port)}
    env = {**os.environ, **ports, **(extra_env or {})}
    log = log_path.open("w")
    process = subprocess.Popen(
        ["scripts/run.sh"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    servers = Servers(process, rasa_port, actions_port, web_port, log_path)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"scripts/run.sh exited with {process.returncode}:\n{servers.log()[-3000:]}")
        if all(is_up(url) for url in (f"{servers.rasa_url}/", f"http://127.0.0.1:{actions_port}/health", servers.web_url)):
            return servers
        time.sleep(0.5)
    servers.stop()
    raise RuntimeError(f"servers not up within {STARTUP_SECONDS}s:\n{servers.log()[-3000:]}")
