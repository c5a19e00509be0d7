"""The two assistants under load: ours, started by scripts/run.sh as `make run` does, and the stock
`rasa init` assistant, trained and served by the same Rasa install in a temporary folder."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from bench.common import RASA, REPO, rasa_env
from serving.local import STARTUP_SECONDS, Servers, free_port, is_up, launch_servers, wait_until_up

TRAIN_SECONDS_LIMIT = 1800
T = TypeVar("T")


@dataclass
class Running:
    """A started assistant: where to talk to it, how long it took to come up, its memory, how to stop it."""

    url: str  # the REST channel's webhook
    startup_seconds: float
    peak_rss: Callable[[], dict[str, int]]  # server name -> bytes; call before stop()
    pss: Callable[[], dict[str, int]]  # server name -> bytes now; call before stop()
    stop: Callable[[], object]
    cpu_seconds: Callable[[], dict[str, float]]  # server name -> CPU seconds used so far; call before stop()
    rss: Callable[[], dict[str, int]]  # server name -> resident bytes now; call before stop()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _tree(pid: int) -> list[int]:
    return [pid] + [p for child in _children(pid) for p in _tree(child)]


def _status_kb(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss(pid: int) -> int:
    """Resident memory of a process and its descendants now, in bytes (VmRSS), summed."""
    return sum(_status_kb(p, "VmRSS") for p in _tree(pid)) * 1024


def peak_rss(pid: int) -> int:
    """Peak resident memory of a process and its descendants, in bytes: the kernel's high-water mark (VmHWM), summed."""
    return sum(_status_kb(p, "VmHWM") for p in _tree(pid)) * 1024


def pss(pid: int) -> int:
    """Proportional memory of a process and its descendants now, in bytes: each shared page split between its sharers."""
    total = 0
    for p in _tree(pid):
        try:
            total += int(Path(f"/proc/{p}/smaps_rollup").read_text().split("\nPss:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            pass
    return total * 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process and its live descendants have used so far, in seconds.

    Unlike wall time, it hardly depends on what else the machine runs: the cost of a message itself.
    """
    ticks = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _child_matching(parent: int, needle: str) -> int | None:
    return next((pid for pid in _children(parent) if needle in _cmdline(pid)), None)


def train(command: list[str], cwd: Path, cache: Path) -> float:
    """Runs a training command with a cold cache of its own; returns the seconds it took."""
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=rasa_env(cache), capture_output=True, text=True,
                            timeout=TRAIN_SECONDS_LIMIT)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {result.returncode}:\n"
                           f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return time.monotonic() - started


def train_ours(work: Path) -> tuple[float, Path]:
    """Trains the project's model into `work` (models/ is left alone) and returns the time taken and the file."""
    out = work / "ours-model"
    seconds = train([RASA, "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
                     "--out", str(out), "--fixed-model-name", "career-advisor"], REPO, work / "ours-cache")
    return seconds, out / "career-advisor.tar.gz"


def init_stock(work: Path) -> tuple[float, Path, Path]:
    """`rasa init --no-prompt` (which scaffolds and trains) in `work/stock`: seconds, project folder, model file."""
    project = work / "stock"
    project.mkdir()
    seconds = train([RASA, "init", "--no-prompt", "--init-dir", str(project)], work, work / "stock-cache")
    return seconds, project, max((project / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)


def _start_run_script(log: Path, extra_env: dict[str, str]) -> Servers:
    """Started as start_servers does, but known before start-up ends, so Ctrl-C then stops it too."""
    servers = launch_servers(log, extra_env)
    try:
        return wait_until_up(servers)
    except BaseException:  # Ctrl-C while starting up too
        servers.stop()
        raise


def start_ours(log: Path, extra_env: dict[str, str]) -> Running:
    started = time.monotonic()
    servers = _start_run_script(log, extra_env)
    startup = time.monotonic() - started

    def by_server(measure: Callable[[int], T]) -> Callable[[], dict[str, T]]:
        def measured() -> dict[str, T]:
            servers_by_name = {"Rasa server": "rasa run --port", "action server": "rasa run actions"}
            pids = {name: _child_matching(servers.process.pid, needle) for name, needle in servers_by_name.items()}
            return {name: measure(pid) for name, pid in pids.items() if pid is not None}
        return measured

    return Running(f"{servers.rasa_url}/webhooks/rest/webhook", startup, by_server(peak_rss), by_server(pss), servers.stop,
                   by_server(cpu_seconds), by_server(rss))


def _stop_group(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start_stock(project: Path, model: Path, log: Path) -> Running:
    """`rasa run` of the stock assistant on a free loopback port, in its own process group."""
    port = free_port()
    started = time.monotonic()
    with log.open("w") as out:
        process = subprocess.Popen([RASA, "run", "--port", str(port), "-i", "127.0.0.1", "--model", str(model)],
                                   cwd=project, env=rasa_env(project / ".rasa"), stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        while not is_up(f"http://127.0.0.1:{port}/"):
            if process.poll() is not None or time.monotonic() - started > STARTUP_SECONDS:
                raise RuntimeError(f"stock Rasa server did not come up:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
    except BaseException:
        _stop_group(process)
        raise
    startup = time.monotonic() - started
    return Running(f"http://127.0.0.1:{port}/webhooks/rest/webhook", startup, lambda: {"Rasa server": peak_rss(process.pid)},
                   lambda: {"Rasa server": pss(process.pid)}, lambda: _stop_group(process),
                   lambda: {"Rasa server": cpu_seconds(process.pid)}, lambda: {"Rasa server": rss(process.pid)})
