"""Who may see what: admins see everything, officers their scope, citizens no figures."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Literal

from telegram import CallbackQuery, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot.context import BotContext
from service.directory import Directory
from service.i18n import from_telegram, t
from skm.questionnaire import Lang
from storage import officers

Role = Literal["admin", "officer", "citizen"]


@dataclass(frozen=True)
class Scope:
    """The units and offices an officer may read; None means every one."""

    unit: str | None = None
    office: str | None = None

    def covers(self, unit: str, office: str | None) -> bool:
        """Whether a unit at an office (None: all its offices) lies inside the scope."""
        if self.unit is not None and unit != self.unit:
            return False
        return self.office is None or office == self.office

    def narrow(self, unit: str | None, office: str | None) -> tuple[str | None, str | None] | None:
        """The asked unit and office limited to the scope; None when they lie outside it."""
        if self.unit is not None and unit not in (None, self.unit):
            return None
        if self.office is not None and office not in (None, self.office):
            return None
        return unit, office if office is not None else self.office

    def units(self, directory: Directory) -> list[str]:
        """The unit codes in the scope, in the directory's order."""
        codes = list(directory.units)
        if self.office is not None and self.office in directory.offices:
            codes = [c for c in codes if c in directory.offices[self.office].units]
        return [c for c in codes if self.unit is None or c == self.unit]

    def unit_filter(self) -> list[str] | None:
        """The units for a storage Filter: None reads every unit."""
        return None if self.unit is None else [self.unit]


EVERYTHING = Scope()
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class Viewer:
    """The person asking: their role, their scope (None for citizens) and language."""

    user_id: int
    role: Role
    scope: Scope | None
    lang: Lang

    @property
    def reach(self) -> Scope:
        """The scope of an admin or officer (a guarded handler only ever sees those)."""
        if self.scope is None:
            raise PermissionError("a citizen has no scope")
        return self.scope


def lang_of(update: Update) -> Lang:
    """The person's language: English if their Telegram is in English, else Indonesian."""
    user = update.effective_user
    return from_telegram(user.language_code if user else None)


async def viewer_of(update: Update, context: BotContext) -> Viewer:
    """Who sent the update and what they may read."""
    user = update.effective_user
    lang = lang_of(update)
    if user is None:
        return Viewer(0, "citizen", None, lang)
    state = context.bot_data
    if user.id in state.config.skm_admin_ids:
        return Viewer(user.id, "admin", EVERYTHING, lang)
    officer = await officers.get(state.database, user.id)
    if officer is None:
        return Viewer(user.id, "citizen", None, lang)
    return Viewer(user.id, "officer", Scope(officer.unit, officer.office), lang)


def scope_label(scope: Scope, directory: Directory, lang: Lang) -> str:
    """A scope in words: "Pelayanan SKCK · semua kantor"."""
    unit = directory.unit_name(scope.unit, lang) if scope.unit else t(lang, "officer.all_units")
    office = directory.office_name(scope.office) if scope.office else t(lang, "officer.all_offices")
    return f"{unit} · {office}"


async def reply(update: Update, text: str, **kwargs: Any) -> None:
    """Answer in the chat the update came from, as HTML."""
    message = update.effective_message
    if message is not None:
        await message.reply_text(
            text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW, **kwargs
        )


async def show(update: Update, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    """Replace the pressed button's message with a new page (HTML)."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=keyboard, link_preview_options=NO_PREVIEW
        )
    except BadRequest as exc:
        # A repeated press shows what is already there; Telegram refuses such an edit.
        if "not modified" not in str(exc):
            raise


Guarded = Callable[[Update, BotContext, Viewer], Awaitable[None]]
Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


async def refuse(update: Update, text: str) -> None:
    """Say no: a pop-up on a button press, else a reply in the chat."""
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await reply(update, text)


async def stale(query: CallbackQuery, lang: Lang) -> None:
    """The answer to a button whose data is malformed, forged or from an older bot."""
    await query.answer(t(lang, "survey.notice.stale"))


async def on_unknown_button(update: Update, context: BotContext) -> None:
    """Any other officers' button (forged, or from an older bot): no longer valid."""
    if update.callback_query is not None:
        await stale(update.callback_query, lang_of(update))


def _guard(allowed: tuple[Role, ...], refusal: str) -> Callable[[Guarded], Handler]:
    def decorate(handler: Guarded) -> Handler:
        @functools.wraps(handler)
        async def wrapped(update: Update, context: BotContext) -> None:
            viewer = await viewer_of(update, context)
            if viewer.role not in allowed:
                await refuse(update, t(viewer.lang, refusal))
                return
            await handler(update, context, viewer)

        return wrapped

    return decorate


officers_only = _guard(("admin", "officer"), "officer.refused")
admins_only = _guard(("admin",), "admin.refused")


def private_only(refusal: str) -> Callable[[Guarded], Guarded]:
    """Run a guarded handler only in a private chat; elsewhere say the `refusal` sentence.

    For what a group must never see: invites, citizens' words, the staff list, raw data.
    Goes under `officers_only` or `admins_only`, so citizens get those guards' refusal.
    """

    def decorate(handler: Guarded) -> Guarded:
        @functools.wraps(handler)
        async def wrapped(update: Update, context: BotContext, viewer: Viewer) -> None:
            chat = update.effective_chat
            if chat is None or chat.type != ChatType.PRIVATE:
                await refuse(update, t(viewer.lang, refusal))
                return
            await handler(update, context, viewer)

        return wrapped

    return decorate
