"""/publikasi [UNIT] [KANTOR] [PERIODE]: one unit's results as an A4 poster for citizens."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import workers
from bot.context import BotContext
from bot.officers.access import Scope, Viewer, officers_only, reply
from bot.officers.render import period_text
from bot.officers.selection import selection
from documents.publikasi import draw_poster, gather_poster
from service.i18n import t
from skm.period import Period, current_quarter


def filename(unit: str, office: str | None, period: Period) -> str:
    """publikasi-skm-SKCK-POLRES-2026-Q4.png"""
    return "-".join(["publikasi-skm", unit, *([office] if office else []), period.label]) + ".png"


@officers_only  # the poster is for citizens' eyes: a group may have it too
async def publikasi(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/publikasi: the poster of a unit in the officer's scope (default: the current quarter)."""
    state = context.bot_data
    lang = viewer.lang
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now)
    message = update.effective_message
    if asked is None or message is None:
        return
    unit, office = asked.unit, asked.office
    if unit is None:
        units = Scope(viewer.reach.unit, office).units(state.units)
        if len(units) != 1:
            await reply(update, t(lang, "publikasi.need_unit", units=", ".join(units)))
            return
        unit = units[0]
    period = asked.period or current_quarter(now)
    shown = period_text(period, lang)
    await reply(update, t(lang, "publikasi.preparing", period=shown))
    data = await gather_poster(
        state.database, state.units, state.config.weighting, period, unit, office
    )
    if data is None:
        await reply(update, t(lang, "publikasi.empty", period=shown))
        return
    png = await workers.run(lambda: draw_poster(data).png())
    name = state.units.unit_name(unit, lang)  # a caption without parse mode: plain text
    # As a document, so Telegram sends the 300 dpi page as it is, not a compressed photo.
    await message.reply_document(
        png,
        filename=filename(unit, office, period),
        caption=t(lang, "publikasi.caption", unit=name, period=shown),
    )
