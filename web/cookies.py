"""The browser's anonymous identity: a random id in a signed cookie, and the forms' CSRF token.

The cookie holds nothing about the person: a random id, and an HMAC of it keyed from
SKM_SECRET so that it cannot be forged or changed. The survey knows the browser by a
keyed pseudonym of that id (service/privacy.py), as it knows a Telegram user by theirs.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

COOKIE = "skm_id"
KIOSK_COOKIE = "skm_kiosk"
# A citizen may come back the next day to the same desk: the id lasts a year, so that the
# daily limit and an unfinished survey keep working; it is nothing but a random number.
MAX_AGE_S = 365 * 24 * 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")  # 16 random bytes, URL-safe base64
_SIG_HEX = 32


def _key(secret: bytes, purpose: str) -> bytes:
    """A key of its own for each use of SKM_SECRET, so one never stands in for another."""
    if not secret:
        raise ValueError("the web needs a non-empty key (SKM_SECRET)")
    return hmac.new(secret, f"skm-web:{purpose}".encode(), hashlib.sha256).digest()


def _mac(secret: bytes, purpose: str, value: str) -> str:
    return hmac.new(_key(secret, purpose), value.encode(), hashlib.sha256).hexdigest()[:_SIG_HEX]


def new_id() -> str:
    """A fresh random browser id (128 bits)."""
    return secrets.token_urlsafe(16)


def sign(secret: bytes, browser_id: str) -> str:
    """The cookie value for a browser id: the id and its signature."""
    return f"{browser_id}.{_mac(secret, 'cookie', browser_id)}"


def verify(secret: bytes, value: str | None) -> str | None:
    """The browser id in a cookie value, or None when it is missing, malformed or forged."""
    if not value:
        return None
    browser_id, dot, signature = value.partition(".")
    if not dot or not _ID.match(browser_id):
        return None
    if not hmac.compare_digest(signature, _mac(secret, "cookie", browser_id)):
        return None
    return browser_id


def csrf_token(secret: bytes, browser_id: str) -> str:
    """The token every form of this browser carries; another browser's token does not fit."""
    return _mac(secret, "csrf", browser_id)


def csrf_ok(secret: bytes, browser_id: str, given: str) -> bool:
    """Whether a posted CSRF token is this browser's."""
    return hmac.compare_digest(given.encode(), csrf_token(secret, browser_id).encode())
