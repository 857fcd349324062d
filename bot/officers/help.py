"""The commands each role may use: /bantuan and the bot's command menu per person."""

from __future__ import annotations

import logging
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.context import BotContext, SkmApplication
from bot.i18n import t
from bot.officers.access import Role, reply, viewer_of
from skm.questionnaire import LANGS, Lang
from storage import officers

log = logging.getLogger(__name__)

_CITIZEN = ("start", "batal", "bantuan")
_OFFICER = (
    "ikm",
    "saran",
    "qr",
    "ekspor",
    "laporan",
    "tindaklanjut",
    "publikasi",
    "langganan",
    "berhenti",
    "bantuan",
)
_ADMIN = (
    "ikm",
    "saran",
    "qr",
    "ekspor",
    "laporan",
    "tindaklanjut",
    "publikasi",
    "langganan",
    "berhenti",
    "undang",
    "petugas",
    "bantuan",
)
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


async def _try(what: str, chat_id: int | None, call: Any) -> None:
    try:
        await call
    except TelegramError:
        # A person who never opened the bot has no chat yet; the others still get theirs.
        log.warning("Could not set the %s command menu for chat %s", what, chat_id, exc_info=True)


async def set_all_menus(app: SkmApplication) -> None:
    """The citizens' default menu, then each admin's and each officer's own."""
    state = app.bot_data
    await _try("citizen", None, set_menu(app.bot, "citizen"))
    admins = set(state.config.skm_admin_ids)
    for admin_id in sorted(admins):
        await _try("admin", admin_id, set_menu(app.bot, "admin", admin_id))
    for officer in await officers.all_officers(state.database):
        if officer.user_id not in admins:
            await _try("officer", officer.user_id, set_menu(app.bot, "officer", officer.user_id))
