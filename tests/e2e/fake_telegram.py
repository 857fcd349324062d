"""A fake Bot API server on 127.0.0.1 (real HTTP, stdlib only) and a citizen who uses it.

It answers the calls the bot makes (getMe, getUpdates with long polling and offsets,
sendMessage, editMessageText, editMessageReplyMarkup, answerCallbackQuery, setWebhook,
and plain success for set-up calls), keeps every chat as a person would see it, and lets a
test type messages and press the buttons the bot actually sent.

Once the bot sets a webhook, updates are no longer handed to getUpdates (which Telegram
then refuses) but posted to the webhook with its secret, one after another, each again
until the bot takes it, as Telegram does.

As Telegram does, it forgets an update only when a later getUpdates passes a higher offset:
an update fetched by a process that dies before polling again is delivered once more. Each
bot process may call through its own base URL (`base_url_for`), so that the server knows
which process confirmed an update, and whether that process has died since.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER = {"id": 7000000002, "is_bot": True, "first_name": "SKM Bot", "username": "skm_e2e_bot"}
TOKEN = f"{BOT_USER['id']}:AAHe2eTOKENe2eTOKENe2eTOKENe2e123456"
WAIT = 15.0  # seconds any one step may take before the test fails


@dataclass
class Message:
    """A message in a chat as the person sees it now."""

    message_id: int
    text: str
    keyboard: list[list[dict[str, Any]]] = field(default_factory=list)

    def labels(self) -> list[str]:
        return [b["text"] for row in self.keyboard for b in row]

    def data_for(self, label: str) -> str:
        for row in self.keyboard:
            for button in row:
                if button["text"] == label:
                    return str(button["callback_data"])
        raise AssertionError(f"no button {label!r} in {self.labels()}")


class FakeTelegram:
    """The Bot API for one bot token, in memory, behind a threaded HTTP server."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self.chats: dict[int, dict[int, Message]] = {}
        self.sent: dict[int, int] = {}  # chat -> messages sent to it
        self.answers: dict[str, str] = {}  # callback query id -> notice
        self.polls = 0
        self.changes = 0  # bumped by every message sent or edited and every press answered
        self.confirmed_by: dict[int, int] = {}  # update id -> the process that confirmed it
        self.dead: set[int] = set()  # processes known to have died
        self.redelivered: set[int] = set()  # updates handed out more than once
        self.held: int | None = None  # a process whose polls are held up on their way
        self.webhook: tuple[str, str] | None = None  # (URL, secret) the bot asked for
        self.webhook_posts: list[int] = []  # the HTTP status of every post to the webhook
        self.taken_at: dict[int, float] = {}  # update id -> when a webhook took it (monotonic)
        self.allowed_updates: list[str] | None = None  # as the bot last asked for them
        self._closing = False
        self._handed_out: set[int] = set()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._deliverer = threading.Thread(target=self._deliver_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def base_url_for(self, process: int) -> str:
        """The base URL for one bot process: its calls are told apart from other processes'."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/p{process}/bot"

    def mark_dead(self, process: int) -> None:
        """The process is gone: updates it confirmed but did not handle are lost."""
        with self._cond:
            self.dead.add(process)
            self._cond.notify_all()

    def hold_polls(self, process: int | None) -> None:
        """Hold up a process's next polls on their way (None: let them through).

        The updates it has fetched stay unconfirmed while it handles them; should it die
        before a poll gets through, they are all delivered again, handled or not.
        """
        with self._cond:
            self.held = process
            self._cond.notify_all()

    @contextmanager
    def running(self) -> Iterator[FakeTelegram]:
        self._thread.start()
        self._deliverer.start()
        try:
            yield self
        finally:
            with self._cond:
                self._closing = True
                self._cond.notify_all()
            self._deliverer.join(timeout=WAIT)
            self._server.shutdown()
            self._server.server_close()

    # --- the Bot API ---

    def call(
        self, method: str, params: dict[str, Any], process: int = 0
    ) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call from a bot process: (HTTP status, JSON body)."""
        with self._cond:
            if method in ("getUpdates", "setWebhook") and "allowed_updates" in params:
                self.allowed_updates = _list(params["allowed_updates"])
            if method == "getUpdates" and self.webhook is not None:
                return 409, {
                    "ok": False,
                    "error_code": 409,
                    "description": "Conflict: can't use getUpdates method while webhook is "
                    "active; use deleteWebhook to delete the webhook first",
                }
            if method == "getUpdates":
                return 200, {"ok": True, "result": self._get_updates(params, process)}
            if method == "setWebhook":
                self.webhook = (str(params["url"]), str(params.get("secret_token") or ""))
                self._changed()
            if method == "deleteWebhook":
                self.webhook = None
            if method == "getMe":
                return 200, {"ok": True, "result": BOT_USER}
            if method == "getMyCommands":
                return 200, {"ok": True, "result": []}
            if method == "deleteWebhook" and _true(params.get("drop_pending_updates")):
                self._updates.clear()
            if method == "sendMessage":
                return 200, {"ok": True, "result": self._send(params)}
            if method in ("editMessageText", "editMessageReplyMarkup"):
                return self._edit(method, params)
            if method == "answerCallbackQuery":
                self.answers[str(params["callback_query_id"])] = str(params.get("text") or "")
                self._changed()
            return 200, {"ok": True, "result": True}

    def _get_updates(self, params: dict[str, Any], process: int) -> list[dict[str, Any]]:
        if self.held == process and process not in self.dead:
            self._cond.wait_for(lambda: self.held != process or process in self.dead, WAIT)
            if process in self.dead:
                return []  # it never reached Telegram: its offset confirms nothing
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 10.0)
        self.polls += 1
        self._cond.notify_all()
        # An offset confirms every update before it: Telegram forgets those.
        for update in self._updates:
            if update["update_id"] < offset:
                self.confirmed_by[update["update_id"]] = process
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        while not self._updates and (left := deadline - time.monotonic()) > 0:
            self._cond.wait(left)
        batch = [u for u in self._updates if u["update_id"] >= offset][:100]
        ids = {u["update_id"] for u in batch}
        self.redelivered |= ids & self._handed_out
        self._handed_out |= ids
        return batch

    def _deliver_forever(self) -> None:
        """With a webhook set, post the oldest update until the bot takes it, then the next."""
        while True:
            with self._cond:
                self._cond.wait_for(
                    lambda: self._closing or (self.webhook is not None and bool(self._updates))
                )
                if self._closing:
                    return
                assert self.webhook is not None
                (url, secret), update = self.webhook, self._updates[0]
            status = post_webhook(url, secret, update)
            with self._cond:
                self.webhook_posts.append(status)
                if status == 200 and self._updates and self._updates[0] is update:
                    self.taken_at[int(update["update_id"])] = time.monotonic()
                    del self._updates[0]
                    self._changed()
                else:  # the bot is down or refused it: Telegram tries again a little later
                    self._cond.wait(0.1)

    def _send(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = Message(next(self._message_ids), str(params["text"]), _keyboard(params))
        self.chats.setdefault(chat_id, {})[message.message_id] = message
        self.sent[chat_id] = self.sent.get(chat_id, 0) + 1
        self._changed()
        return _bot_message(chat_id, message)

    def _edit(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        message = self.chats.get(chat_id, {}).get(message_id)
        if message is None:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to edit not found",
            }
        text = str(params["text"]) if method == "editMessageText" else message.text
        keyboard = _keyboard(params)
        if (text, keyboard) == (message.text, message.keyboard):
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message is not modified",
            }
        message.text, message.keyboard = text, keyboard
        self._changed()
        return 200, {"ok": True, "result": _bot_message(chat_id, message)}

    def _changed(self) -> None:
        self.changes += 1
        self._cond.notify_all()

    # --- what a citizen does ---

    def wait_for(self, what: str, condition: Callable[[], bool], timeout: float = WAIT) -> None:
        """Wait until the condition holds; fail naming what was awaited."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what}")
                self._cond.wait(min(left, 0.2))

    def wait_change(self, seen: int, timeout: float) -> int:
        """Wait up to timeout for anything shown or answered after `changes` was seen."""
        with self._cond:
            if self.changes == seen and timeout > 0:
                self._cond.wait(timeout)
            return self.changes

    def last(self, chat_id: int) -> Message:
        """A snapshot of the newest message in a chat, as it looks now."""
        with self._cond:
            messages = self.chats.get(chat_id, {})
            return copy.deepcopy(messages[max(messages)])

    def texts(self, chat_id: int) -> list[str]:
        """The text of every message in a chat, oldest first, as they read now."""
        with self._cond:
            messages = self.chats.get(chat_id, {})
            return [messages[i].text for i in sorted(messages)]

    def lost(self, update_id: int) -> bool:
        """Whether an update was confirmed by a process that has died since: never handled."""
        with self._cond:
            return self.confirmed_by.get(update_id, -1) in self.dead

    def answer(self, query_id: str) -> str | None:
        """The notice the bot answered a press with; None while it has not answered."""
        with self._cond:
            return self.answers.get(query_id)

    def sent_to(self, chat_id: int) -> int:
        """How many messages the bot has sent to a chat."""
        with self._cond:
            return self.sent.get(chat_id, 0)

    def send_text(self, user_id: int, text: str) -> int:
        """The citizen sends a message (or a command) without waiting; returns the update id."""
        entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        with self._cond:
            return self._push(
                {
                    "message": {
                        "message_id": next(self._message_ids),
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private"},
                        "from": _user(user_id),
                        "text": text,
                        **({"entities": entities} if text.startswith("/") else {}),
                    }
                }
            )

    def send_press(self, user_id: int, message: Message, data: str) -> tuple[int, str]:
        """The citizen presses a button without waiting; returns the update and query ids."""
        with self._cond:
            query_id = str(next(self._query_ids))
            update_id = self._push(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": _user(user_id),
                        "chat_instance": f"ci{user_id}",
                        "data": data,
                        "message": _bot_message(user_id, message),
                    }
                }
            )
            return update_id, query_id

    def send_unreadable(self, user_id: int, name: str) -> int:
        """A message python-telegram-bot cannot build (a poll without the fields it expects),
        from a person with an id and a name; returns the update id."""
        person = {"id": user_id, "is_bot": False, "first_name": name}
        with self._cond:
            return self._push(
                {
                    "message": {
                        "message_id": next(self._message_ids),
                        "date": int(time.time()),
                        "chat": {"id": user_id, "type": "private", "first_name": name},
                        "from": person,
                        "poll": {"id": "1", "question": f"{name}?", "options": []},
                    }
                }
            )

    def type(self, user_id: int, text: str) -> None:
        """The citizen sends a message and waits for the bot to send something back."""
        before = self.sent_to(user_id)
        self.send_text(user_id, text)
        self.wait_for(f"a reply to {text[:20]!r}", lambda: self.sent.get(user_id, 0) > before)

    def press(self, user_id: int, label: str, message: Message | None = None) -> str:
        """The citizen presses a button the bot sent; returns the notice the bot answered."""
        target = message or self.last(user_id)
        _, query_id = self.send_press(user_id, target, target.data_for(label))
        self.wait_for(f"the answer to pressing {label!r}", lambda: query_id in self.answers)
        return self.answers[query_id]

    def press_through(self, user_id: int, labels: list[str]) -> None:
        """Press each button in turn; each must move on without a notice."""
        for label in labels:
            notice = self.press(user_id, label)
            assert notice == "", f"pressing {label!r} got the notice {notice!r}"

    def _push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._cond.notify_all()
        return update_id


def post_webhook(url: str, secret: str | None, update: dict[str, Any]) -> int:
    """Post an update to a bot's webhook as Telegram does; the HTTP status (0: no answer)."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:  # refused or reset: nobody listening (yet, or any more)
        return 0


