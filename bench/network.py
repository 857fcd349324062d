"""A Bot API a network away: every call takes a round trip, and updates come by long polling.

Loopback only, in-process: the Application's requests go through `do_request`, which sleeps
half the delay on the way out and half on the way back (asyncio.sleep, so the event loop
goes on meanwhile, as with a real socket). What the bot sends takes effect at the midpoint,
when Telegram would receive it; that moment is when a citizen sees the new screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import Counter
from typing import Any

from telegram.request import RequestData

from bench.offline import OfflineBotApi
from bench.updates import Raw

# Calls after which a chat shows something new (a screen, a document, a photo).
_SHOWING = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto"}
)


class NetworkBotApi(OfflineBotApi):
    """The offline Bot API with a round-trip delay, a getUpdates queue and what each chat saw."""

    def __init__(self, delay_s: float) -> None:
        super().__init__()
        self.half = delay_s / 2
        self.shown: Counter[tuple[int, str]] = Counter()  # (chat id, method) -> calls applied
        self.changed_at: dict[int, float] = {}  # chat id -> perf_counter of its newest change
        self._pending: list[Raw] = []
        self._arrived = asyncio.Event()
        self._changes: dict[int, asyncio.Event] = {}
        self._update_ids = itertools.count(1)

    def deliver(self, raw: Raw) -> None:
        """A person acts: the update waits at Telegram for the bot's next getUpdates."""
        raw["update_id"] = next(self._update_ids)
        self._pending.append(raw)
        self._arrived.set()

    async def change(self, chat_id: int) -> None:
        """Wait until the chat is shown something new."""
        event = self._changes.setdefault(chat_id, asyncio.Event())
        event.clear()
        await event.wait()

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
        params = request_data.parameters if request_data is not None else {}
        await asyncio.sleep(self.half)
        if api_method == "getUpdates":
            answer = await self._updates(params)
        else:
            answer = await super().do_request(url, method, request_data)
            if api_method in _SHOWING:
                self._shown(int(str(params["chat_id"])), api_method)
        await asyncio.sleep(self.half)
        return answer

    async def _updates(self, params: dict[str, Any]) -> tuple[int, bytes]:
        """Long polling: confirm what the offset says, then wait for updates up to `timeout`."""
        offset = int(str(params.get("offset", 0)))
        self._pending = [raw for raw in self._pending if raw["update_id"] >= offset]
        if not self._pending:
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), float(str(params.get("timeout", 0))))
        batch = self._pending[: int(str(params.get("limit", 100)))]
        return 200, json.dumps({"ok": True, "result": batch}).encode()

    def _shown(self, chat_id: int, api_method: str) -> None:
        self.shown[chat_id, api_method] += 1
        self.changed_at[chat_id] = time.perf_counter()
        event = self._changes.get(chat_id)
        if event is not None:
            event.set()
