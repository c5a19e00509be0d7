"""Starting the real servers the way `make run` does, on free loopback ports: for the end-to-end tests
and for bench/, which must not import tests/."""
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

REPO = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 240
# Tests and benches send from one loopback address, each conversation as fast as replies come: far
# faster than the people the default limits are for (channels/limits.py). Tests of the limits set theirs.
MACHINE_SPEED_LIMITS = {"LIMIT_SENDER_PER_MINUTE": "1000000", "LIMIT_SENDER_BURST": "100000",
                        "LIMIT_ADDRESS_PER_MINUTE": "1000000", "LIMIT_ADDRESS_BURST": "100000"}


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

    def say(self, sender: str, message: str, timeout: float = 60) -> list[dict[str, Any]]:
        """Sends one message over the REST channel and returns the bot's replies."""
        body = {"sender": sender, "message": message}
        return http_json("POST", f"{self.rasa_url}/webhooks/rest/webhook", body, timeout)

    def texts(self, sender: str, message: str) -> str:
        return "\n".join(reply.get("text", "") for reply in self.say(sender, message))

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill_rasa(self) -> None:
        """Kills the Rasa server process outright, as a crash would; run.sh then stops the rest."""
        found = subprocess.run(["pgrep", "-P", str(self.process.pid), "-f", "rasa run --port"],
                               capture_output=True, text=True, check=True)
        os.kill(int(found.stdout.split()[0]), signal.SIGKILL)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode


def launch_servers(log_path: Path, extra_env: dict[str, str] | None = None) -> Servers:
    """Starts `scripts/run.sh` without waiting, so several can start side by side."""
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    ports = {"RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port), "WEB_PORT": str(web_port),
             "PUBLIC_URL": f"http://127.0.0.1:{web_port}"}  # charts, fetched from loopback like everything else
    # Conversations in a file of their own, never var/'s: each test run starts with none.
    store = {"TRACKER_STORE_URL": f"sqlite:///{log_path.parent / f'conversations-{rasa_port}.db'}"}
    env = {**os.environ, **MACHINE_SPEED_LIMITS, **ports, **store, **(extra_env or {})}
    log = log_path.open("w")
    process = subprocess.Popen(
        ["scripts/run.sh"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    return Servers(process, rasa_port, actions_port, web_port, log_path)


def wait_until_up(servers: Servers) -> Servers:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if servers.process.poll() is not None:
            raise RuntimeError(f"scripts/run.sh exited with {servers.process.returncode}:\n{servers.log()[-3000:]}")
        urls = (f"{servers.rasa_url}/", f"http://127.0.0.1:{servers.actions_port}/health", servers.web_url)
        if all(is_up(url) for url in urls):
            return servers
        time.sleep(0.5)
    servers.stop()
    raise RuntimeError(f"servers not up within {STARTUP_SECONDS}s:\n{servers.log()[-3000:]}")


def start_servers(log_path: Path, extra_env: dict[str, str] | None = None) -> Servers:
    return wait_until_up(launch_servers(log_path, extra_env))
