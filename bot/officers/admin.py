"""Admins register officers with one-time invites (/undang) and revoke them (/petugas)."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta, tzinfo
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import BotContext
from bot.deeplink import INVITE_PREFIX, invite_payload, link
from bot.directory import Directory
from bot.i18n import t
from bot.officers import help as menus
from bot.officers.access import (
    Role,
    Scope,
    Viewer,
    admins_only,
    lang_of,
    private_only,
    reply,
    scope_label,
    show,
    stale,
)
from bot.officers.buttons import RevokeAsk, RevokeConfirm, RosterPage, parse
from bot.officers.paging import paging_row
from bot.officers.query import QueryError
from skm.questionnaire import Lang
from storage import officers
from storage.officers import Officer

log = logging.getLogger(__name__)

INVITE_LIFETIME = timedelta(days=7)
ROSTER_PAGE = 10  # officers a page of /petugas: ten lines and ten buttons read on a phone
_EVERY_UNIT = ("SEMUA", "ALL", "*")
_DATE = "%d-%m-%Y"


def parse_scope(words: list[str], directory: Directory) -> Scope:
    """The scope an invite grants: UNIT, SEMUA, or an OFFICE, then an optional OFFICE."""
    usage = QueryError(
        "admin.invite_usage",
        units=", ".join(directory.units),
        offices=", ".join(directory.offices),
    )
    if not words or len(words) > 2:
        raise usage
    first = words[0].strip().upper()
    office = words[1].strip().upper() if len(words) == 2 else None
    if first in directory.offices and office is None and first not in directory.units:
        return Scope(None, first)
    if first not in directory.units and first not in _EVERY_UNIT:
        raise usage
    if office is not None and office not in directory.offices:
        raise usage
    unit = None if first in _EVERY_UNIT else first
    if unit is not None and office is not None and not directory.serves(unit, office):
        office_name = escape(directory.office_name(office))
        raise QueryError("officer.not_served", unit=unit, office=office_name)
    return Scope(unit, office)


@admins_only
@private_only("admin.invite_private")
async def undang(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/undang UNIT [OFFICE] (alias /invite): a one-time deep link that registers an officer."""
    state = context.bot_data
    lang = viewer.lang
    try:
        scope = parse_scope(context.args or [], state.units)
    except QueryError as exc:
        await reply(update, t(lang, exc.key, **exc.values))
        return
    now = datetime.now(state.config.tz)
    token = secrets.token_urlsafe(16)
    expires = now + INVITE_LIFETIME
    await officers.create_invite(
        state.database, token, scope.unit, scope.office, viewer.user_id, now, expires
    )
    url = link(context.bot.username, invite_payload(token))
    await reply(
        update,
        t(
            lang,
            "admin.invite_made",
            scope=escape(scope_label(scope, state.units, lang)),
            link=url,
            expires=expires.strftime("%d-%m-%Y %H:%M"),
        ),
    )


async def accept_invite(update: Update, context: BotContext) -> None:
    """/start inv-TOKEN: register the person as an officer with the invite's scope."""
    state = context.bot_data
    user = update.effective_user
    lang = lang_of(update)
    payload = (context.args or [""])[0]
    if user is None or not payload.startswith(INVITE_PREFIX):
        return
    now = datetime.now(state.config.tz)
    token = payload[len(INVITE_PREFIX) :]
    redeemed = await officers.redeem_invite(
        state.database, token, user.id, user.full_name, lang, now
    )
    if redeemed is None:
        await reply(update, t(lang, "admin.invite_invalid"))
        return
    officer, invite = redeemed
    scope = escape(scope_label(Scope(officer.unit, officer.office), state.units, lang))
    await reply(update, t(lang, "admin.invite_welcome", scope=scope))
    role: Role = "admin" if user.id in state.config.skm_admin_ids else "officer"
    try:
        await menus.set_menu(context.bot, role, user.id)
    except TelegramError:
        log.warning("Could not set the new officer's command menu", exc_info=True)
    try:
        await context.bot.send_message(
            invite.created_by,
            t("id", "admin.invite_used", name=escape(officer.name), scope=scope),
            parse_mode=ParseMode.HTML,
        )
    except TelegramError:
        log.warning("Could not tell admin %s that the invite was used", invite.created_by)


def roster(
    people: list[Officer],
    total: int,
    offset: int,
    open_invites: int,
    directory: Directory,
    tz: tzinfo,
    lang: Lang,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """A page of the registered officers, a revoke button each, paging, and the open invites."""
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
        lines.append(
            t(
                lang,
                "admin.roster_line",
                n=n,
                name=escape(person.name),
                scope=escape(scope),
                since=since,
            )
        )
        label = t(lang, "admin.revoke_button", n=n, name=person.name)
        data = RevokeAsk(person.user_id, offset).encode()
        buttons.append([InlineKeyboardButton(label, callback_data=data)])
    earlier, later = t(lang, "admin.roster_prev"), t(lang, "admin.roster_next")
    paging = paging_row(_page_data, offset, ROSTER_PAGE, total, earlier, later)
    if paging:
        buttons.append(paging)
    lines += ["", t(lang, "admin.roster_invites", count=open_invites)]
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
    open_invites = await officers.count_open_invites(state.database, now)
    return roster(people, total, offset, open_invites, state.units, state.config.tz, lang)


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


@admins_only
@private_only("admin.roster_private")
async def on_roster_button(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The roster's buttons: ask before revoking, revoke, or back to a page of the list."""
    query = update.callback_query
    assert query is not None
    state = context.bot_data
    lang = viewer.lang
    button = parse(query.data)
    if not isinstance(button, RosterPage | RevokeAsk | RevokeConfirm):
        await stale(query, lang)
        return
    offset = button.offset
    if isinstance(button, RosterPage):
        await query.answer()
        await show(update, *await _roster(context, lang, offset))
        return
    person = await officers.get(state.database, button.user_id)
    if person is None:
        await query.answer(t(lang, "admin.revoke_gone"))
    elif isinstance(button, RevokeAsk):
        await query.answer()
        await show(update, *_confirm(person, offset, state.units, lang))
        return
    else:
        admin = person.user_id in state.config.skm_admin_ids
        # An admin keeps access, so the summaries they set up go on; anyone else's stop.
        await officers.revoke(state.database, person.user_id, stop_subscriptions=not admin)
        await query.answer(t(lang, "admin.revoked", name=person.name))
        if not admin:
            try:
                await menus.reset_menu(context.bot, person.user_id)
            except TelegramError:
                log.warning("Could not reset the menu of a revoked officer", exc_info=True)
    await show(update, *await _roster(context, lang, offset))
