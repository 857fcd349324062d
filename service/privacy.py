"""Citizens' keyed pseudonyms: the database never sees a Telegram id or name."""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

# 128 bits of the HMAC: far beyond any collision among a unit's citizens, short to store.
_HEX_DIGITS = 32


# A citizen presses about seventeen buttons in a survey, each needing their pseudonym: the
# latest few thousand are remembered (in memory only) rather than worked out every time.
@lru_cache(maxsize=4096)
def pseudonym(secret: bytes, user_id: int) -> str:
    """The keyed pseudonym (HMAC-SHA256 with SKM_SECRET, hex) of a Telegram user."""
    return channel_pseudonym(secret, "telegram", str(user_id))


def channel_pseudonym(secret: bytes, channel: str, identity: str) -> str:
    """The keyed pseudonym of whoever a channel knows by `identity` (a Telegram id, a
    browser's random cookie): the same person in two channels gets two pseudonyms."""
    if not secret:
        raise ValueError("a pseudonym needs a non-empty key (SKM_SECRET)")
    digest = hmac.new(secret, f"{channel}:{identity}".encode(), hashlib.sha256).hexdigest()
    return digest[:_HEX_DIGITS]


# Telegram ids fit in 52 bits; a 62-bit mask keeps the masked value a positive SQLite integer.
_MASK_BITS = 62


def _chat_mask(secret: bytes, token: str) -> int:
    if not secret:
        raise ValueError("masking a chat needs a non-empty key (SKM_SECRET)")
    digest = hmac.new(secret, f"chat:{token}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - _MASK_BITS)


def mask_chat(secret: bytes, token: str, chat_id: int) -> int | None:
    """A private chat's id hidden by a key from SKM_SECRET and a survey's token (a one-time pad).

    Without the secret the stored number says nothing of the chat, and each survey masks
    the same chat differently, so two surveys of one citizen cannot be linked by it. None
    for an id that is not a private chat's (surveys run only there).
    """
    if not 0 < chat_id < 1 << _MASK_BITS:
        return None
    return chat_id ^ _chat_mask(secret, token)


def unmask_chat(secret: bytes, token: str, masked: int) -> int:
    """The chat id that `mask_chat` hid."""
    return masked ^ _chat_mask(secret, token)
