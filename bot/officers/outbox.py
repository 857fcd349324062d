"""Delivering the alert outbox: a job claims the alerts that are due, sends them, marks them.

The alerts were written with their response, in its transaction (storage/alerts.py), so a
crash, a 429 or a network failure delays an alert and never drops it. An officer hears of
a unit at most once every SKM_ALERT_EVERY_MINUTES: the alerts that gather meanwhile go out
together in one message, which says how many responses it covers. They are claimed before
the message is sent and marked, all at once, right after: in normal operation each goes
out once. A crash between Telegram's answer and the mark would send them once more after
the claim's lease (at least once is all a sender outside the database can promise).
"""

from __future__ import annotations

import logging
import warnings
from datetime import UTC, datetime, timedelta
from typing import cast

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import JobQueue
from telegram.warnings import PTBDeprecationWarning

from bot.context import BotContext, SkmApplication
from bot.officers.alerts import notice
from service.i18n import as_lang
from storage import alerts
from storage.alerts import PendingAlert

log = logging.getLogger(__name__)

DELIVERY_JOB = "deliver-alerts"
KICK_JOB = "deliver-alerts-now"
DELIVERY_EVERY = timedelta(seconds=30)
LEASE = timedelta(minutes=2)  # longer than a send may take, rate limiter included
BATCH = 20
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """How long an alert waits after its n-th failed send: 30 s, doubling, at most an hour."""
    wait: timedelta = FIRST_RETRY * 2 ** max(attempts - 1, 0)
    return min(wait, LONGEST_WAIT)


def schedule(app: SkmApplication) -> None:
    """Deliver every ~30 s, and once right away (what a crash left behind goes out first)."""
    jobs = app.job_queue
    assert jobs is not None  # the survey's set-up already insisted on it
    for old in jobs.get_jobs_by_name(DELIVERY_JOB):
        old.schedule_removal()
    jobs.run_repeating(deliver, interval=DELIVERY_EVERY, first=DELIVERY_EVERY, name=DELIVERY_JOB)
    # A repeating job's first run at once is skipped when the queue starts after it was
    # added (APScheduler moves a start already past on to the next interval): a one-off
    # run never is, however late the queue starts.
    jobs.run_once(deliver, timedelta(0), name=KICK_JOB, job_kwargs={"misfire_grace_time": None})


def kick(context: BotContext, after: timedelta = timedelta(0)) -> None:
    """Deliver soon (a response was just stored, or Telegram asked to wait this long)."""
    # PTB types a context's job queue by a variable it cannot tie to BotContext.
    kick_queue(cast("JobQueue[BotContext] | None", context.job_queue), after)


def kick_queue(jobs: JobQueue[BotContext] | None, after: timedelta = timedelta(0)) -> None:
    """As `kick`, on the Application's job queue (for a listener, which has no context)."""
    if jobs is not None:
        jobs.run_once(deliver, after, name=KICK_JOB, job_kwargs={"misfire_grace_time": None})


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)


async def deliver(context: BotContext) -> None:
    """Send the alerts that are due, batch by batch, until none is left or Telegram says wait."""
    await deliver_due(context, now())


async def deliver_due(context: BotContext, moment: datetime) -> int:
    """Send the alerts due at a moment; returns how many went out."""
    db = context.bot_data.database
    window = timedelta(minutes=context.bot_data.config.skm_alert_every_minutes)
    sent = 0
    while batch := await alerts.claim(db, moment, LEASE, window, BATCH):
        for i, item in enumerate(batch):
            outcome = await _send(context, item, moment)
            if isinstance(outcome, timedelta):  # flood control: this and the rest wait
                for rest in batch[i:]:
                    await alerts.retry_at(db, rest.ids, moment + outcome, failed=False)
                kick(context, outcome)
                return sent
            sent += outcome
    return sent


async def _send(context: BotContext, item: PendingAlert, moment: datetime) -> bool | timedelta:
    """Send one officer's alerts about a unit as one message and mark them all: whether it
    went, or how long to wait (429)."""
    db = context.bot_data.database
    if not item.lang:  # no officer row: revoked since the responses were stored
        await alerts.give_up(db, item.ids, "officer revoked")
        return False
    text = notice(item.responses, context.bot_data.units, as_lang(item.lang))
    try:
        await context.bot.send_message(item.officer_id, text, parse_mode=ParseMode.HTML)
    except RetryAfter as exc:
        log.warning("Alert delivery paused: Telegram asked to wait (%s)", exc)
        return _retry_after(exc)
    except (Forbidden, BadRequest) as exc:
        # Blocked, or a chat Telegram refuses: trying again would not change that.
        log.warning("Alert to officer %s given up: %s", item.officer_id, exc.message)
        await alerts.give_up(db, item.ids, exc.message[:200])
    except Exception as exc:  # the network or Telegram failing for now: try again later
        wait = backoff(item.attempts + 1)
        log.warning("Alert to officer %s failed (%s); next try in %s", item.officer_id, exc, wait)
        await alerts.retry_at(db, item.ids, moment + wait)
    else:
        await alerts.delivered(db, item.ids, now())
        return True
    return False


def _retry_after(exc: RetryAfter) -> timedelta:
    with warnings.catch_warnings():  # PTB warns that the int form will become a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=value)
