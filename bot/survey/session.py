"""The survey between Telegram and the service: who the citizen is, showing screens, begin.

The rules (resume, the daily limit, expiry, submit) are service/survey.py's; this module
knows only Telegram's side: chats, messages, and which message shows a survey.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from telegram import User
from telegram.error import BadRequest

from bot.context import BotContext
from bot.survey import render
from bot.survey.render import Screen
from bot.transport import edit_text
from service import survey as service
from service.i18n import from_telegram, t
from service.privacy import mask_chat, pseudonym
from service.survey import Happened, Result
from skm.questionnaire import Lang
from storage import surveys
from storage.surveys import OpenSurvey

log = logging.getLogger(__name__)


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)


def respondent(context: BotContext, user_id: int) -> str:
    """The citizen's keyed pseudonym: the only way the database knows them."""
    return pseudonym(context.bot_data.secret, user_id)


async def lang_for(context: BotContext, user: User) -> Lang:
    """The citizen's language: the one they chose for an earlier survey, else their app's."""
    chosen = await service.chosen_lang(context.bot_data.database, respondent(context, user.id))
    return chosen or from_telegram(user.language_code)


async def choose_lang(context: BotContext, user: User, lang: Lang) -> None:
    """Remember a language the citizen chose by button, for their later surveys."""
    if lang != await lang_for(context, user):
        db = context.bot_data.database
        await service.choose_lang(db, respondent(context, user.id), lang, now())


async def open_survey(context: BotContext, user_id: int) -> OpenSurvey | None:
    """The citizen's survey in progress, unless it was abandoned too long ago."""
    db, policy = context.bot_data.database, context.bot_data.policy
    return await service.open_survey(db, respondent(context, user_id), now(), policy)


def is_expired(context: BotContext, survey: OpenSurvey) -> bool:
    """Whether the survey was abandoned for longer than SKM_SURVEY_TTL_HOURS."""
    return context.bot_data.policy.expired(survey.updated_at, now())


def screen_of(context: BotContext, survey: OpenSurvey, notice: str | None = None) -> Screen:
    """The screen of a survey's current step."""
    where = render.place(context.bot_data.units, survey.unit, survey.office, survey.lang)
    return render.step_screen(survey.token, survey.state, where, notice)


async def show(
    context: BotContext, chat_id: int, screen: Screen, message_id: int | None = None
) -> int:
    """Edit the message in place, or send a new one; returns the id of the message shown."""
    if message_id is not None:
        try:
            await edit_text(context.bot, chat_id, message_id, screen.text, screen.keyboard)
            return message_id
        except BadRequest as exc:
            if "not modified" in exc.message.lower():  # a repeated press: it already shows this
                return message_id
            log.info("Could not edit the survey message (%s); sending a new one", exc.message)
    sent = await context.bot.send_message(chat_id, screen.text, reply_markup=screen.keyboard)
    return sent.message_id


async def draw(
    context: BotContext,
    chat_id: int,
    survey: OpenSurvey,
    screen: Screen,
    on: int | None = None,
    again: bool = False,
) -> int:
    """Draw a survey's screen on message `on` (None: a new one), which becomes the survey's.

    The survey's message is the newest one showing it, the one the citizen looks at; the
    recovery after a crash draws there. So it is forgotten before the survey moves to
    another message and remembered once that is drawn: killed in between, the bot knows
    it does not know, and the recovery sends a new message. An older message loses its
    buttons. With `again`, a screen that would look unchanged goes into a new message.
    """
    db = context.bot_data.database
    old = survey.message_id
    known = old
    if on is not None:
        if on != old and known is not None:
            await surveys.set_message(db, survey.respondent, survey.token, None)
            known = None
        try:
            await edit_text(context.bot, chat_id, on, screen.text, screen.keyboard)
            drawn = True
        except BadRequest as exc:
            drawn = "not modified" in exc.message.lower() and not again
            if not drawn:
                log.info("Drawing the survey in a new message (%s)", exc.message)
        if drawn:
            if on != old:
                await surveys.set_message(db, survey.respondent, survey.token, on)
                await retire(context, chat_id, old)
            return on
    if known is not None:
        await surveys.set_message(db, survey.respondent, survey.token, None)
    sent = await context.bot.send_message(chat_id, screen.text, reply_markup=screen.keyboard)
    await surveys.set_message(db, survey.respondent, survey.token, sent.message_id)
    await retire(context, chat_id, old)
    return sent.message_id


