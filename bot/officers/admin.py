"""Admins register officers with one-time invites (/undang); the invite link registers them."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from html import escape

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.context import BotContext
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
)
from bot.officers.query import QueryError
from bot.officers.render import echoed
from service.deeplink import INVITE_PREFIX, invite_payload, link
from service.directory import Directory
from service.i18n import t
from service.zones import moment
from storage import officers

log = logging.getLogger(__name__)

INVITE_LIFETIME = timedelta(days=7)
_EVERY_UNIT = ("SEMUA", "ALL", "*")


def parse_scope(words: list[str], directory: Directory) -> Scope:
    """The scope an invite grants: UNIT, SEMUA, or an OFFICE, then an optional OFFICE."""
    codes = {"units": ", ".join(directory.units), "offices": ", ".join(directory.offices)}
    if not words or len(words) > 2:
        raise QueryError("admin.invite_usage", **codes)
    first = words[0].strip().upper()
    office = words[1].strip().upper() if len(words) == 2 else None
    if first in directory.offices and office is None and first not in directory.units:
        return Scope(None, first)
    if first not in directory.units and first not in _EVERY_UNIT:
        raise QueryError("admin.invite_unknown", word=echoed(words[0]), **codes)
    if office is not None and office not in directory.offices:
        raise QueryError("admin.invite_unknown_office", word=echoed(words[1]), **codes)
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
            expires=moment(expires, state.config.skm_timezone),
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
