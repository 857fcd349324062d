"""Updates of different people at once; one person's, and one chat's, one after another."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.throttle import Throttle

MAX_CONCURRENT = 256


def order_keys(update: object) -> tuple[int, ...]:
    """What an update must wait its turn on: its chat and its sender (one id in a private chat)."""
    if not isinstance(update, Update):
        return ()
    chat, user = update.effective_chat, update.effective_user
    return tuple(sorted({k.id for k in (chat, user) if k is not None}))


def _sender(update: object) -> int | None:
    """Whose bucket an update draws on: the person who sent it, else its chat."""
    if not isinstance(update, Update):
        return None
    who = update.effective_user or update.effective_chat
    return who.id if who is not None else None


class OrderedProcessor(BaseUpdateProcessor):
    """Up to `max_concurrent` updates at once, in arrival order per chat and per person.

    Each update, as it arrives, puts itself at the tail of the queue of its chat and of its
    sender (synchronously, so arrival order is the order), then waits until the updates
    before it in those queues are done. A queue is forgotten once its last update is done,
    so memory follows the updates in flight, not everyone ever seen. An update whose sender
    has used up their throttle is dropped before it queues: it takes no turn from anyone.
    Waiting for one's turn holds one of the `max_concurrent` places, which the throttle keeps
    to a few per person. While held (`hold`, until `release`), updates queue in that order
    but none starts: after a start, the recovery shows the recent surveys first.
    """

    def __init__(self, max_concurrent: int = MAX_CONCURRENT, throttle: Throttle | None = None):
        super().__init__(max_concurrent)
        self.throttle = throttle
        self.dropped = 0
        self._tails: dict[int, asyncio.Future[None]] = {}
        self._open = asyncio.Event()
        self._open.set()

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close: the Application waits for the updates in flight."""

    def hold(self) -> None:
        """Start no update until `release`; they queue meanwhile, in their order."""
        self._open.clear()

    def release(self) -> None:
        """Let the held updates start."""
        self._open.set()

    @property
    def queues(self) -> int:
        """How many chats and people have updates in flight (what memory holds)."""
        return len(self._tails)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Drop the update if its sender floods, else run it when its turn comes."""
        sender = _sender(update)
        if self.throttle is not None and sender is not None and not self.throttle.allow(sender):
            self.dropped += 1
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never run: close it, or Python warns it was never awaited
            return
        keys = order_keys(update)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        before = {self._tails[k] for k in keys if k in self._tails}
        for key in keys:
            self._tails[key] = done
        started = False
        try:
            if not self._open.is_set():
                await self._open.wait()
            if before:
                # asyncio.wait, not await: a cancelled waiter must not cancel the others' turn.
                await asyncio.wait(before)
            started = True
            await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled (shutdown) while waiting for its turn
            _release_after(before, done)
            for key in keys:
                if self._tails.get(key) is done:
                    del self._tails[key]


def _release_after(before: set[asyncio.Future[None]], done: asyncio.Future[None]) -> None:
    """Mark this turn done once the turns before it are (at once, unless it was cancelled)."""
    pending = [f for f in before if not f.done()]
    if not pending:
        done.set_result(None)
        return
    left = [len(pending)]

    def one_done(_: asyncio.Future[None]) -> None:
        left[0] -= 1
        if left[0] == 0 and not done.done():
            done.set_result(None)

    for f in pending:
        f.add_done_callback(one_done)
