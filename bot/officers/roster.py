"""/petugas: the registered officers and the open invites, revoking and cancelling them
(each asked first), and /nrp, with which an officer gives their NRP for the list."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.officers import help as menus
from bot.officers.access import (
    Scope,
    Viewer,
    admins_only,
    officers_only,
    private_only,
    reply,
    scope_label,
    show,
    stale,
)
from bot.officers.buttons import (
    InviteCancelAsk,
    InviteCancelConfirm,
    RevokeAsk,
    RevokeConfirm,
    RosterPage,
    parse,
)
from bot.officers.paging import paging_row
from service.directory import Directory
from service.i18n import t
from service.zones import moment
from skm.questionnaire import Lang
from storage import officers
from storage.officers import Officer, OpenInvite

log = logging.getLogger(__name__)

ROSTER_PAGE = 10  # officers a page of /petugas: ten lines and ten buttons read on a phone
INVITES_SHOWN = 10  # open invites listed under each page, soonest to expire first
_DATE = "%d-%m-%Y"
# An NRP is the police's staff number: 8 digits for officers, 18 for civil servants (NIP).
_NRP = re.compile(r"[0-9]{8,18}")


@dataclass(frozen=True)
class RosterPageData:
    """What one page of /petugas shows: officers from `offset`, and the open invites."""

    people: list[Officer]
    total: int
    offset: int
    invites: list[OpenInvite]
    open_invites: int


def roster(
    page: RosterPageData, directory: Directory, tz: ZoneInfo, lang: Lang
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A page of the registered officers, a revoke button each, paging, and the open invites
    with a cancel button each."""
    people, total, offset = page.people, page.total, page.offset
    lines = [t(lang, "admin.roster_title", count=total)]
    if not people:
        lines.append(t(lang, "admin.roster_empty"))
    elif total > len(people):
        last = offset + len(people)
        lines.append(t(lang, "admin.roster_range", first=offset + 1, last=last, total=total))
    buttons: list[list[InlineKeyboardButton]] = []
    for n, person in enumerate(people, start=offset + 1):
        scope = scope_label(Scope(person.unit, person.office), directory, lang)
        since = person.registered_at.astimezone(tz).strftime(_DATE)
        key = "admin.roster_line_nrp" if person.nrp else "admin.roster_line"
        name = escape(person.name)
        lines.append(t(lang, key, n=n, name=name, nrp=person.nrp, scope=escape(scope), since=since))
        label = t(lang, "admin.revoke_button", n=n, name=person.name)
        data = RevokeAsk(person.user_id, offset).encode()
        buttons.append([InlineKeyboardButton(label, callback_data=data)])
    earlier, later = t(lang, "admin.roster_prev"), t(lang, "admin.roster_next")
    paging = paging_row(_page_data, offset, ROSTER_PAGE, total, earlier, later)
    if paging:
        buttons.append(paging)
    lines += ["", t(lang, "admin.roster_invites", count=page.open_invites)]
    for n, invite in enumerate(page.invites, start=1):
        scope = scope_label(Scope(invite.unit, invite.office), directory, lang)
        expires = moment(invite.expires_at.astimezone(tz), tz.key)
        lines.append(t(lang, "admin.roster_invite", n=n, scope=escape(scope), expires=expires))
        label = t(lang, "admin.invite_cancel_button", n=n)
        data = InviteCancelAsk(invite.key, offset).encode()
        buttons.append([InlineKeyboardButton(label, callback_data=data)])
    if page.open_invites > len(page.invites):
        more = page.open_invites - len(page.invites)
        lines.append(t(lang, "admin.roster_invites_more", count=more))
    return "\n".join(lines), InlineKeyboardMarkup(buttons) if buttons else None


