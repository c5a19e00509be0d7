"""The web widget's socket.io channel, accepting connections only from the widget's own origins.

Rasa 3.6 creates its socket.io server with `cors_allowed_origins=[]`, which switches Engine.IO's
Origin check off: any page on any site could open a conversation through a visitor's browser
(browsers apply no CORS to WebSockets, and `rasa run --cors` only covers HTTP routes). This
subclass puts the check back with the configured origins. Requests without an Origin header
(non-browser clients) are unaffected, as in Engine.IO itself.

A chart goes out as Rasa's image attachment with its alt text as the image's title (the page's script
makes it the <img>'s alt: rasa-webchat shows a title but writes no alt).

Messages are taken in only within the fair share of their session and of the client's address, and
only up to MAX_MESSAGE_CHARS characters (channels/limits.py): the first message over the share gets a
short "slow down" reply, the rest of the excess is dropped unanswered; a message too long gets a
reply that says so. Engine.IO refuses packets larger than limits.MAX_BODY_BYTES.

Session persistence also needs python-socketio < 5.10 (pinned in requirements.txt): from 5.10 on
`enter_room` is a coroutine that Rasa never awaits, so replies go to a room nobody joined
(rasa issue 13027).
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Iterable, Optional

from rasa.core.channels import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

from channels import limits
from channels.guard import answering


def _normalized(origins: Iterable[str]) -> frozenset[str]:
    return frozenset(origin.rstrip("/") for origin in origins)


class SocketIOOutput(socketio.SocketIOOutput):
    """Rasa's socket.io output, sending an image's alt text with it."""

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        payload = {"src": image, "title": kwargs.get("alt_text") or ""}
        await self._send_message(recipient_id, {"attachment": {"type": "image", "payload": payload}})


class SocketIOInput(socketio.SocketIOInput):
    """Rasa's socket.io input with Engine.IO's Origin check on."""

    def __init__(self, *args: Any, allowed_origins: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = _normalized(allowed_origins)

    @classmethod
    def from_credentials(cls, credentials: Optional[dict[str, Any]]) -> "SocketIOInput":
        credentials = dict(credentials or {})
        origins = credentials.pop("allowed_origins", None) or ()
        channel = super().from_credentials(credentials)
        channel.allowed_origins = _normalized(origins)
        return channel

    def origin_allowed(self, origin: Optional[str]) -> bool:
        """Engine.IO calls this for requests that carry an Origin header."""
        return origin is not None and origin.rstrip("/") in self.allowed_origins

    def get_output_channel(self) -> Optional[SocketIOOutput]:
        return SocketIOOutput(self.sio, self.bot_message_evt) if self.sio else super().get_output_channel()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        answer = answering(on_new_message)

        async def handle(message: UserMessage) -> Any:
            """Rasa makes its own output for each message; this one is the same plus images' alt text."""
            message.output_channel = SocketIOOutput(self.sio, self.bot_message_evt)
            return await answer(message)

        blueprint = super().blueprint(handle)
        # A callable (never []) so an empty origin list rejects every browser, not none.
        self.sio.eio.cors_allowed_origins = self.origin_allowed
        self.sio.eio.max_http_buffer_size = limits.MAX_BODY_BYTES
        rasa_handler = self.sio.handlers[self.namespace or "/"][self.user_message_evt]
        fair_share = limits.shared()

        async def take_in(sid: str, data: Any) -> None:
            """Rasa's handler, for a well-formed message within the fair share."""
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                return  # no client of this channel sends that; Rasa's handler would raise on it
            output = socketio.SocketIOOutput(self.sio, self.bot_message_evt)
            sender = data.get("session_id") if self.session_persistence else sid
            verdict = fair_share.admit(sender and str(sender), self.client_address(fair_share, sid))
            if not verdict.admitted:
                if verdict.first_refusal:
                    await output.send_text_message(sid, limits.SLOW_DOWN)
                return
            if limits.too_long(data.get("message")):
                await output.send_text_message(sid, limits.TOO_LONG)
                return
            await rasa_handler(sid, data)

        self.sio.on(self.user_message_evt, take_in, namespace=self.namespace)
        return blueprint

    def client_address(self, fair_share: limits.FairShare, sid: str) -> Optional[str]:
        """The address the client connected from, as limits.FairShare.client_address reads it."""
        request = (self.sio.get_environ(sid, self.namespace) or {}).get("sanic.request")
        return fair_share.client_address(request) if request is not None else None
