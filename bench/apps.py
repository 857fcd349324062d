"""The two Applications measured: the real bot, and a bare one that is the framework's ceiling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bench.offline import TOKEN, OfflineBotApi
from bot.app import build_application
from bot.config import Settings
from bot.context import SkmApplication
from bot.directory import load_directory

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
SECRET = "bench-secret-for-pseudonyms-0123456789"


def unthrottled() -> AIORateLimiter:
    """PTB's rate limiter with Telegram's flood limits lifted.

    The limiter still runs on every call, as in production; only its 30 messages a second
    are lifted, because the offline Bot API answers at once and both runs would otherwise
    measure Telegram's limit rather than the code.
    """
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0)


def real_application(db_path: Path, api: OfflineBotApi) -> SkmApplication:
    """The bot as the composition root builds it, on a SQLite file, with the offline Bot API."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        bot_token=SecretStr(TOKEN),
        skm_secret=SecretStr(SECRET),
        skm_database=db_path,
        skm_admin_ids=[900001],
    )
    return build_application(settings, load_directory(None), api, unthrottled())


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


async def _send(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat is not None:
        await context.bot.send_message(
            update.effective_chat.id, _CEILING_TEXT, reply_markup=_CEILING_KEYBOARD
        )


async def _answer_and_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is not None:
        await query.answer()
        await query.edit_message_text(_CEILING_TEXT, reply_markup=_CEILING_KEYBOARD)


def ceiling_application(api: OfflineBotApi) -> AnyApplication:
    """A bare Application that only answers and edits: no logic, no storage."""
    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .request(api)
        .get_updates_request(api)
        .rate_limiter(unthrottled())
        .build()
    )
    app.add_handlers(
        [
            CommandHandler("start", _send),
            CallbackQueryHandler(_answer_and_edit),
            MessageHandler(filters.TEXT & ~filters.COMMAND, _send),
        ]
    )
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
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()