async def _roster(
    context: BotContext, lang: Lang, offset: int = 0
) -> tuple[str, InlineKeyboardMarkup | None]:
    state = context.bot_data
    now = datetime.now(state.config.tz)
    people, total = await officers.roster_page(state.database, ROSTER_PAGE, offset)
    if not people and offset > 0:  # the page emptied (revoked meanwhile): show the last one
        offset = max(0, (total - 1) // ROSTER_PAGE * ROSTER_PAGE)
        people, total = await officers.roster_page(state.database, ROSTER_PAGE, offset)
    invites = await officers.open_invites(state.database, now, INVITES_SHOWN)
    open_invites = await officers.count_open_invites(state.database, now)
    page = RosterPageData(people, total, offset, invites, open_invites)
    return roster(page, state.units, state.config.tz, lang)


def _page_data(offset: int) -> str:
    return RosterPage(offset).encode()


@admins_only
@private_only("admin.roster_private")
async def petugas(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/petugas: the registered officers, a page at a time, each with a revoke button."""
    text, keyboard = await _roster(context, viewer.lang)
    await reply(update, text, reply_markup=keyboard)


def _confirm(
    person: Officer, offset: int, directory: Directory, lang: Lang
) -> tuple[str, InlineKeyboardMarkup]:
    scope = scope_label(Scope(person.unit, person.office), directory, lang)
    text = t(lang, "admin.revoke_confirm", name=escape(person.name), scope=escape(scope))
    yes = InlineKeyboardButton(
        t(lang, "admin.revoke_yes"), callback_data=RevokeConfirm(person.user_id, offset).encode()
    )
    back = InlineKeyboardButton(t(lang, "admin.revoke_back"), callback_data=_page_data(offset))
    return text, InlineKeyboardMarkup([[yes, back]])


def _confirm_cancel(
    invite: OpenInvite, offset: int, directory: Directory, tz: ZoneInfo, lang: Lang
) -> tuple[str, InlineKeyboardMarkup]:
    scope = scope_label(Scope(invite.unit, invite.office), directory, lang)
    expires = moment(invite.expires_at.astimezone(tz), tz.key)
    text = t(lang, "admin.invite_cancel_confirm", scope=escape(scope), expires=expires)
    yes = InlineKeyboardButton(
        t(lang, "admin.invite_cancel_yes"),
        callback_data=InviteCancelConfirm(invite.key, offset).encode(),
    )
    back = InlineKeyboardButton(t(lang, "admin.revoke_back"), callback_data=_page_data(offset))
    return text, InlineKeyboardMarkup([[yes, back]])


@admins_only
@private_only("admin.roster_private")
async def on_roster_button(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The roster's buttons: pages, and revoking an officer or cancelling an invite (asked)."""
    query = update.callback_query
    assert query is not None
    lang = viewer.lang
    button = parse(query.data)
    if isinstance(button, RosterPage):
        await query.answer()
        offset = button.offset
    elif isinstance(button, RevokeAsk | RevokeConfirm):
        if await _revoke(update, context, button, lang):
            return
        offset = button.offset
    elif isinstance(button, InviteCancelAsk | InviteCancelConfirm):
        if await _cancel(update, context, button, lang):
            return
        offset = button.offset
    else:
        await stale(query, lang)
        return
    await show(update, *await _roster(context, lang, offset))


async def _revoke(
    update: Update, context: BotContext, button: RevokeAsk | RevokeConfirm, lang: Lang
) -> bool:
    """Ask, or revoke; True when the question is shown (no roster page to show after)."""
    query = update.callback_query
    assert query is not None
    state = context.bot_data
    person = await officers.get(state.database, button.user_id)
    if person is None:
        await query.answer(t(lang, "admin.revoke_gone"))
        return False
    if isinstance(button, RevokeAsk):
        await query.answer()
        await show(update, *_confirm(person, button.offset, state.units, lang))
        return True
    admin = person.user_id in state.config.skm_admin_ids
    # An admin keeps access, so the summaries they set up go on; anyone else's stop.
    await officers.revoke(state.database, person.user_id, stop_subscriptions=not admin)
    await query.answer(t(lang, "admin.revoked", name=person.name))
    if not admin:
        try:
            await menus.reset_menu(context.bot, person.user_id)
        except TelegramError:
            log.warning("Could not reset the menu of a revoked officer", exc_info=True)
    return False


async def _cancel(
    update: Update,
    context: BotContext,
    button: InviteCancelAsk | InviteCancelConfirm,
    lang: Lang,
) -> bool:
    """Ask, or cancel the invite; True when the question is shown."""
    query = update.callback_query
    assert query is not None
    state = context.bot_data
    now = datetime.now(state.config.tz)
    invite = await officers.open_invite(state.database, button.key, now)
    if invite is None:  # used, expired or cancelled since the page was shown
        await query.answer(t(lang, "admin.invite_gone"))
        return False
    if isinstance(button, InviteCancelAsk):
        await query.answer()
        tz = state.config.tz
        await show(update, *_confirm_cancel(invite, button.offset, state.units, tz, lang))
        return True
    cancelled = await officers.cancel_invite(state.database, invite.key)
    await query.answer(t(lang, "admin.invite_cancelled" if cancelled else "admin.invite_gone"))
    if cancelled:
        log.info("An invite was cancelled by admin %s", query.from_user.id)
    return False


@officers_only
@private_only("officer.nrp_private")  # a group would read the number back; none is kept
async def nrp(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/nrp 12345678: an officer gives their NRP once; /petugas shows it beside their name."""
    words = context.args or []
    lang = viewer.lang
    if len(words) != 1 or not _NRP.fullmatch(words[0]):
        await reply(update, t(lang, "officer.nrp_usage"))
        return
    if not await officers.set_nrp(context.bot_data.database, viewer.user_id, words[0]):
        await reply(update, t(lang, "officer.nrp_not_officer"))
        return
    await reply(update, t(lang, "officer.nrp_saved", nrp=words[0]))
