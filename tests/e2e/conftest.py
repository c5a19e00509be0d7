import itertools

import pytest

from serving.local import Servers, start_servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    running = start_servers(tmp_path_factory.mktemp("servers") / "run.log")
    yield running
    running.stop()


_senders = itertools.count()


@pytest.fixture
def sender(request) -> str:
    """A fresh conversation id per test, so tests never share context."""
    return f"{request.node.name[:40]}-{next(_senders)}"
