"""/saran: citizens' latest suggestions for the units in scope, newest first, a page at a time."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot.context import BotContext
from bot.directory import Directory
from bot.i18n import t
from bot.officers.access import Scope, Viewer, officers_only, reply
from bot.officers.paging import paging_row
from bot.officers.query import QueryError, parse_query
from bot.officers.render import clip, period_text
from skm.period import Period, parse_period
from skm.questionnaire import Lang
from storage import responses
from storage.responses import Filter, Suggestion

PAGE = 5
TEXT_LIMIT = 700  # five of them, escaped, and the headings stay under 4096 characters
_ANY = "*"


def page_text(
    items: list[Suggestion],
    total: int,
    offset: int,
    heading: str,
    directory: Directory,
    tz: tzinfo,
    lang: Lang,
) -> str:
    """One page of suggestions: the date (not the time), unit, office and the text."""
    lines = [t(lang, "officer.saran_title", heading=heading)]
    if not items:
        lines.append(t(lang, "officer.saran_none"))
        return "\n".join(lines)
    lines.append(
        t(lang, "officer.saran_range", first=offset + 1, last=offset + len(items), total=total)
    )
    for item in items:
        where = t(
            lang,
            "officer.saran_where",
            date=item.submitted_at.astimezone(tz).strftime("%d-%m-%Y"),
            unit=escape(directory.unit_name(item.unit, lang)),
            office=escape(directory.office_name(item.office)),
        )
        lines += ["", where, f"“{clip(item.text, TEXT_LIMIT)}”"]
    return "\n".join(lines)


def _keyboard(
    unit: str | None, office: str | None, label: str | None, offset: int, total: int, lang: Lang
) -> InlineKeyboardMarkup | None:
    data = f"off:sug:{unit or _ANY}:{office or _ANY}:{label or _ANY}"
    newer, older = t(lang, "officer.saran_newer"), t(lang, "officer.saran_older")
    row = paging_row(data, offset, PAGE, total, newer, older)
    # Telegram carries at most 64 bytes of callback data; codes that long get no paging.
    if not row or any(len(str(b.callback_data).encode()) > 64 for b in row):
        return None
    return InlineKeyboardMarkup([row])


async def _page(
    context: BotContext,
    scope: Scope,
    unit: str | None,
    office: str | None,
    period: Period | None,
    offset: int,
    lang: Lang,
) -> tuple[str, InlineKeyboardMarkup | None]:
    state = context.bot_data
    directory = state.units
    where = Filter(
        start=period.start if period else None,
        end=period.end if period else None,
        units=[unit] if unit else Scope(scope.unit, office).units(directory),
        office=office,
    )
    items, total = await responses.suggestions(state.database, where, PAGE, offset)
    parts = [directory.unit_name(unit, lang) if unit else t(lang, "officer.all_units")]
    if office:
        parts.append(directory.office_name(office))
    if period is not None:
        parts.append(period_text(period, lang))
    heading = escape(" · ".join(parts))
    text = page_text(items, total, offset, heading, directory, state.config.tz, lang)
    label = period.label if period else None
    return text, _keyboard(unit, office, label, offset, total, lang)


@officers_only
async def saran(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/saran [UNIT] [OFFICE] [PERIOD]: the newest suggestions first (all time by default)."""
    state = context.bot_data
    now = datetime.now(state.config.tz)
    try:
        query = parse_query(context.args or [], state.units, now)
    except QueryError as exc:
        await reply(update, t(viewer.lang, exc.key, **exc.values))
        return
    asked = viewer.reach.narrow(query.unit, query.office)
    if asked is None:
        await reply(update, t(viewer.lang, "officer.out_of_scope"))
        return
    unit, office = asked
    text, keyboard = await _page(context, viewer.reach, unit, office, query.period, 0, viewer.lang)
    await reply(update, text, reply_markup=keyboard)


@officers_only
async def on_page(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The newer/older buttons: the scope is checked again on every press."""
    query = update.callback_query
    assert query is not None and query.data is not None
    state = context.bot_data
    parts = query.data.split(":")
    if len(parts) != 6 or not parts[5].isdigit():
        await query.answer()
        return
    unit, office, label = (None if p == _ANY else p for p in parts[2:5])
    asked = viewer.reach.narrow(unit, office)
    if asked is None:
        await query.answer(t(viewer.lang, "officer.out_of_scope"), show_alert=True)
        return
    period = None
    if label is not None:
        try:
            period = parse_period(label, datetime.now(state.config.tz))
        except ValueError:
            await query.answer()
            return
    await query.answer()
    text, keyboard = await _page(
        context, viewer.reach, asked[0], asked[1], period, int(parts[5]), viewer.lang
    )
    await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
