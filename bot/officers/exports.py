"""/ekspor [UNIT] [OFFICE] [PERIOD] [csv] [;|,]: the XLSX workbook, or the raw responses as CSV."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot import workers
from bot.context import AppState, BotContext
from bot.csvfile import SEPARATORS
from bot.officers import export_job
from bot.officers.access import Scope, Viewer, officers_only, private_only, stale
from bot.officers.buttons import CsvExport, parse
from bot.officers.export_job import ExportJob
from bot.officers.render import period_text
from bot.officers.selection import selection
from service.i18n import number, t
from skm.period import Period, current_quarter, parse_period
from skm.questionnaire import Lang
from storage import responses
from storage.responses import Filter

# Responses one file may hold: a year of a busy Polres. The workbook of as many takes
# some 17 s and 200 MB to build here (in a worker process, so surveys go on meanwhile),
# and the CSV stays well under the 50 MB a bot may send.
EXPORT_LIMIT = 100_000


def _name(unit: str | None, office: str | None, period: Period, ext: str) -> str:
    parts = ["skm", *(p for p in (unit, office) if p), period.label]
    return "-".join(parts) + "." + ext


async def _send(
    message: Message,
    context: BotContext,
    scope: Scope,
    unit: str | None,
    office: str | None,
    period: Period,
    sep: str | None,
    lang: Lang,
) -> None:
    state = context.bot_data
    directory, tz = state.units, state.config.tz
    units = [unit] if unit else Scope(scope.unit, office).units(directory)
    caption = t(lang, "officer.export_caption", period=period_text(period, lang))
    where = Filter(start=period.start, end=period.end, units=units, office=office)
    count = (await responses.totals(state.database, where)).respondents  # an aggregate
    if count > EXPORT_LIMIT:
        limit, found = number(EXPORT_LIMIT, 0, lang), number(count, 0, lang)
        await message.reply_text(t(lang, "officer.export_too_many", count=found, limit=limit))
        return
    # Seconds of work over many rows: say so, and build it where citizens won't feel it.
    await message.reply_text(t(lang, "officer.export_preparing"))
    job = ExportJob(units, office, period, sep, directory, tz, lang, state.config.weighting)
    data = await _build(state, job)
    if sep is not None:
        await message.reply_document(
            data, filename=_name(unit, office, period, "csv"), caption=caption
        )
        return
    try:
        csv_data = CsvExport(unit, office, period.label).encode()
    except ValueError:  # over Telegram's 64 bytes of button data: the CSV is one /ekspor away
        keyboard = None
    else:
        label = t(lang, "officer.export_csv_button")
        button = InlineKeyboardButton(label, callback_data=csv_data)
        keyboard = InlineKeyboardMarkup([[button]])
    await message.reply_document(
        data,
        filename=_name(unit, office, period, "xlsx"),
        caption=caption,
        reply_markup=keyboard,
    )


async def _build(state: AppState, job: ExportJob) -> bytes:
    """The file, built in a worker process that reads the database file itself."""
    path = state.config.skm_database
    if str(path) == ":memory:":  # no file another process could open: a thread, then
        return await export_job.build(state.database, job, workers.run)
    return await workers.run_in_process(export_job.build_from_file, path, job)


@officers_only
@private_only("officer.export_private")  # raw answers and suggestions, never to a group
async def ekspor(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/ekspor (alias /export): the workbook for the officer's scope (default: this quarter)."""
    state = context.bot_data
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now, flags=("csv", *SEPARATORS))
    message = update.effective_message
    if asked is None or message is None:
        return
    period = asked.period or current_quarter(now)
    sep = _separator(asked.flags)
    await _send(message, context, viewer.reach, asked.unit, asked.office, period, sep, viewer.lang)


def _separator(flags: frozenset[str]) -> str | None:
    """The CSV's separator the officer asked for (a separator alone asks for CSV), or None."""
    if "," in flags:
        return ","
    if ";" in flags or "csv" in flags:
        return ";"  # what Excel in an Indonesian locale splits on
    return None


@officers_only
@private_only("officer.export_private")
async def on_csv_button(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The workbook's CSV button: the same selection as raw CSV, scope checked again."""
    query = update.callback_query
    assert query is not None
    button = parse(query.data)
    if not isinstance(button, CsvExport) or not isinstance(query.message, Message):
        await stale(query, viewer.lang)
        return
    asked = viewer.reach.narrow(button.unit, button.office)
    if asked is None:
        await query.answer(t(viewer.lang, "officer.out_of_scope"), show_alert=True)
        return
    try:
        period = parse_period(button.period, datetime.now(context.bot_data.config.tz))
    except ValueError:  # a period out of range now, or forged
        await stale(query, viewer.lang)
        return
    await query.answer()
    await _send(query.message, context, viewer.reach, *asked, period, ";", viewer.lang)
