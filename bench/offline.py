"""A lean offline Bot API: answers every call at once and keeps only each chat's newest buttons.

The tests' recording request keeps every call and every message; over hundreds of thousands
of calls that bookkeeping would be measured instead of the bot, so this one keeps one
keyboard per chat (what a simulated citizen needs to press next) and nothing else.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "SKM Bot",
    "username": "skm_bench_bot",
}
TOKEN = f"{BOT_ID}:AAHbenchTOKENbenchTOKENbenchTOKEN1234"
_TRUE = b'{"ok":true,"result":true}'


class OfflineBotApi(BaseRequest):
    """A BaseRequest that answers the Bot API offline and instantly."""

    def __init__(self) -> None:
        # chat id -> (message id, callback data of its buttons), for the newest keyboard only
        self.keyboards: dict[int, tuple[int, list[str]]] = {}
        self.calls = 0
        self.sent: Counter[str] = Counter()  # Bot API method -> calls
        self.limited_calls = 0  # calls naming a chat: the ones AIORateLimiter throttles
        self._ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def forget(self, chat_id: int) -> None:
        """Drop what is kept for a chat (a simulated citizen who is done)."""
        self.keyboards.pop(chat_id, None)

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
        self.calls += 1
        api_method = url.rsplit("/", 1)[-1]
        self.sent[api_method] += 1
        params = request_data.parameters if request_data is not None else {}
        if "chat_id" in params:
            self.limited_calls += 1
        if api_method == "getMe":
            return 200, json.dumps({"ok": True, "result": BOT_USER}).encode()
        if api_method == "sendMessage":
            chat_id = int(str(params["chat_id"]))
            message_id = next(self._ids)
            self._keep(chat_id, message_id, params)
            return 200, _message(chat_id, message_id, str(params.get("text", "")))
        if api_method in ("sendDocument", "sendPhoto"):  # /ekspor's workbook, /ikm's chart
            chat_id = int(str(params["chat_id"]))
            return 200, _message(chat_id, next(self._ids), str(params.get("caption", "")))
        if api_method in ("editMessageText", "editMessageReplyMarkup"):
            chat_id, message_id = int(str(params["chat_id"])), int(str(params["message_id"]))
            self._keep(chat_id, message_id, params)
            return 200, _message(chat_id, message_id, str(params.get("text", "")))
        return 200, _TRUE  # answerCallbackQuery, setMyCommands, deleteWebhook, ...

    def _keep(self, chat_id: int, message_id: int, params: dict[str, Any]) -> None:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        data = [str(b["callback_data"]) for row in rows for b in row if "callback_data" in b]
        if data:
            self.keyboards[chat_id] = (message_id, data)
        elif self.keyboards.get(chat_id, (None,))[0] == message_id:
            del self.keyboards[chat_id]  # that message's buttons were taken off


def _message(chat_id: int, message_id: int, text: str) -> bytes:
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
        "from": BOT_USER,
        "text": text,
    }
    return json.dumps({"ok": True, "result": message}).encode()
