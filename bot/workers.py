"""Slow work (charts, posters, workbooks, CSV) off the event loop, a few jobs at a time.

Two kinds of worker, one bound on both: `run` takes a thread, for work of a fraction of a
second on data the bot already holds (a chart, a poster); `run_in_process` takes a fresh
process, for work of seconds over many rows (exports). A thread shares the interpreter's
lock with the loop, and a job that builds tens of thousands of objects makes the garbage
collector stop every thread for up to a tenth of a second at a time (measured); in a
process the loop feels nothing, and the memory the job took goes back when it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import weakref
from collections.abc import Callable
from multiprocessing.pool import Pool
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Jobs at once, threads and processes together. The machine may have two cores; more
# jobs would only take turns with each other and with the loop that answers citizens.
LIMIT = 2

# One semaphore per event loop (tests run a loop each; a semaphore binds to its loop).
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)
_pool: Pool | None = None


def _semaphore() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    found = _slots.get(loop)
    if found is None:
        found = _slots[loop] = asyncio.Semaphore(LIMIT)
    return found


def _processes() -> Pool:
    global _pool
    if _pool is None:
        # spawn: a fork of a process with threads (aiosqlite's, the pool's) may deadlock.
        # One job per process, so each export's memory is returned when it ends.
        _pool = multiprocessing.get_context("spawn").Pool(LIMIT, maxtasksperchild=1)
    return _pool


async def run(work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`work(*args, **kwargs)` in a worker thread, once one of the LIMIT places is free."""
    async with _semaphore():
        return await asyncio.to_thread(work, *args, **kwargs)


async def run_in_process(work: Callable[..., T], *args: Any) -> T:
    """`work(*args)` in a worker process, once one of the LIMIT places is free.

    `work` must be a module-level function, and its arguments and result picklable.
    """
    async with _semaphore():
        loop = asyncio.get_running_loop()
        done: asyncio.Future[T] = loop.create_future()

        def settle(outcome: Any, failed: bool) -> None:
            if done.done():  # the asker gave up (cancelled) meanwhile
                return
            if failed:
                done.set_exception(outcome)
            else:
                done.set_result(outcome)

        def back(outcome: Any, failed: bool = False) -> None:
            # Called on the pool's own thread: hand the outcome to the loop's thread.
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
                loop.call_soon_threadsafe(settle, outcome, failed)

        _processes().apply_async(
            work, args, callback=back, error_callback=lambda exc: back(exc, True)
        )
        return await done


def close() -> None:
    """Stop the worker processes at once (at shutdown: a half-built export is not waited for)."""
    global _pool
    if _pool is not None:
        _pool.terminate()
        _pool = None
