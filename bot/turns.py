"""Turns per citizen: what changes or draws one survey runs one at a time.

A press, typed text, /start, /batal and the recovery after a start (bot/survey/recovery.py)
each read a survey, change it, and draw it on a message, with network calls in between.
The recovery runs beside the updates, and updates of different chats may run at once:
without turns, a press handled while the recovery drew the same survey left the survey
drawn on an older message than the one the citizen looks at, so that a later press lost
in a crash was shown again where nobody saw it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Turns:
    """An asyncio lock per key, made when first wanted and dropped once nobody holds or waits."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def turn(self, key: str) -> AsyncIterator[None]:
        """Wait until nobody else holds the key's turn, and hold it for the block."""
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        """How many keys are held or waited for."""
        return len(self._locks)
