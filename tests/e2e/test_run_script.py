"""`make run`'s script: SIGTERM (what Ctrl-C also triggers) stops every server it started."""
import socket

from tests.e2e.servers import start_servers


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_sigterm_stops_every_server_and_frees_their_ports(tmp_path):
    servers = start_servers(tmp_path / "run.log")
    ports = (servers.rasa_port, servers.actions_port, servers.web_port)
    assert not any(port_is_free(port) for port in ports)
    assert servers.stop() == 0
    assert all(port_is_free(port) for port in ports), servers.log()[-2000:]
