"""``/start`` payloads that carry a question from inline mode into the private chat (t.me/bot?start=…)."""

from __future__ import annotations

import base64
import binascii

PAYLOAD_LIMIT = 64  # Telegram: 1-64 characters of A-Z, a-z, 0-9, _ and -
_PREFIX = "q"
_MAX_BYTES = (PAYLOAD_LIMIT - len(_PREFIX)) * 3 // 4  # base64 turns 3 bytes into 4 characters


def encode_question(question: str) -> str:
    """A start payload for ``question``, cut at a character boundary to fit Telegram's 64 characters."""
    data = " ".join(question.split()).encode("utf-8")[:_MAX_BYTES]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")
    return _PREFIX + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def decode_question(payload: str) -> str | None:
    """The question a payload carries, or None for a payload this bot did not make."""
    if not payload.startswith(_PREFIX) or len(payload) > PAYLOAD_LIMIT:
        return None
    body = payload[len(_PREFIX) :]
    try:
        data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return data.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
