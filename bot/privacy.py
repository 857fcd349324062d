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
    if not secret:
        raise ValueError("a pseudonym needs a non-empty key (SKM_SECRET)")
    digest = hmac.new(secret, f"telegram:{user_id}".encode(), hashlib.sha256).hexdigest()
    return digest[:_HEX_DIGITS]
