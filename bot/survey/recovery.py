"""After a start, every survey touched in the last hour is shown again at its current step.

Telegram counts an update as delivered once the bot has fetched it, so a process that dies
takes the presses it fetched but had not handled with it. The citizen who pressed sees
nothing happen and may walk away; shown the step again ("Maaf, ada gangguan sebentar"),
they can press once more, e.g. "Kirim jawaban".

The citizen waiting is shown their step before the bot goes on with new updates: a
recovery that ran beside them, one survey at a time, got a small share of Telegram's
30 messages a second under load (90 surveys took 22 s, longer than a person waits).
So new updates are held while it runs (up to HOLD; they queue in their order and go on
after), and it draws AT_ONCE surveys at a time, which the flood limit alone then paces:
about 30 surveys a second.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from telegram.error import TelegramError

from bot.context import BotContext, SkmApplication
from bot.processor import OrderedProcessor
from bot.survey import session
from service.i18n import as_lang, t
from service.privacy import unmask_chat
from storage import surveys
from storage.surveys import OpenSurvey

log = logging.getLogger(__name__)

RECOVERY_JOB = "show-surveys-again"
WINDOW = timedelta(hours=1)
HOLD = timedelta(seconds=10)  # at most this long new updates wait for the recovery
AT_ONCE = 16  # surveys drawn at once: more than the flood limit lets through in 0.5 s


async def schedule(app: SkmApplication, started: datetime) -> None:
    """List the surveys touched in the hour before the start, and show them once the bot runs.

    Listed here, in post_init, before any update is handled: whatever is in the database now
    was left by an earlier process (a survey this one starts shows itself). Shown by a job,
    beside the first updates rather than before them.
    """
    jobs = app.job_queue
    assert jobs is not None  # the survey's set-up already insisted on it
    # Updated_at is kept in whole seconds: the second of the start counts as before it.
    # Newest first: whoever pressed just before the crash is likeliest to be waiting, and
    # a bot killed again soon after its start should have shown them before the others.
    listed = await surveys.touched_between(
        app.bot_data.database, started - WINDOW, started + timedelta(seconds=1)
    )
    if listed and isinstance(app.update_processor, OrderedProcessor):
        app.update_processor.hold()  # released by `recover`, whatever happens there
    jobs.run_once(
        recover,
        timedelta(0),
        data=listed,
        name=RECOVERY_JOB,
        job_kwargs={"misfire_grace_time": None},  # however late the queue starts
    )


async def recover(context: BotContext) -> None:
    """Show each survey listed at the start at its current step again, newest first.

    New updates wait until it is done, or HOLD has passed (the rest then goes on beside
    them): whoever pressed just before the crash sees the step again within seconds.
    """
    job = context.job
    listed = job.data if job is not None and isinstance(job.data, list) else []
    room = asyncio.Semaphore(AT_ONCE)  # hands out its places first come, first served

    async def one(survey: OpenSurvey) -> bool:
        async with room:
            return await show_again(context, survey)

    shows = asyncio.gather(*(one(s) for s in listed))
    try:
        await asyncio.wait_for(asyncio.shield(shows), HOLD.total_seconds())
    except TimeoutError:
        log.info("Showing recent surveys again goes on beside new updates")
    except asyncio.CancelledError:  # the bot stops meanwhile
        shows.cancel()
        raise
    finally:
        processor = context.application.update_processor
        if isinstance(processor, OrderedProcessor):
            processor.release()
    shown = sum(await shows)
    # Also when there was nothing to show: the end of the start's work (tests wait for it).
    log.info("Showed %d of %d recent survey(s) again after the start", shown, len(listed))


async def show_again(context: BotContext, listed: OpenSurvey) -> bool:
    """Show one survey's step again with an apology, unless it moved on since it was listed."""
    # In the citizen's turn: a press handled meanwhile would draw the same survey.
    async with context.bot_data.turns.turn(listed.respondent):
        survey = await surveys.get(context.bot_data.database, listed.respondent)
        if survey is None or _moved(listed, survey) or session.is_expired(context, survey):
            return False  # finished, cancelled or answered since the start: it shows itself
        if survey.masked_chat is None:
            return False
        chat_id = unmask_chat(context.bot_data.secret, survey.token, survey.masked_chat)
        screen = session.screen_of(context, survey, t(as_lang(survey.lang), "survey.recovered"))
        try:
            # On the survey's message, the newest one showing it (see session.draw). If it
            # shows this apology already, from an earlier start, and a press on it was lost
            # again, drawn again it would look as if nothing happened: a new message.
            await session.draw(context, chat_id, survey, screen, survey.message_id, again=True)
        except TelegramError as exc:  # blocked the bot since, or Telegram refused: leave it
            log.info("Could not show a survey again: %s", exc)
            return False
        return True


def _moved(before: OpenSurvey, after: OpenSurvey) -> bool:
    return (before.token, before.state, before.lang) != (after.token, after.state, after.lang)
