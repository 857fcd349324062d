"""The composition root: builds the Application, wires every handler and job, and runs it."""

from __future__ import annotations

import logging
from typing import cast

from telegram import Update
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot import errors, workers
from bot.config import Settings
from bot.context import AppState, BotContext, SkmApplication
from bot.directory import Directory
from bot.logs import setup_logging
from bot.officers import setup as officers
from bot.processor import OrderedProcessor
from bot.retries import RetryingRateLimiter
from bot.survey import setup as survey
from bot.throttle import Throttle
from storage.database import Database

log = logging.getLogger(__name__)

CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=AppState)


async def _post_init(app: SkmApplication) -> None:
    state = app.bot_data
    state.db = await Database.open(state.config.skm_database)
    log.info("Database ready at %s", state.config.skm_database)
    await survey.on_startup(app)
    await officers.on_startup(app)


async def _post_shutdown(app: SkmApplication) -> None:
    workers.close()
    if app.bot_data.db is not None:
        await app.bot_data.db.close()
        app.bot_data.db = None


def build_application(
    settings: Settings,
    directory: Directory,
    request: BaseRequest | None = None,
    rate_limiter: AIORateLimiter | None = None,
) -> SkmApplication:
    """The Application with every handler, the error handler and the lifecycle hooks."""
    token, secret = settings.require_bot()
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.bot_api_base_url)
        .context_types(CONTEXT_TYPES)
        # Telegram's flood limits by default, 429s and network failures tried again; the
        # benchmark lifts the limits, as its offline Bot API answers at once and would
        # otherwise measure the limits, not the bot.
        .rate_limiter(rate_limiter or RetryingRateLimiter())
        # Different chats at once, each chat and person in order, floods dropped.
        .concurrent_updates(OrderedProcessor(throttle=Throttle()))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if request is not None:  # tests replace the network here, at its edge
        builder = builder.request(request).get_updates_request(request)
    # PTB's builder cannot spell our context types in its return type.
    app = cast(SkmApplication, builder.build())
    state = app.bot_data
    state.settings, state.directory, state.secret = settings, directory, secret

    # Handlers are tried in this order (one group; the first that matches handles):
    # 1. the survey's buttons, the bulk of all updates, so they skip the checks below;
    app.add_handlers(survey.button_handlers())
    # 2. officer and admin commands, and `/start inv-…` invites, before the survey so
    #    that the survey's free-text step never takes a command;
    app.add_handlers(officers.handlers())
    # 3. the rest of the survey: /start with a QR payload, the suggestion, /batal, and a
    #    notice for buttons nobody knows.
    app.add_handlers(survey.handlers())
    # One error handler for everything.
    app.add_error_handler(errors.on_error)
    # A stored response goes on to the officers' low-score alerts.
    state.response_listeners.append(officers.on_response)
    return app


def run(settings: Settings, directory: Directory) -> None:
    """Start the bot: long polling, or a webhook when SKM_WEBHOOK_URL is set."""
    webhook = settings.require_webhook()  # a webhook Telegram would refuse stops here
    setup_logging(settings.skm_log_level)
    app = build_application(settings, directory)
    if webhook is None:
        log.info("Starting with long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    # The bot listens on the public URL's path (a proxy in front forwards it here).
    log.info(
        "Starting with a webhook on %s:%s/%s",
        settings.skm_webhook_listen,
        settings.skm_webhook_port,
        webhook.path,
    )
    app.run_webhook(
        listen=settings.skm_webhook_listen,
        port=settings.skm_webhook_port,
        url_path=webhook.path,
        webhook_url=webhook.url,
        secret_token=webhook.secret,
        allowed_updates=Update.ALL_TYPES,
    )
