"""The bot's side of the Bot API: which updates it asks for, and updates it cannot read skipped.

python-telegram-bot builds a whole getUpdates batch at once, so one update it cannot
build (a field it expects missing, a type it does not know) fails the batch: the
Updater asks for the same batch again, forever, and logs the raw update each time. Here
each update is built on its own; one that fails is logged once, by its id alone, and
acknowledged with the next poll's offset, while the rest of its batch is handled.
"""

from __future__ import annotations

import datetime as dtm
import logging
import re
from collections.abc import Sequence
from typing import Any, cast

from telegram import Bot, InlineKeyboardMarkup, Update
from telegram._utils.defaultvalue import DEFAULT_NONE, DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

log = logging.getLogger(__name__)

# Only what the handlers in bot/survey/setup.py and bot/officers/setup.py take: commands
# and typed text (CommandHandler and MessageHandler also take an edited message, so a
# corrected command or suggestion counts), and button presses. Telegram sends no other kind.
ALLOWED_UPDATES: tuple[str, ...] = (Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY)

# Connections as ApplicationBuilder would make them: many for replies, one for getUpdates.
_POOL = 256
_WORD = re.compile(r"\w+")


class SkmBot(ExtBot[Any]):
    """ExtBot whose getUpdates skips, logs and acknowledges each update it cannot build."""

    def __init__(
        self,
        token: str,
        base_url: str,
        request: BaseRequest | None = None,
        rate_limiter: AIORateLimiter | None = None,
    ) -> None:
        super().__init__(
            token=token,
            base_url=base_url,
            request=request or HTTPXRequest(connection_pool_size=_POOL),
            get_updates_request=request or HTTPXRequest(connection_pool_size=1),
            rate_limiter=rate_limiter,
        )
        # After a batch that ended in skipped updates: (the offset the Updater asks with
        # next, an offset past the whole batch). The Updater moves its offset only past the
        # updates it was given, so a skipped one at the end would be fetched again forever.
        self._past_skipped: tuple[int | None, int] | None = None

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: int | dtm.timedelta | None = None,  # noqa: ASYNC109 (the Bot API's own)
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> tuple[Update, ...]:
        """Bot.get_updates, building each update on its own and skipping the ones that fail."""
        # Only when the Updater took the whole batch does its offset move past the skipped
        # updates too; had it dropped the batch (stopping), every update comes again.
        asked = offset
        if self._past_skipped is not None and offset == self._past_skipped[0]:
            offset = self._past_skipped[1]
        # As Bot.get_updates: the long poll's wait is added to the read timeout.
        if isinstance(read_timeout, DefaultValue):
            base = self._request[0].read_timeout or 0
        else:
            base = read_timeout or 0
        wait = timeout.total_seconds() if isinstance(timeout, dtm.timedelta) else timeout or 0
        data: JSONDict = {
            "timeout": timeout,
            "offset": offset,
            "limit": limit,
            "allowed_updates": allowed_updates,
        }
        result = cast(
            "list[JSONDict]",
            await self._post(
                "getUpdates",
                data,
                read_timeout=base + wait,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
                api_kwargs=api_kwargs,
            ),
        )
        updates = []
        for raw in result:
            update = parse_update(raw, self)
            if update is not None:
                self.insert_callback_data(update)  # as ExtBot.get_updates does
                updates.append(update)
        if len(updates) < len(result):  # only then: a good batch costs nothing more
            ids = [
                i
                for raw in result
                if isinstance(raw, dict) and isinstance(i := raw.get("update_id"), int)
            ]
            taken = updates[-1].update_id + 1 if updates else asked
            past = max(ids, default=-1) + 1
            self._past_skipped = (taken, past) if ids and taken != past else None
        elif result:
            self._past_skipped = None
        return tuple(updates)


def parse_update(data: object, bot: Bot) -> Update | None:
    """The Update built from Telegram's JSON; None, logged by its id alone, if it cannot be."""
    try:
        update = Update.de_json(cast(JSONDict, data), bot)
    except Exception as exc:  # whatever the library raises, the bot goes on with the rest
        update_id = data.get("update_id") if isinstance(data, dict) else None
        log.error(
            "Skipped update %s that python-telegram-bot cannot read: %s: %s",
            update_id if isinstance(update_id, int) else "without an id",
            type(exc).__name__,
            clean_error(exc, data),
        )
        return None
    return update


def clean_error(exc: BaseException, data: object) -> str:
    """The exception's message, one line, without any value the update carried.

    The update's values are people's ids, names and text, and an exception may quote them
    (`invalid literal for int(): 'Budi'`); its keys are the Bot API's field names and stay.
    """
    message = " ".join(str(exc).split())[:300]
    values = sorted({v for v in _values(data) if v}, key=len, reverse=True)
    for value in values:
        pattern = re.escape(value)
        if _WORD.fullmatch(value):  # a word only as a whole word: "id" spares "chat_id"
            pattern = rf"(?<!\w){pattern}(?!\w)"
        message = re.sub(pattern, "…", message)
    return message or "(no message)"


def _values(data: object) -> list[str]:
    """Every scalar value in a JSON document, as text, and each word of the longer ones."""
    if isinstance(data, dict):
        return [v for item in data.values() for v in _values(item)]
    if isinstance(data, list):
        return [v for item in data for v in _values(item)]
    if data is None or isinstance(data, bool) or (isinstance(data, int) and abs(data) < 1000):
        return []  # small numbers (counts, offsets) are nobody's id
    text = str(data)
    # A message may quote a value cut short or a part of it: each word goes too.
    return [text, *text.split()] if " " in text else [text]


async def edit_text(
    bot: Bot, chat_id: int, message_id: int, text: str, keyboard: InlineKeyboardMarkup | None
) -> None:
    """editMessageText as `Bot.edit_message_text` sends it, without reading the answer back.

    The survey edits a message at nearly every press and needs nothing from Telegram's
    answer, which `edit_message_text` builds into a whole Message (with the keyboard,
    sender and chat): a fifth of the bot's own work per press, by profile. The request
    goes the same way (defaults, the rate limiter, retries) and fails the same way
    (BadRequest "message is not modified", "message to edit not found", ...).
    """
    data: JSONDict = {"chat_id": chat_id, "message_id": message_id, "text": text}
    if keyboard is not None:
        data["reply_markup"] = keyboard
    await bot._post("editMessageText", data)
