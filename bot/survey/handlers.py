"""Messages from citizens: /start with or without a QR payload, /batal, typed text, and
commands nobody knows."""

from __future__ import annotations

import logging

from telegram import MessageEntity, Update, User
from telegram.constants import ChatType

from bot.context import BotContext
from bot.survey import render, session
from service import survey as service
from service.deeplink import link, parse_survey_payload
from service.i18n import t
from service.survey import Happened

log = logging.getLogger(__name__)


def _payload(context: BotContext) -> str | None:
    return context.args[0] if context.args else None


async def on_start(update: Update, context: BotContext) -> None:
    """/start in a private chat: open the survey the QR code names, or let them pick."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    payload = _payload(context)
    units = context.bot_data.units
    place = parse_survey_payload(payload, units) if payload else None
    if place is None and payload and (survey := await session.open_survey(context, user.id)):
        # A code we cannot read must not look as if the survey in progress were gone.
        lang = survey.lang
        where = render.place(units, survey.unit, survey.office, lang)
        await session.show(context, chat.id, render.still_open(lang, survey.token, where))
        return
    lang = await session.lang_for(context, user)
    if place is None:
        screen = render.pick_unit(lang, units, unknown=bool(payload))
        await session.show(context, chat.id, screen)
        return
    unit, office = place
    await session.begin(context, chat.id, user.id, unit, office, lang)


async def on_start_in_group(update: Update, context: BotContext) -> None:
    """/start in a group: the survey is private, so point to the chat with the bot."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    payload = _payload(context)
    if payload and parse_survey_payload(payload, context.bot_data.units):
        target = link(context.bot.username, payload)
    else:
        target = f"https://t.me/{context.bot.username}"
    lang = await session.lang_for(context, user)
    await message.reply_text(render.group_pointer(lang, target).text)


async def on_cancel(update: Update, context: BotContext) -> None:
    """/batal: delete the survey in progress, whatever step it is on."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    who = session.respondent(context, user.id)
    async with context.bot_data.turns.turn(who):
        await _cancel(context, chat.id, user, who)


async def _cancel(context: BotContext, chat_id: int, user: User, who: str) -> None:
    result = await service.cancel(context.bot_data.database, who)
    survey = result.found
    if result.happened is not Happened.CANCELLED or survey is None:
        lang = await session.lang_for(context, user)
        await session.show(context, chat_id, render.text_only(lang, "survey.no_cancel"))
        return
    await session.retire(context, chat_id, survey.message_id)
    await session.show(context, chat_id, render.text_only(survey.lang, "survey.cancelled"))
    log.info("Survey cancelled for %s at %s", survey.unit, survey.office)


async def on_text(update: Update, context: BotContext) -> None:
    """Typed text: the suggestion on its step; anywhere else, the question is asked again."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None or message.text is None:
        return
    who = session.respondent(context, user.id)
    async with context.bot_data.turns.turn(who):
        await _text(context, chat.id, user, who, message.text)


async def _text(context: BotContext, chat_id: int, user: User, who: str, text: str) -> None:
    state = context.bot_data
    result = await service.type_text(
        state.database, who, "telegram", session.now(), state.policy, text
    )
    survey = result.survey
    if survey is None:  # none open, or abandoned too long ago (and now deleted)
        lang = result.shown_lang or await session.lang_for(context, user)
        await session.show(context, chat_id, render.text_only(lang, "survey.no_survey"))
        return
    notice: str | None = t(survey.lang, "survey.use_buttons")  # not the step for text
    if result.happened is Happened.ADVANCED:
        notice = None
    elif result.happened is Happened.TRUNCATED:
        notice = render.truncated(survey.lang)
    # The old screen is above the citizen's text: show the step again below it.
    await session.draw(context, chat_id, survey, session.screen_of(context, survey, notice))


def _addressed(command: str, bot_username: str) -> bool:
    """Whether a command in a group names this bot (/foo@this_bot), not every bot there."""
    _, at, name = command.partition("@")
    return bool(at) and name.lower() == bot_username.lower()


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """A command no handler took: a short pointer to /bantuan.

    In a private chat always; in a group only when the command names this bot, since a
    group's other bots have commands of their own.
    """
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None or not message.entities:
        return
    entity = message.entities[0]
    if entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return
    # The command is the message's first word. Not parse_entity: an entity whose length ends
    # inside a character (a forged update, or a lone surrogate) makes it raise.
    command = (message.text or "").split(maxsplit=1)[0] if message.text else ""
    if chat.type != ChatType.PRIVATE and not _addressed(command, context.bot.username):
        return
    lang = await session.lang_for(context, user)
    await message.reply_text(t(lang, "survey.unknown_command"))
