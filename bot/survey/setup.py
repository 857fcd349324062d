"""What the survey adds to the Application: its handlers and its start-up work."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import BotContext, SkmApplication
from bot.survey import buttons, recovery, session
from bot.survey import handlers as citizen
from service import survey as service
from storage import jobs as job_runs

log = logging.getLogger(__name__)

EXPIRY_JOB = "expire-surveys"
EXPIRY_EVERY = timedelta(minutes=15)


def button_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """The survey's buttons: most updates the bot gets, so the composition root tries them first.

    Their callback data has prefixes of its own (`s|`, `sp|`, `sw|`), so no other handler
    wants them.
    """
    return [
        CallbackQueryHandler(buttons.on_step, pattern=r"^s\|"),
        CallbackQueryHandler(buttons.on_pick, pattern=r"^sp\|"),
        CallbackQueryHandler(buttons.on_switch, pattern=r"^sw\|"),
    ]


def handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """The survey's commands and typed text, and the notices for unknown commands and buttons."""
    private = filters.ChatType.PRIVATE
    return [
        # /start: in a group, a pointer to the private chat; in private, the survey.
        CommandHandler("start", citizen.on_start_in_group, filters.ChatType.GROUPS),
        CommandHandler("start", citizen.on_start, private),
        CommandHandler("batal", citizen.on_cancel, private),
        # Typed text, never a command: other commands are not the survey's business.
        MessageHandler(filters.TEXT & ~filters.COMMAND & private, citizen.on_text),
        # Last: a command nobody above took gets a pointer to /bantuan (see the handler for
        # groups).
        MessageHandler(filters.COMMAND, citizen.on_unknown_command),
        # Last: any button nobody above knows gets a short notice instead of a spinner.
        CallbackQueryHandler(buttons.on_unknown),
    ]


async def expire_surveys(context: BotContext) -> None:
    """Delete surveys abandoned for longer than SKM_SURVEY_TTL_HOURS."""
    state = context.bot_data
    removed = await service.expire(state.database, session.now(), state.policy)
    if removed:
        log.info("Deleted %d abandoned survey(s)", removed)


async def expire_when_due(context: BotContext) -> None:
    """The repeating expiry: of the processes sharing the database, one runs each quarter's."""
    now = session.now()
    quarter = int(now.timestamp() // EXPIRY_EVERY.total_seconds())
    if await job_runs.claim(context.bot_data.database, EXPIRY_JOB, str(quarter), now):
        await expire_surveys(context)


async def on_startup(app: SkmApplication) -> None:
    """Schedule the survey's jobs: expiry of abandoned surveys, recent ones shown again."""
    jobs = app.job_queue
    if jobs is None:
        raise RuntimeError(
            "the survey needs PTB's job queue: install python-telegram-bot[job-queue]"
        )
    for old in jobs.get_jobs_by_name(EXPIRY_JOB):
        old.schedule_removal()
    jobs.run_repeating(expire_when_due, interval=EXPIRY_EVERY, first=EXPIRY_EVERY, name=EXPIRY_JOB)
    # Once at start too. Not as the repeating job's first run: APScheduler skips that when
    # the queue starts after the job was added (it does, here), so expiry waited 15 min.
    jobs.run_once(expire_surveys, timedelta(0), job_kwargs={"misfire_grace_time": None})
    await recovery.schedule(app, session.now())
    config = app.bot_data.config
    log.info(
        "Survey ready for @%s: daily limit %s, unfinished surveys kept %d h",
        app.bot.username,
        config.skm_daily_limit or "none",
        config.skm_survey_ttl_hours,
    )
    wanted = config.skm_bot_username
    if wanted and wanted.lower() != app.bot.username.lower():
        log.warning(
            "SKM_BOT_USERNAME is @%s but the token belongs to @%s: QR codes made with "
            "`skm-bot qr` would open the other bot",
            wanted,
            app.bot.username,
        )
