"""The survey's work between Telegram and storage: begin or resume, show a screen, submit."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from telegram import User
from telegram.error import BadRequest

from bot.context import BotContext
from bot.survey import render
from bot.survey.callbacks import new_token
from bot.survey.render import Screen
from service.i18n import as_lang, from_telegram, t
from service.privacy import mask_chat, pseudonym
from skm.questionnaire import Lang
from skm.records import Response
from storage import languages, responses, surveys
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
    chosen = await languages.get(context.bot_data.database, respondent(context, user.id))
    return as_lang(chosen) if chosen else from_telegram(user.language_code)


async def choose_lang(context: BotContext, user: User, lang: Lang) -> None:
    """Remember a language the citizen chose by button, for their later surveys."""
    if lang != await lang_for(context, user):
        await remember_lang(context, user.id, lang)


async def remember_lang(context: BotContext, user_id: int, lang: Lang) -> None:
    """Keep the citizen's language under their pseudonym (never their Telegram id)."""
    await languages.remember(context.bot_data.database, respondent(context, user_id), lang, now())


async def open_survey(context: BotContext, user_id: int) -> OpenSurvey | None:
    """The citizen's survey in progress, unless it was abandoned too long ago."""
    survey = await surveys.get(context.bot_data.database, respondent(context, user_id))
    return None if survey is None or is_expired(context, survey) else survey


def is_expired(context: BotContext, survey: OpenSurvey) -> bool:
    """Whether the survey was abandoned for longer than SKM_SURVEY_TTL_HOURS."""
    ttl = timedelta(hours=context.bot_data.config.skm_survey_ttl_hours)
    return survey.updated_at < now() - ttl


def screen_of(context: BotContext, survey: OpenSurvey, notice: str | None = None) -> Screen:
    """The screen of a survey's current step."""
    lang = as_lang(survey.lang)
    where = render.place(context.bot_data.units, survey.unit, survey.office, lang)
    return render.step_screen(survey.token, lang, survey.state, where, notice)


async def show(
    context: BotContext, chat_id: int, screen: Screen, message_id: int | None = None
) -> int:
    """Edit the message in place, or send a new one; returns the id of the message shown."""
    if message_id is not None:
        try:
            await context.bot.edit_message_text(
                screen.text, chat_id, message_id, reply_markup=screen.keyboard
            )
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
            await context.bot.edit_message_text(
                screen.text, chat_id, on, reply_markup=screen.keyboard
            )
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


async def limit_reached(context: BotContext, who: str, unit: str) -> bool:
    """Whether the citizen has given SKM_DAILY_LIMIT responses for the unit today."""
    config = context.bot_data.config
    if config.skm_daily_limit == 0:
        return False
    midnight = datetime.now(config.tz).replace(hour=0, minute=0, second=0, microsecond=0)
    given = await responses.count_since(context.bot_data.database, who, unit, midnight)
    return given >= config.skm_daily_limit


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
    db = context.bot_data.database
    if await limit_reached(context, who, unit):
        log.info("Daily limit reached for a citizen of %s at %s", unit, office)
        where = render.place(context.bot_data.units, unit, office, lang)
        await show(context, chat_id, render.already_today(lang, where), message_id)
        return
    survey = await surveys.get(db, who)
    if survey is not None:
        same_place = (survey.unit, survey.office) == (unit, office)
        if same_place and not is_expired(context, survey):
            notice = t(as_lang(survey.lang), "survey.resumed")
            await draw(context, chat_id, survey, screen_of(context, survey, notice), message_id)
            log.info(
                "Survey resumed for %s at %s at step %s", unit, office, survey.state.current.key
            )
            return
        if survey.state.step > 0 and survey.token != replacing and not is_expired(context, survey):
            units = context.bot_data.units
            old_lang = as_lang(survey.lang)
            open_at = render.place(units, survey.unit, survey.office, old_lang)
            new = render.place(units, unit, office, old_lang)
            screen = render.switch_prompt(old_lang, survey.token, open_at, unit, office, new)
            await show(context, chat_id, screen, message_id)
            log.info("Asked whether to leave the survey for %s at %s", survey.unit, survey.office)
            return
        await retire(context, chat_id, survey.message_id)
    token = new_token()
    # Kept masked while the survey is open, so that after a crash it can be shown again.
    chat = mask_chat(context.bot_data.secret, token, chat_id)
    survey = await surveys.start(db, who, token, unit, office, lang, now(), chat)
    await draw(context, chat_id, survey, screen_of(context, survey), message_id)
    log.info("Survey started for %s at %s", unit, office)


async def submit(
    context: BotContext, chat_id: int, message_id: int, survey: OpenSurvey
) -> tuple[str, Response | None]:
    """Store the confirmed survey and thank the citizen: the press's notice, and what it stored."""
    db = context.bot_data.database
    lang = as_lang(survey.lang)
    where = render.place(context.bot_data.units, survey.unit, survey.office, lang)
    if await limit_reached(context, survey.respondent, survey.unit):
        await surveys.cancel(db, survey.respondent)
        await show(context, chat_id, render.already_today(lang, where), message_id)
        log.info("Daily limit reached at submit for %s at %s", survey.unit, survey.office)
        return t(lang, "survey.notice.limit"), None
    state = survey.state
    response = Response(
        now(), survey.unit, survey.office, state.answers(), state.profile(), state.suggestion
    )
    alert = context.bot_data.alert_rule(response)
    if not await surveys.finish(db, survey, response, alert=alert):
        # Finished by an earlier delivery of the same press, or gone since it was read.
        if not await responses.source_key_exists(db, survey.token):
            return t(lang, "survey.notice.stale"), None
        await show(context, chat_id, render.text_only(lang, "survey.recorded"), message_id)
        return t(lang, "survey.notice.recorded"), None
    log.info("Response stored for %s at %s", survey.unit, survey.office)
    await show(context, chat_id, render.thanks(lang, where), message_id)
    return "", response


async def notify_listeners(context: BotContext, response: Response) -> None:
    """Hand a stored response to every listener; one failing loses nothing and stops no other."""
    for listener in context.bot_data.response_listeners:
        try:
            await listener(context, response)
        except Exception:
            log.exception("A response listener failed; the response itself is stored")
