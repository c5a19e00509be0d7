"""The widget's socket.io channel on the wire (python-socketio as the client): only the widget's
origins may connect, and a conversation carries on across connections with the same session id
(which python-socketio >= 5.10 silently breaks in Rasa 3.6, rasa#13027)."""
from __future__ import annotations

import queue
import urllib.error
import urllib.request
import uuid

import pytest
import socketio
import websocket


class WidgetClient:
    """Talks to Rasa the way rasa-webchat does: session_request, then user_uttered with the session id."""

    def __init__(self, url: str, origin: str, session_id: str) -> None:
        self.replies: queue.Queue[dict] = queue.Queue()
        self.session_id = session_id
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self.replies.put)
        confirmed: queue.Queue[str] = queue.Queue()
        self.client.on("session_confirm", confirmed.put)
        # Long-polling, as rasa-webchat starts: websocket-client would add a second Origin header.
        self.client.connect(url, headers={"Origin": origin}, transports=["polling"], wait_timeout=10)
        self.client.emit("session_request", {"session_id": session_id})
        assert confirmed.get(timeout=10) == session_id

    def ask(self, text: str, expected: str, timeout: float = 60) -> str:
        """Sends a message and returns the replies up to the first one containing `expected`."""
        self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})
        seen = []
        while True:
            try:
                seen.append(self.replies.get(timeout=timeout).get("text", ""))
            except queue.Empty:
                raise AssertionError(f"no reply with {expected!r} to {text!r}; got {seen}") from None
            if expected in seen[-1]:
                return "\n".join(seen)

    def close(self) -> None:
        self.client.disconnect()


@pytest.fixture
def widget_origin(channel_servers) -> str:
    return channel_servers.web_url


def test_a_conversation_carries_on_across_connections_with_the_same_session(channel_servers, widget_origin):
    session_id = uuid.uuid4().hex
    first = WidgetClient(channel_servers.rasa_url, widget_origin, session_id)
    first.ask("what does a PM do?", "plan, organize and direct")
    first.close()
    again = WidgetClient(channel_servers.rasa_url, widget_origin, session_id)  # as after a page reload
    again.ask("how much do they earn?", "$87,628")
    again.close()


def handshakes(rasa_url: str, origin: str) -> tuple[int, int]:
    """The status of an Engine.IO long-polling handshake and of a WebSocket one from `origin`."""
    request = urllib.request.Request(f"{rasa_url}/socket.io/?EIO=4&transport=polling", headers={"Origin": origin})
    try:
        polling = urllib.request.urlopen(request, timeout=10).status
    except urllib.error.HTTPError as error:
        polling = error.code
    ws_url = rasa_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    try:
        websocket.create_connection(ws_url, origin=origin, timeout=10).close()
        upgraded = 101
    except websocket.WebSocketBadStatusException as error:
        upgraded = error.status_code
    return polling, upgraded


def test_the_widget_origins_can_connect(channel_servers):
    assert handshakes(channel_servers.rasa_url, channel_servers.web_url) == (200, 101)
    localhost = channel_servers.web_url.replace("127.0.0.1", "localhost")
    assert handshakes(channel_servers.rasa_url, localhost) == (200, 101)


@pytest.mark.parametrize("origin", ["http://evil.example", "http://localhost:1"])
def test_a_page_on_another_origin_cannot_connect(channel_servers, origin):
    assert handshakes(channel_servers.rasa_url, origin) == (400, 400)
    with pytest.raises(socketio.exceptions.ConnectionError):
        WidgetClient(channel_servers.rasa_url, origin, uuid.uuid4().hex)
