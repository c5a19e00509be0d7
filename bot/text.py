"""Making what people type safe to understand and to repeat."""
from __future__ import annotations

import html
import re

MAX_MESSAGE_CHARS = 1000  # longer messages are understood from their start

_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")
_UNSAFE_TO_REPEAT = re.compile(r"[^\w\s'’.-]")


def is_button_payload(text: str) -> bool:
    """A button's "/intent{...}" payload: Rasa sets its intent itself, so the NLU leaves it alone."""
    return text.startswith("/")


def clean_message(text: str) -> str:
    """Markup removed (script and style blocks whole), entities decoded, white space folded, length capped."""
    text = _TAG.sub(" ", _CODE_BLOCK.sub(" ", text or ""))
    text = " ".join(html.unescape(text).split())
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    cut = text[:MAX_MESSAGE_CHARS]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


def clean_mention(mention: str, limit: int = 40) -> str:
    """A user's words made safe to repeat back: markup and symbols dropped, length capped."""
    text = " ".join(_UNSAFE_TO_REPEAT.sub(" ", clean_message(mention)).split())
    return text[:limit].rstrip()