async def retire(context: BotContext, chat_id: int, message_id: int | None) -> None:
    """Take the buttons off an older message, so that only the newest one offers them."""
    if message_id is None:
        return
    try:
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest as exc:  # already without buttons, deleted, or too old to edit
        log.debug("Could not retire an old survey message: %s", exc.message)


async def begin(
    context: BotContext,
    chat_id: int,
    user_id: int,
    unit: str,
    office: str,
    lang: Lang,
    message_id: int | None = None,
    replacing: str | None = None,
) -> None:
    """Open the survey for a unit and office, resuming the citizen's unfinished one there.

    An unfinished survey elsewhere with answers in it is not dropped unasked: the citizen
    chooses between it and the new one, unless `replacing` names its token (they chose).
    """
    who = respondent(context, user_id)
    async with context.bot_data.turns.turn(who):
        await _begin(context, chat_id, who, unit, office, lang, message_id, replacing)


async def _begin(
    context: BotContext,
    chat_id: int,
    who: str,
    unit: str,
    office: str,
    lang: Lang,
    message_id: int | None,
    replacing: str | None,
) -> None:
    state = context.bot_data
    secret = state.secret

    def mask(token: str) -> int | None:
        # Kept masked while the survey is open, so that after a crash it can be shown again.
        return mask_chat(secret, token, chat_id)

    result = await service.begin(
        state.database,
        who,
        "telegram",
        now(),
        state.policy,
        unit,
        office,
        lang,
        replacing=replacing,
        mask=mask,
    )
    survey = result.survey
    match result.happened:
        case Happened.OVER_LIMIT:
            log.info("Daily limit reached for a citizen of %s at %s", unit, office)
            where = render.place(state.units, unit, office, lang)
            await show(context, chat_id, render.already_today(lang, where), message_id)
        case Happened.RESUMED if survey is not None:
            notice = t(survey.lang, "survey.resumed")
            await draw(context, chat_id, survey, screen_of(context, survey, notice), message_id)
            log.info(
                "Survey resumed for %s at %s at step %s", unit, office, survey.state.current.key
            )
        case Happened.ELSEWHERE if survey is not None:
            old_lang = survey.lang
            open_at = render.place(state.units, survey.unit, survey.office, old_lang)
            new = render.place(state.units, unit, office, old_lang)
            screen = render.switch_prompt(old_lang, survey.token, open_at, unit, office, new)
            await show(context, chat_id, screen, message_id)
            log.info("Asked whether to leave the survey for %s at %s", survey.unit, survey.office)
        case Happened.STARTED if survey is not None:
            if result.found is not None:  # replaced: its message loses its buttons
                await retire(context, chat_id, result.found.message_id)
            await draw(context, chat_id, survey, screen_of(context, survey), message_id)
            log.info("Survey started for %s at %s", unit, office)
        case _:
            raise RuntimeError(f"begin cannot have {result.happened}")


async def submitted(
    context: BotContext, chat_id: int, message_id: int, result: Result
) -> str | None:
    """Show what a confirm did, if it was a submit's outcome: the press's notice; else None."""
    found = result.found
    lang = result.shown_lang or "id"
    match result.happened:
        case Happened.SUBMITTED if found is not None:
            where = render.place(context.bot_data.units, found.unit, found.office, lang)
            log.info("Response stored for %s at %s", found.unit, found.office)
            await show(context, chat_id, render.thanks(lang, where), message_id)
            return ""
        case Happened.OVER_LIMIT if found is not None:
            where = render.place(context.bot_data.units, found.unit, found.office, lang)
            await show(context, chat_id, render.already_today(lang, where), message_id)
            log.info("Daily limit reached at submit for %s at %s", found.unit, found.office)
            return t(lang, "survey.notice.limit")
        case Happened.RECORDED:
            await show(context, chat_id, render.text_only(lang, "survey.recorded"), message_id)
            return t(lang, "survey.notice.recorded")
        case Happened.OVERTAKEN if result.survey is None:
            return t(lang, "survey.notice.stale")
    return None
