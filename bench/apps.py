"""The Applications measured: the real bot (offline or a network away), and the bare ceiling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler

from bench.offline import TOKEN, OfflineBotApi
from bot.app import build_application
from bot.context import SkmApplication
from service.config import Settings
from service.directory import load_directory

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
SECRET = "bench-secret-for-pseudonyms-0123456789"
ADMIN = 900001  # the officer who asks /ikm in the offline runs


def unthrottled() -> AIORateLimiter:
    """PTB's rate limiter with Telegram's flood limits lifted.

    The limiter still runs on every call, as in production; only its 30 messages a second
    are lifted, because the offline Bot API answers at once and the run would otherwise
    measure Telegram's limit rather than the code.
    """
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0)


def settings(db_path: str | Path, admins: list[int]) -> Settings:
    """The bot's settings for a benchmark: a SQLite file, the given admins, nothing from .env."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr(TOKEN),
        skm_secret=SecretStr(SECRET),
        skm_database=str(db_path),
        skm_admin_ids=admins,
    )


def real_application(db_path: str | Path, api: OfflineBotApi) -> SkmApplication:
    """The bot as the composition root builds it, on a SQLite file, with the offline Bot API."""
    return build_application(settings(db_path, [ADMIN]), load_directory(None), api, unthrottled())


def network_application(db_path: Path, api: OfflineBotApi, admins: list[int]) -> SkmApplication:
    """The bot as in production: the composition root's own rate limiter, Telegram's limits on."""
    return build_application(settings(db_path, admins), load_directory(None), api)


# What the bare Application shows: about the size of a survey screen and its five rows.
_CEILING_TEXT = (
    "Pertanyaan 3 dari 9 — Waktu pelayanan\n\n"
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"
)
_CEILING_KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Tidak cepat", callback_data="s|AbCdEfGh|u3|c|1")],
        [InlineKeyboardButton("Kurang cepat", callback_data="s|AbCdEfGh|u3|c|2")],
        [InlineKeyboardButton("Cepat", callback_data="s|AbCdEfGh|u3|c|3")],
        [InlineKeyboardButton("Sangat cepat", callback_data="s|AbCdEfGh|u3|c|4")],
        [
            InlineKeyboardButton("◀ Kembali", callback_data="s|AbCdEfGh|u3|b"),
            InlineKeyboardButton("English", callback_data="s|AbCdEfGh|u3|l|en"),
        ],
    ]
)


async def _edit_once(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat, message = update.effective_chat, update.effective_message
    if chat is not None and message is not None:
        await context.bot.edit_message_text(
            _CEILING_TEXT, chat.id, message.message_id, reply_markup=_CEILING_KEYBOARD
        )


def ceiling_application(api: OfflineBotApi) -> AnyApplication:
    """A bare Application answering every update with exactly one edit, and no rate limiter.

    No logic, no storage, no callback answer: the least any bot on this framework does.
    """
    app = ApplicationBuilder().token(TOKEN).request(api).get_updates_request(api).build()
    app.add_handler(TypeHandler(Update, _edit_once))
    return app


@asynccontextmanager
async def running(app: AnyApplication) -> AsyncIterator[AnyApplication]:
    """Initialise and start an Application (with its lifecycle hooks), and stop it after."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    try:
        yield app
    finally:
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


@asynccontextmanager
async def polling(app: AnyApplication) -> AsyncIterator[AnyApplication]:
    """Run an Application as `run_polling` does: updates fetched by getUpdates, long polling."""
    async with running(app):
        if app.updater is None:
            raise RuntimeError("the Application has no Updater to poll with")
        await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        try:
            yield app
        finally:
            await app.updater.stop()
