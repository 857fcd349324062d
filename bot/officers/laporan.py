"""/laporan [UNIT] [KANTOR] [PERIODE]: the Laporan SKM as a DOCX, in a private chat."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import workers
from bot.context import BotContext
from bot.officers.access import Scope, Viewer, officers_only, private_only, reply
from bot.officers.render import period_text
from bot.officers.selection import selection
from documents.laporan import build_laporan, write_docx
from service.i18n import t
from skm.period import last_full_year


def filename(unit: str | None, office: str | None, label: str) -> str:
    """laporan-skm-SKCK-POLRES-2025.docx"""
    return "-".join(["laporan-skm", *(p for p in (unit, office) if p), label]) + ".docx"


@officers_only
@private_only("officer.laporan_private")  # it quotes citizens' suggestions: one officer only
async def laporan(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/laporan: the report of what the officer may see (default: the last full year)."""
    state = context.bot_data
    lang = viewer.lang
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now)
    message = update.effective_message
    if asked is None or message is None:
        return
    unit, office = asked.unit, asked.office
    period = asked.period or last_full_year(now)
    directory = state.units
    units = [unit] if unit else Scope(viewer.reach.unit, office).units(directory)
    shown = period_text(period, lang)
    await reply(update, t(lang, "officer.laporan_preparing", period=shown))
    data = await build_laporan(
        state.database, directory, state.config.weighting, period, units, office, now
    )
    if data is None:
        await reply(update, t(lang, "officer.laporan_empty", period=shown))
        return
    docx = await workers.run(write_docx, data)
    await message.reply_document(
        docx,
        filename=filename(unit or viewer.reach.unit, office, period.label),
        caption=t(lang, "officer.laporan_caption", period=shown),
    )
