"""The composition root: builds the Application, wires every handler and job, and runs it."""

from __future__ import annotations

import logging
from typing import cast

from telegram.error import InvalidToken
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot import errors, shutdown, web, workers
from bot.context import AppState, BotContext, SkmApplication
from bot.logs import setup_logging
from bot.officers import setup as officers
from bot.processor import OrderedProcessor
from bot.retries import RetryingRateLimiter
from bot.survey import setup as survey
from bot.throttle import Throttle
from bot.transport import ALLOWED_UPDATES, SkmBot
from bot.webhook import guard_webhooks
from service.config import ConfigError, Settings, Webhook
from service.directory import Directory
from storage.database import Database, shown

log = logging.getLogger(__name__)

CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=AppState)


async def _post_init(app: SkmApplication) -> None:
    state = app.bot_data
    if state.owns_signals:  # first: a stop while starting must not leave the database open
        shutdown.guard()
    state.db = await Database.open(state.config.skm_database)
    log.info("Database ready at %s", shown(state.config.skm_database))
    await survey.on_startup(app)
    await officers.on_startup(app)
    await web.start(app)  # last: it serves citizens from the database opened above


async def _post_stop(app: SkmApplication) -> None:
    await web.stop(app)


async def _post_shutdown(app: SkmApplication) -> None:
    await web.stop(app)  # before the database closes (already stopped unless start failed)
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
    # Telegram's flood limits by default, 429s and network failures tried again; the
    # benchmark lifts the limits, as its offline Bot API answers at once and would
    # otherwise measure the limits, not the bot. Tests replace the network at its edge,
    # the request.
    limiter = rate_limiter or RetryingRateLimiter()
    bot = SkmBot(token, settings.bot_api_base_url, request, limiter)
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(CONTEXT_TYPES)
        # Different chats at once, each chat and person in order, floods dropped.
        .concurrent_updates(OrderedProcessor(throttle=Throttle()))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    # PTB's builder cannot spell our context types in its return type.
    app = cast(SkmApplication, builder.build())
    state = app.bot_data
    state.settings, state.directory, state.secret = settings, directory, secret

    # First, in a group of its own so that the update then goes on to the handlers below:
    # an admin or officer whose command menu waited for their first message gets it.
    app.add_handlers(officers.first_message_handlers(state), group=-2)
    # Then (group -1): an officer's typed answer to an open /tindaklanjut dialogue, looked
    # up in the database by the sender; it stops the update there, so the survey's
    # free-text step below never takes it. Other text passes on unchanged.
    app.add_handlers(officers.typed_text_handlers(), group=-1)
    # Then the handlers are tried in this order (group 0; the first that matches handles):
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
    # A response that calls for the officers' attention is stored with its alerts (one
    # transaction); once stored, the officers' side has them delivered.
    state.alert_rule = officers.alert_rule(settings)
    state.response_listeners.append(officers.response_listener(app))
    return app


def run(settings: Settings, directory: Directory) -> None:
    """Start the bot: long polling, or a webhook when SKM_WEBHOOK_URL is set."""
    webhook = settings.require_webhook()  # a webhook Telegram would refuse stops here
    settings.require_web()  # and so does a web address the survey cannot use
    setup_logging(settings.skm_log_level)
    app = build_application(settings, directory)
    app.bot_data.owns_signals = True
    try:
        _serve(app, settings, webhook)
    except InvalidToken:
        # The library's message carries the whole token: the log masks it, and this
        # sentence takes the place of its traceback.
        raise ConfigError(
            "Telegram refused BOT_TOKEN: copy the token again from @BotFather into .env "
            "(it may have been revoked)."
        ) from None


def _serve(app: SkmApplication, settings: Settings, webhook: Webhook | None) -> None:
    if webhook is None:
        log.info("Starting with long polling")
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    # The bot listens on the public URL's path (a proxy in front forwards it here).
    log.info(
        "Starting with a webhook on %s:%s/%s",
        settings.skm_webhook_listen,
        settings.skm_webhook_port,
        webhook.path,
    )
    guard_webhooks()  # the secret and the size checked before a body is read
    app.run_webhook(
        listen=settings.skm_webhook_listen,
        port=settings.skm_webhook_port,
        url_path=webhook.path,
        webhook_url=webhook.url,
        secret_token=webhook.secret,
        allowed_updates=ALLOWED_UPDATES,
    )
