"""The weekly summary job, and /langganan and /berhenti to subscribe a chat to it."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from html import escape

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot.context import BotContext, SkmApplication
from bot.officers import digest
from bot.officers.access import Scope, Viewer, officers_only, reply, scope_label
from service.config import WEEKDAYS, Settings
from service.i18n import as_lang, t
from service.zones import zone_label
from storage import jobs, subscriptions
from storage.subscriptions import Subscription

log = logging.getLogger(__name__)

JOB_NAME = "officers.weekly_summary"


def job_day(settings: Settings) -> int:
    """The configured weekday as the JobQueue counts days (0 is Sunday, since PTB 20)."""
    return (WEEKDAYS.index(settings.skm_weekly_day) + 1) % 7


def schedule(app: SkmApplication) -> None:
    """Schedule the summary at the configured local weekday and time, replacing any earlier."""
    settings = app.bot_data.config
    jobs = app.job_queue
    if jobs is None:
        log.warning("No JobQueue (install python-telegram-bot[job-queue]): no weekly summary")
        return
    for job in jobs.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    jobs.run_daily(
        send_weekly,
        time=settings.skm_weekly_time.replace(tzinfo=settings.tz),
        days=(job_day(settings),),
        name=JOB_NAME,
    )


async def summary_for(context: BotContext, subscription: Subscription, now: datetime) -> str:
    """The summary text for one subscribed chat's scope and language."""
    state = context.bot_data
    scope = Scope(subscription.unit, subscription.office)
    data = await digest.weekly(state.database, state.units, scope, now, state.config.weighting)
    return digest.render(data, state.units, scope.office, as_lang(subscription.lang))


async def _deliver(context: BotContext, subscription: Subscription, text: str) -> None:
    db = context.bot_data.database
    try:
        await context.bot.send_message(subscription.chat_id, text, parse_mode=ParseMode.HTML)
    except ChatMigrated as exc:
        # The group became a supergroup with a new id: follow it and send there.
        await subscriptions.move(db, subscription.chat_id, exc.new_chat_id)
        await context.bot.send_message(exc.new_chat_id, text, parse_mode=ParseMode.HTML)
    except Forbidden:
        log.warning("Removed from chat %s: unsubscribing it", subscription.chat_id)
        await subscriptions.unsubscribe(db, subscription.chat_id)


def due_day(settings: Settings, now: datetime) -> date:
    """The local date of the summary's latest due time at or before `now`."""
    local = now.astimezone(settings.tz)
    back = (local.weekday() - WEEKDAYS.index(settings.skm_weekly_day)) % 7
    if back == 0 and local.time() < settings.skm_weekly_time:
        back = 7
    return local.date() - timedelta(days=back)


async def send_weekly(context: BotContext) -> None:
    """The job: send every subscribed chat its summary; one failing chat does not stop others.

    Every bot process sharing the database runs this job; each chat's summary for a due
    time is claimed first, so that one of them sends it.
    """
    state = context.bot_data
    now = datetime.now(state.config.tz)
    due = due_day(state.config, now).isoformat()
    for subscription in await subscriptions.all_subscriptions(state.database):
        if not await jobs.claim(state.database, JOB_NAME, f"{due}:{subscription.chat_id}", now):
            continue
        try:
            await _deliver(context, subscription, await summary_for(context, subscription, now))
        except TelegramError:
            log.warning("Weekly summary not sent to chat %s", subscription.chat_id, exc_info=True)


def _when(settings: Settings, viewer: Viewer) -> dict[str, str]:
    return {
        "day": t(viewer.lang, f"officer.day_{settings.skm_weekly_day}"),
        "time": settings.skm_weekly_time.strftime("%H:%M"),
        "zone": zone_label(settings.skm_timezone),
    }


@officers_only
async def langganan(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/langganan (alias /subscribe): this chat gets the weekly summary for the sender's scope."""
    state = context.bot_data
    chat = update.effective_chat
    if chat is None:
        return
    scope = viewer.reach
    new = await subscriptions.subscribe(
        state.database,
        chat.id,
        scope.unit,
        scope.office,
        viewer.lang,
        viewer.user_id,
        datetime.now(state.config.tz),
    )
    key = "officer.subscribed" if new else "officer.subscribed_again"
    label = escape(scope_label(scope, state.units, viewer.lang))
    await reply(update, t(viewer.lang, key, scope=label, **_when(state.config, viewer)))


@officers_only
async def berhenti(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/berhenti (alias /unsubscribe): this chat no longer gets the weekly summary."""
    chat = update.effective_chat
    if chat is None:
        return
    stopped = await subscriptions.unsubscribe(context.bot_data.database, chat.id)
    key = "officer.unsubscribed" if stopped else "officer.not_subscribed"
    await reply(update, t(viewer.lang, key))
