"""/kiosk: a link for a desk's tablet that runs the web survey for many citizens (kiosk mode).

An officer makes one for a unit in their scope (in a private chat: the link lets anyone
answer as that desk); /kiosk daftar lists the links that work, and an admin revokes one
with /kiosk cabut NOMOR.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from telegram import Update

from bot.context import BotContext
from bot.officers.access import Viewer, officers_only, private_only, reply
from service.i18n import t
from service.weblinks import kiosk_link, new_kiosk_token
from skm.records import normalize_code
from storage import kiosks

_LIST = ("daftar", "list")
_REVOKE = ("cabut", "revoke")


@officers_only
@private_only("officer.kiosk_private")
async def kiosk(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/kiosk UNIT [KANTOR], /kiosk daftar, /kiosk cabut NOMOR."""
    words = [w for w in (context.args or []) if w.strip()]
    lang = viewer.lang
    if words and words[0].lower() in _LIST:
        await _list(update, context, viewer)
        return
    if words and words[0].lower() in _REVOKE:
        await _revoke(update, context, viewer, words[1:])
        return
    state = context.bot_data
    web = state.config.require_web()
    if web is None:
        await reply(update, t(lang, "officer.kiosk_no_web"))
        return
    directory = state.units
    try:
        unit = normalize_code(words[0]) if words else ""
        office = normalize_code(words[1]) if len(words) > 1 else None
    except ValueError:
        unit, office = "", None
    if unit not in directory.units or len(words) > 2:
        await reply(update, t(lang, "officer.kiosk_usage", units=", ".join(directory.units)))
        return
    asked = viewer.reach.narrow(unit, office)
    if asked is None:
        await reply(update, t(lang, "officer.out_of_scope"))
        return
    office = asked[1]
    serving = [o.code for o in directory.offices_serving(unit)]
    if office is None and len(serving) == 1:
        office = serving[0]
    if office is None:
        await reply(
            update, t(lang, "officer.kiosk_which_office", unit=unit, offices=", ".join(serving))
        )
        return
    if not directory.serves(unit, office):
        name = escape(directory.office_name(office))
        await reply(update, t(lang, "officer.not_served", unit=unit, office=name))
        return
    token = new_kiosk_token()
    made = await kiosks.create(state.database, token, unit, office, viewer.user_id, _now())
    text = t(
        lang,
        "officer.kiosk_made",
        number=made.id,
        unit=escape(directory.unit_name(unit, lang)),
        office=escape(directory.office_name(office)),
        link=kiosk_link(web.url, token),
    )
    await reply(update, text)


async def _list(update: Update, context: BotContext, viewer: Viewer) -> None:
    state = context.bot_data
    lang, directory = viewer.lang, state.units
    found = [
        k for k in await kiosks.active(state.database) if viewer.reach.covers(k.unit, k.office)
    ]
    if not found:
        await reply(update, t(lang, "kiosk.none"))
        return
    lines = [t(lang, "officer.kiosk_list_title")]
    for k in found:
        when = k.created_at.astimezone(state.config.tz).strftime("%Y-%m-%d %H:%M")
        unit = escape(directory.unit_name(k.unit, lang))
        office = escape(directory.office_name(k.office))
        lines.append(t(lang, "kiosk.line", number=k.id, unit=unit, office=office, when=when))
    await reply(update, "\n".join(lines))


async def _revoke(update: Update, context: BotContext, viewer: Viewer, words: list[str]) -> None:
    lang = viewer.lang
    if viewer.role != "admin":
        await reply(update, t(lang, "admin.refused"))
        return
    if len(words) != 1 or not words[0].isdigit():
        await reply(update, t(lang, "officer.kiosk_revoke_usage"))
        return
    revoked = await kiosks.revoke(context.bot_data.database, int(words[0]), _now())
    if revoked is None:
        await reply(update, t(lang, "officer.kiosk_unknown", number=words[0]))
        return
    text = t(lang, "kiosk.revoked", number=revoked.id, unit=revoked.unit, office=revoked.office)
    await reply(update, text)


def _now() -> datetime:
    return datetime.now(UTC)
