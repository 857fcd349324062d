"""Button presses: survey steps, the unit and office picker, leaving or keeping an open
survey, and buttons nobody knows."""

from __future__ import annotations

from typing import TypeVar

from telegram import CallbackQuery, Update, User

from bot.context import BotContext
from bot.survey import callbacks, render, session
from bot.survey.callbacks import Action, PickButton, StepButton, SwitchButton
from service import survey as service
from service.i18n import t
from service.listeners import StoredResponse, notify
from service.survey import Happened
from skm.questionnaire import Lang
from storage import surveys
from storage.surveys import OpenSurvey

B = TypeVar("B", StepButton, PickButton, SwitchButton)


def _where(query: CallbackQuery) -> tuple[int, int] | None:
    """The chat and message a button was pressed on; None for inline or unknown messages."""
    if query.message is None:
        return None
    return query.message.chat.id, query.message.message_id


async def _pressed(
    update: Update, context: BotContext, kind: type[B], refusal: str
) -> tuple[CallbackQuery, B, int, int] | None:
    """The press, its button of `kind` and where it was; None once a bad one is answered."""
    query = update.callback_query
    if query is None:
        return None
    button = callbacks.parse(query.data)
    where = _where(query)
    if not isinstance(button, kind) or where is None:
        await query.answer(t(await session.lang_for(context, query.from_user), refusal))
        return None
    chat_id, message_id = where
    return query, button, chat_id, message_id


async def on_step(update: Update, context: BotContext) -> None:
    """A button on a survey screen: move the survey on, or explain why nothing happened."""
    pressed = await _pressed(update, context, StepButton, "survey.notice.invalid")
    if pressed is None:
        return
    query, button, chat_id, message_id = pressed
    who = session.respondent(context, query.from_user.id)
    async with context.bot_data.turns.turn(who):
        notice, stored = await _step(context, query.from_user, who, button, chat_id, message_id)
    await query.answer(notice or None)
    if stored is not None:  # after the answer: listeners may send messages of their own
        await notify(context.bot_data.response_listeners, stored)


async def _step(
    context: BotContext,
    user: User,
    who: str,
    button: StepButton,
    chat_id: int,
    message_id: int,
) -> tuple[str, StoredResponse | None]:
    """Apply one press: the notice to show (empty if the screen says it all), what it stored."""
    state = context.bot_data
    result = await service.press(
        state.database, who, "telegram", session.now(), state.policy, button.token, button.event()
    )
    survey, lang = result.survey, result.shown_lang or "id"
    match result.happened:
        case Happened.ADVANCED | Happened.SWITCHED if survey is not None:
            await _redraw(context, survey, chat_id, message_id)
            return "", None
        case Happened.STALE if survey is not None:
            # The survey's own message shows an older step (say the bot died after saving an
            # answer but before editing): show where the survey really is. A language press
            # on an older step only says so.
            if button.action is not Action.LANG and survey.message_id in (None, message_id):
                await _redraw(context, survey, chat_id, message_id)
            return t(lang, "survey.notice.stale"), None
        case Happened.OVERTAKEN if survey is not None:  # another press moved it first
            return t(lang, "survey.notice.stale"), None
        case Happened.INVALID:
            return t(lang, "survey.notice.invalid"), None
        case Happened.EXPIRED:
            return t(lang, "survey.notice.expired"), None
        case Happened.OTHER | Happened.GONE:  # replaced by a newer survey, or expired
            told = await session.lang_for(context, user)
            replaced = result.happened is Happened.OTHER
            return t(told, "survey.notice.stale" if replaced else "survey.notice.expired"), None
        case Happened.RECORDED if button.action is not Action.CONFIRM:
            return t(lang, "survey.notice.recorded"), None
    # A confirm: stored now, stored before (the same confirm again, e.g. after a crash),
    # over the daily limit, or gone since it was read.
    notice = await session.submitted(context, chat_id, message_id, result)
    if notice is None:
        raise RuntimeError(f"a survey press cannot have {result.happened}")
    return notice, result.stored


async def _redraw(context: BotContext, survey: OpenSurvey, chat_id: int, message_id: int) -> None:
    """Show the survey's step on the message that was pressed if it is the survey's own.

    A press on another message (one the recovery after a start has drawn the survey below
    since, or one sent by a process that died before it remembered it) draws the step in
    a new message instead: the newest message always shows where the survey is.
    """
    screen = session.screen_of(context, survey)
    if survey.message_id == message_id:
        await session.draw(context, chat_id, survey, screen, message_id)
        return
    await session.draw(context, chat_id, survey, screen)
    await session.retire(context, chat_id, message_id)


async def on_pick(update: Update, context: BotContext) -> None:
    """A button of the unit and office picker."""
    pressed = await _pressed(update, context, PickButton, "survey.notice.invalid")
    if pressed is None:
        return
    query, button, chat_id, message_id = pressed
    notice = await _pick(context, query.from_user, button, chat_id, message_id)
    await query.answer(notice or None)


async def _pick(
    context: BotContext, user: User, button: PickButton, chat_id: int, message_id: int
) -> str:
    """Show the units, then the offices serving the chosen one, then open the survey."""
    directory = context.bot_data.units
    lang: Lang = button.lang
    if button.unit is None:  # the language switch, or back from the offices
        await session.choose_lang(context, user, lang)
        await session.show(context, chat_id, render.pick_unit(lang, directory), message_id)
        return ""
    offices = directory.offices_serving(button.unit)
    if not offices or (button.office and not directory.serves(button.unit, button.office)):
        return t(lang, "survey.notice.invalid")
    office = button.office or (offices[0].code if len(offices) == 1 else None)
    if office is None:
        screen = render.pick_office(lang, directory, button.unit)
        await session.show(context, chat_id, screen, message_id)
        return ""
    await session.begin(context, chat_id, user.id, button.unit, office, lang, message_id)
    return ""


async def on_switch(update: Update, context: BotContext) -> None:
    """With a survey open, another desk's code was scanned: keep the open one, or drop it."""
    pressed = await _pressed(update, context, SwitchButton, "survey.notice.stale")
    if pressed is None:
        return
    query, button, chat_id, message_id = pressed
    notice = await _switch(context, query.from_user, button, chat_id, message_id)
    await query.answer(notice or None)


async def _switch(
    context: BotContext, user: User, button: SwitchButton, chat_id: int, message_id: int
) -> str:
    """Go back to the open survey, or start the new one in its place; stale if it moved on."""
    survey = await session.open_survey(context, user.id)
    if survey is None or survey.token != button.token:
        return t(await session.lang_for(context, user), "survey.notice.stale")
    lang = survey.lang
    if button.unit is None or button.office is None:
        screen = session.screen_of(context, survey, t(lang, "survey.resumed"))
        shown = await session.show(context, chat_id, screen, message_id)
        if survey.message_id != shown:
            await session.retire(context, chat_id, survey.message_id)
            await surveys.set_message(
                context.bot_data.database, survey.respondent, survey.token, shown
            )
        return ""
    if not context.bot_data.units.serves(button.unit, button.office):
        return t(lang, "survey.notice.stale")
    await session.begin(
        context, chat_id, user.id, button.unit, button.office, lang, message_id, survey.token
    )
    return ""


async def on_unknown(update: Update, context: BotContext) -> None:
    """A button no handler knows (forged, or from an older version of the bot)."""
    query = update.callback_query
    if query is not None:
        await query.answer(
            t(await session.lang_for(context, query.from_user), "survey.notice.invalid")
        )
