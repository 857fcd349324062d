"""The Telegram network replaced at its edge: a recording request class and update builders.

The real Application runs in between: handlers, the database, the rate limiter. Tests
read what a person would see (the chat's messages, their text and buttons), not calls.
Like the real Bot API, the network refuses what Telegram refuses (bad HTML, texts or
button data over the limits, an edit that changes nothing) with Telegram's 400 answer.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from tests.support.bot_api_rules import NOT_MODIFIED, refusal

BOT_ID = 7000000001
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "SKM Bot", "username": "skm_test_bot"}
TEST_TOKEN = f"{BOT_ID}:AAHtestTOKENtestTOKENtestTOKENtest12345"


@dataclass
class Shown:
    """A message the bot sent, as the person sees it now (after any edits)."""

    message_id: int
    chat_id: int
    text: str
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    kind: str = "text"  # text, photo or document
    file: bytes | None = None
    filename: str | None = None

    def button_texts(self) -> list[str]:
        return [b["text"] for row in self.buttons for b in row]

    def callback_for(self, text: str) -> str:
        """The callback data of the button whose label is (or starts with) text."""
        for row in self.buttons:
            for b in row:
                if b["text"] == text or b["text"].startswith(text):
                    return str(b["callback_data"])
        raise AssertionError(f"no button {text!r} in {self.button_texts()}")


@dataclass
class Call:
    """One Bot API call the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]]


class RecordingRequest(BaseRequest):
    """A BaseRequest that answers the Bot API offline and keeps what each chat shows."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.refused: list[tuple[Call, str]] = []  # calls Telegram would answer with 400
        self.chats: dict[int, dict[int, Shown]] = {}
        self._ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

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
        files: dict[str, tuple[str, bytes]] = {}
        if request_data and request_data.contains_files:
            for name, value in request_data.multipart_data.items():
                filename, content = value[0], value[1]
                data = content if isinstance(content, bytes) else content.read()
                files[name] = (filename or name, data)
        call = Call(api_method, params, files)
        self.calls.append(call)
        problem = self._refusal(api_method, params)
        if problem is not None:
            self.refused.append((call, problem))
            error = {"ok": False, "error_code": 400, "description": problem}
            return 400, json.dumps(error).encode()
        result = self._answer(api_method, params, files)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _refusal(self, method: str, params: dict[str, Any]) -> str | None:
        buttons = _buttons(params)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            shown = self.chats.get(int(params["chat_id"]), {}).get(int(params["message_id"]))
            text = params.get("text") if method == "editMessageText" else None
            same_text = shown is not None and text in (None, shown.text)
            if shown is not None and same_text and buttons == shown.buttons:
                return NOT_MODIFIED
        return refusal(method, params, buttons)

    def _message(self, chat_id: int, message_id: int, text: str) -> dict[str, Any]:
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
            "text": text,
        }

    def _answer(self, method: str, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("sendMessage", "sendPhoto", "sendDocument"):
            chat_id = int(params["chat_id"])
            message_id = next(self._ids)
            kind = {"sendMessage": "text", "sendPhoto": "photo", "sendDocument": "document"}
            text = str(params.get("text") or params.get("caption") or "")
            shown = Shown(message_id, chat_id, text, _buttons(params), kind[method])
            if files:
                filename, shown.file = next(iter(files.values()))
                shown.filename = filename
            self.chats.setdefault(chat_id, {})[message_id] = shown
            return self._message(chat_id, message_id, text)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
            shown = self.chats.setdefault(chat_id, {}).get(message_id)
            if shown is None:
                shown = Shown(message_id, chat_id, "")
                self.chats[chat_id][message_id] = shown
            if method == "editMessageText":
                shown.text = str(params["text"])
            shown.buttons = _buttons(params)
            return self._message(chat_id, message_id, shown.text)
        if method == "deleteMessage":
            self.chats.get(int(params["chat_id"]), {}).pop(int(params["message_id"]), None)
            return True
        # answerCallbackQuery, setMyCommands, deleteWebhook, ...: plain success
        return True

    # --- what tests read ---

    def messages(self, chat_id: int) -> list[Shown]:
        """Everything the chat shows now, oldest first."""
        return sorted(self.chats.get(chat_id, {}).values(), key=lambda s: s.message_id)

    def last(self, chat_id: int) -> Shown:
        """The newest message in a chat."""
        shown = self.messages(chat_id)
        if not shown:
            raise AssertionError(f"the bot sent nothing to chat {chat_id}")
        return shown[-1]

    def notices(self) -> list[str]:
        """Texts of callback-query answers (the short pop-up notices)."""
        return [
            str(c.params.get("text", "")) for c in self.calls if c.method == "answerCallbackQuery"
        ]

    def count(self, method: str) -> int:
        return sum(1 for c in self.calls if c.method == method)


def _buttons(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not markup:
        return []
    return list(markup.get("inline_keyboard", []))


class Updates:
    """Builds incoming updates with increasing ids, as Telegram would send them."""

    def __init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)

    @staticmethod
    def user(user_id: int, name: str = "Budi", lang: str = "id") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": lang}

    def text(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        chat_type: str = "private",
        name: str = "Budi",
        lang: str = "id",
    ) -> dict[str, Any]:
        chat = chat_id if chat_id is not None else user_id
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat, "type": chat_type, **({"title": "Grup"} if chat < 0 else {})},
            "from": self.user(user_id, name, lang),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def press(
        self, user_id: int, shown: Shown, data: str, name: str = "Budi", lang: str = "id"
    ) -> dict[str, Any]:
        """A button press on a message the bot showed (data may be forged)."""
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": str(next(self._query_ids)),
                "from": self.user(user_id, name, lang),
                "chat_instance": f"ci{shown.chat_id}",
                "data": data,
                "message": {
                    "message_id": shown.message_id,
                    "date": int(time.time()),
                    "chat": {
                        "id": shown.chat_id,
                        "type": "private" if shown.chat_id > 0 else "group",
                    },
                    "from": BOT_USER,
                    "text": shown.text,
                },
            },
        }


async def feed(app: Any, raw: dict[str, Any]) -> None:
    """Hand one update to the Application, as polling would."""
    await app.process_update(Update.de_json(raw, app.bot))