def _list(value: Any) -> list[str] | None:
    """A list parameter: JSON in a form field, or a list in a JSON body."""
    value = json.loads(value) if isinstance(value, str) else value
    return None if value is None else [str(v) for v in value]


class _Server(ThreadingHTTPServer):
    # The bot sends to many chats at once; the default backlog of 5 connections would
    # reset the rest, as Telegram does not.
    request_queue_size = 256


def _true(value: Any) -> bool:
    return str(value).lower() == "true"


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Warga", "language_code": "id"}


def _keyboard(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    return list(markup.get("inline_keyboard", [])) if markup else []


def _bot_message(chat_id: int, message: Message) -> dict[str, Any]:
    return {
        "message_id": message.message_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private"},
        "from": BOT_USER,
        "text": message.text,
        **({"reply_markup": {"inline_keyboard": message.keyboard}} if message.keyboard else {}),
    }


def _handler(api: FakeTelegram) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            process, path = _process(self.path)
            token, _, method = path.removeprefix("/bot").partition("/")
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if token != TOKEN:
                status, reply = 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            else:
                status, reply = api.call(method, _params(self.headers, body), process)
            data = json.dumps(reply).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the bot was killed while its long poll was waiting
                pass

        do_GET = do_POST

        def log_message(self, format: str, *args: Any) -> None:
            return None  # quiet: the test reports what matters

    return Handler


def _process(path: str) -> tuple[int, str]:
    """The process a call came from (/p3/bot…; 0 without a prefix) and the rest of the path."""
    head, sep, rest = path.removeprefix("/p").partition("/")
    if path.startswith("/p") and sep and head.isdigit():
        return int(head), "/" + rest
    return 0, path


def _params(headers: Any, body: bytes) -> dict[str, Any]:
    kind = str(headers.get("Content-Type") or "")
    if kind.startswith("application/json"):
        return dict(json.loads(body or b"{}"))
    return {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
