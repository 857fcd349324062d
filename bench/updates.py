"""Incoming updates as Telegram sends them (raw JSON dicts), and feeding them to an Application."""

from __future__ import annotations

import itertools
import time
from typing import Any

from telegram import Update
from telegram.ext import Application

from bench.offline import BOT_USER

Raw = dict[str, Any]
Timing = tuple[float, float]  # seconds parsing an update, seconds in process_update


class UpdateMaker:
    """Builds private-chat messages and button presses with increasing ids."""

    def __init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)

    @staticmethod
    def _user(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": "Warga", "language_code": "id"}

    def text(self, user_id: int, text: str) -> Raw:
        """The citizen types a message or a command in the private chat."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": self._user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def press(self, user_id: int, message_id: int, data: str) -> Raw:
        """The citizen presses a button on a message the bot sent to their private chat."""
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": str(next(self._query_ids)),
                "from": self._user(user_id),
                "chat_instance": f"ci{user_id}",
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private"},
                    "from": BOT_USER,
                    "text": "…",
                },
            },
        }


async def feed(app: Application[Any, Any, Any, Any, Any, Any], raw: Raw) -> Timing:
    """Hand one update to the Application as polling would; the seconds each part took."""
    started = time.perf_counter()
    update = Update.de_json(raw, app.bot)
    parsed = time.perf_counter()
    await app.process_update(update)
    return parsed - started, time.perf_counter() - parsed
