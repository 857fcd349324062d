"""The one error handler: log with the traceback first, then tell the person something useful."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import RetryAfter

from bot.context import BotContext
from bot.retries import transient
from service.i18n import as_lang, t

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with its traceback, then apologise to the person, if there is one."""
    log.error("Unhandled error while handling an update", exc_info=context.error)
    if isinstance(context.error, RetryAfter) or (
        context.error is not None and transient(context.error)
    ):
        # Telegram is limiting us, or cannot be reached: a message would only add to it.
        return
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    lang = as_lang(user.language_code[:2] if user and user.language_code else None)
    try:
        await context.bot.send_message(update.effective_chat.id, t(lang, "error.generic"))
    except Exception:  # the network may be what failed; the log already has the cause
        log.warning("Could not tell the person about the error", exc_info=True)
