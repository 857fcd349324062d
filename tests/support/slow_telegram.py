"""A Bot API over a real network's round trip: slow answers, 429s and failures on demand."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
from telegram import Update
from telegram.error import NetworkError
from telegram.request import RequestData

from tests.support.telegram import RecordingRequest

# Whether to refuse a call: (Bot API method, its parameters) -> refuse?
Refuse = Callable[[str, dict[str, Any]], bool]


def _never(method: str, params: dict[str, Any]) -> bool:
    return False


class SlowRequest(RecordingRequest):
    """RecordingRequest whose answers take `delay` seconds, counting calls in flight.

    `too_many` picks calls answered 429 (retry after `retry_after` s); `unreachable` picks
    calls that fail as if no connection could be made. Refused calls are recorded in
    `refused` and not in what the chats show.
    """

    def __init__(
        self,
        delay: float = 0.1,
        too_many: Refuse = _never,
        retry_after: int = 1,
        unreachable: Refuse = _never,
    ) -> None:
        super().__init__()
        self.delay, self.retry_after = delay, retry_after
        self.too_many, self.unreachable = too_many, unreachable
        self.in_flight = self.max_in_flight = 0
        self.refused: list[tuple[str, dict[str, Any]]] = []

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            if self.unreachable(api_method, params):
                self.refused.append((api_method, params))
                cause = httpx.ConnectError("connection refused")
                raise NetworkError(f"httpx.ConnectError: {cause}") from cause
            if self.too_many(api_method, params):
                self.refused.append((api_method, params))
                return 429, json.dumps(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {self.retry_after}",
                        "parameters": {"retry_after": self.retry_after},
                    }
                ).encode()
            return await super().do_request(url, method, request_data)
        finally:
            self.in_flight -= 1


async def enqueue(app: Any, raw: dict[str, Any]) -> None:
    """Hand an update to the Application's queue, as polling does (through its processor)."""
    await app.update_queue.put(Update.de_json(raw, app.bot))


async def settle(app: Any) -> None:
    """Wait until every queued update has been handled."""
    await asyncio.wait_for(app.update_queue.join(), timeout=60)
