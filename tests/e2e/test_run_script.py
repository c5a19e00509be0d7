"""`make run`'s script: SIGTERM (what Ctrl-C also triggers) stops every server it started, and a
crashed Rasa server takes its workers and the other servers down with it instead of leaving them
serving unsupervised."""
import socket
import subprocess
import time

import pytest

from serving.local import Servers, launch_servers, start_servers


WORKERS = {"RASA_WORKERS": "2"}


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def rasa_processes(rasa_port: int) -> list[str]:
    found = subprocess.run(["pgrep", "-f", f"rasa run --port {rasa_port} "], capture_output=True, text=True)
    return found.stdout.split()


@pytest.fixture
def started(tmp_path):
    """Starts run.sh as `launch` does; whatever the test's outcome, nothing it started is left serving."""
    running: list[Servers] = []

    def start(launch, extra_env=None) -> Servers:
        running.append(launch(tmp_path / "run.log", extra_env))
        return running[-1]

    yield start
    for servers in running:
        servers.stop()


def test_sigterm_stops_every_server_and_frees_their_ports(started):
    servers = started(start_servers)
    ports = (servers.rasa_port, servers.actions_port, servers.web_port)
    assert not any(port_is_free(port) for port in ports)
    assert servers.stop() == 0
    assert all(port_is_free(port) for port in ports), servers.log()[-2000:]
    assert rasa_processes(servers.rasa_port) == []


def test_sigterm_while_the_model_loads_still_stops_everything(started):
    servers = started(launch_servers, WORKERS)
    deadline = time.monotonic() + 60
    while len(rasa_processes(servers.rasa_port)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)  # the workers exist: they load the model now
    assert servers.stop() == 0
    assert rasa_processes(servers.rasa_port) == [], "a worker loading its model outlived the stop"


def test_a_crashed_rasa_server_takes_its_workers_down(started):
    servers = started(start_servers, WORKERS)
    assert len(rasa_processes(servers.rasa_port)) == 3, "a Rasa main process and its two workers"
    assert "plan, organize and direct" in servers.texts("worker-test", "what does a PM do?")
    servers.kill_rasa()
    servers.process.wait(timeout=60)
    assert servers.process.returncode != 0
    assert rasa_processes(servers.rasa_port) == [], "orphaned workers still serving"
    assert port_is_free(servers.rasa_port)


def gone_within(seconds: float, check) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def test_a_supervisor_killed_outright_takes_every_server_with_it(started):
    """SIGKILL runs no trap: the servers learn of run.sh's death from the kernel (serving/tethered.py)."""
    servers = started(start_servers, WORKERS)
    ports = (servers.rasa_port, servers.actions_port, servers.web_port)
    assert len(rasa_processes(servers.rasa_port)) == 3
    servers.process.kill()  # run.sh alone, as a supervisor's SIGKILL to make's group leaves Rasa's own session
    servers.process.wait(timeout=10)
    assert gone_within(30, lambda: not rasa_processes(servers.rasa_port)), "a Rasa process outlived its supervisor"
    assert gone_within(30, lambda: all(port_is_free(port) for port in ports)), "a server still holds its port"


def test_a_port_still_held_is_named_and_nothing_starts(started, tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        servers = started(launch_servers, {"WEB_PORT": str(port)})
        assert servers.process.wait(timeout=30) == 1
    assert f"port {port} is already in use" in servers.log()
    assert rasa_processes(servers.rasa_port) == []
