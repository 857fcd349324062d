"""Telegram's flood limits, with 429s and passing network failures tried again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

MAX_RETRIES = 3  # a 429 is tried again after its retry_after, this many times
BACKOFF_S = (0.5, 1.0, 2.0)  # pauses before trying a network failure again
# Calls that change nothing when made twice (an edit to the same text, an answer to a
# query already answered fails harmlessly); a send made twice would show twice.
_REPEATABLE = ("edit", "answer", "delete", "get", "set", "pin", "unpin")
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

JSON = bool | dict[str, Any] | list[dict[str, Any]]


def transient(error: BaseException) -> bool:
    """A network failure or timeout that may pass; not a request Telegram refused (400)."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


def safe_to_repeat(endpoint: str, error: BaseException) -> bool:
    """Whether trying the call again cannot show the person something twice."""
    if endpoint.startswith(_REPEATABLE):
        return True
    # The request never left: no connection was made, or none was free in the pool.
    return isinstance(error.__cause__, _NOT_SENT) or "was *not* sent" in str(error)


class RetryingRateLimiter(AIORateLimiter):
    """AIORateLimiter that retries 429s (max_retries) and, where safe, network failures."""

    def __init__(self, *args: Any, backoff: Sequence[float] = BACKOFF_S, **kwargs: Any) -> None:
        kwargs.setdefault("max_retries", MAX_RETRIES)
        super().__init__(*args, **kwargs)
        self.backoff = tuple(backoff)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Send through the flood limits; on a passing network failure, pause and try again."""
        for pause in (*self.backoff, None):
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as exc:
                if pause is None or not transient(exc) or not safe_to_repeat(endpoint, exc):
                    raise
                # The class only: a message might carry the URL, and the URL the token.
                log.info("%s: %s; trying again in %.1f s", endpoint, type(exc).__name__, pause)
                await asyncio.sleep(pause)
        raise AssertionError("unreachable: the last try returns or raises")
