"""The commands each role may use: /bantuan and the bot's command menu per person."""

from __future__ import annotations

import logging
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ExtBot, filters

from bot.context import BotContext, SkmApplication
from bot.officers.access import Role, reply, viewer_of
from service.i18n import t
from skm.questionnaire import LANGS, Lang
from storage import officers

log = logging.getLogger(__name__)

_CITIZEN = ("start", "batal", "bantuan")
# What officers and admins both read and do, in menu order.
_STAFF = (
    "ikm",
    "saran",
    "qr",
    "kiosk",
    "ekspor",
    "laporan",
    "tindaklanjut",
    "publikasi",
    "langganan",
    "berhenti",
)
_OFFICER = (*_STAFF, "nrp", "bantuan")
_ADMIN = (*_STAFF, "undang", "petugas", "bantuan")
COMMANDS: dict[Role, tuple[str, ...]] = {"citizen": _CITIZEN, "officer": _OFFICER, "admin": _ADMIN}


def menu(role: Role, lang: Lang) -> list[BotCommand]:
    """The command menu of a role, with short descriptions."""
    return [BotCommand(c, t(lang, f"officer.menu.{c}")) for c in COMMANDS[role]]


def help_text(role: Role, lang: Lang) -> str:
    """What the asker may do, one command a line, with its arguments and aliases."""
    lines = [t(lang, f"officer.help_title.{role}"), ""]
    lines += [t(lang, f"officer.help.{c}") for c in COMMANDS[role]]
    if role != "citizen":
        lines += ["", t(lang, "officer.help_periods")]
    return "\n".join(lines)


async def bantuan(update: Update, context: BotContext) -> None:
    """/bantuan (alias /help): the commands the asker may use."""
    viewer = await viewer_of(update, context)
    await reply(update, help_text(viewer.role, viewer.lang))


async def set_menu(bot: ExtBot[Any], role: Role, chat_id: int | None = None) -> None:
    """Set a role's menu for one chat (or the default, citizens' menu), in both languages."""
    scope = BotCommandScopeDefault() if chat_id is None else BotCommandScopeChat(chat_id)
    for lang in LANGS:
        code = None if lang == "id" else lang
        await bot.set_my_commands(menu(role, lang), scope=scope, language_code=code)


async def reset_menu(bot: ExtBot[Any], chat_id: int) -> None:
    """Give a chat the default menu back (an officer who was revoked)."""
    for lang in LANGS:
        code = None if lang == "id" else lang
        await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id), language_code=code)


class MenuPending(filters.MessageFilter):
    """Messages from staff whose command menu could not be set yet (they had not written)."""

    def __init__(self, waiting: set[int]) -> None:
        super().__init__(name="MenuPending")
        self.waiting = waiting  # the AppState's set: start-up fills it, first messages empty it

    def filter(self, message: Message) -> bool:
        return message.from_user is not None and message.from_user.id in self.waiting


def _not_written(exc: TelegramError) -> bool:
    return isinstance(exc, BadRequest) and "chat not found" in exc.message.lower()


async def _try(app: SkmApplication, role: Role, chat_id: int | None) -> None:
    try:
        await set_menu(app.bot, role, chat_id)
    except TelegramError as exc:
        if chat_id is not None:
            app.bot_data.menus_pending.add(chat_id)
        if _not_written(exc):
            # Telegram knows no chat with someone who never wrote to the bot: no fault.
            log.info(
                "The %s %s has not written to the bot yet: menu set when they do", role, chat_id
            )
            return
        log.warning("Could not set the %s command menu for chat %s", role, chat_id, exc_info=True)


async def set_all_menus(app: SkmApplication) -> None:
    """The citizens' default menu, then each admin's and each officer's own."""
    state = app.bot_data
    await _try(app, "citizen", None)
    admins = set(state.config.skm_admin_ids)
    for admin_id in sorted(admins):
        await _try(app, "admin", admin_id)
    for officer in await officers.all_officers(state.database):
        if officer.user_id not in admins:
            await _try(app, "officer", officer.user_id)


async def on_first_message(update: Update, context: BotContext) -> None:
    """Staff whose menu waited for their first message get it now; the message goes on to
    the handlers as usual."""
    user = update.effective_user
    waiting = context.bot_data.menus_pending
    if user is None or user.id not in waiting:
        return
    viewer = await viewer_of(update, context)
    try:
        if viewer.role == "citizen":  # revoked meanwhile: the default menu is theirs
            await reset_menu(context.bot, user.id)
        else:
            await set_menu(context.bot, viewer.role, user.id)
    except TelegramError as exc:
        log.info("Could not set the %s menu of %s yet: %s", viewer.role, user.id, exc.message)
        return
    waiting.discard(user.id)
    log.info("Command menu set for %s %s on their first message", viewer.role, user.id)
