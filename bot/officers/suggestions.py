"""/saran: citizens' latest suggestions for the units in scope, newest first, a page at a time."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from telegram import InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.officers.access import (
    Scope,
    Viewer,
    officers_only,
    private_only,
    reply,
    show,
    stale,
)
from bot.officers.buttons import SuggestionPage, parse
from bot.officers.paging import paging_row
from bot.officers.render import clip, period_text
from bot.officers.selection import selection
from service.directory import Directory
from service.i18n import t
from skm.period import Period, parse_period
from skm.questionnaire import Lang
from storage import responses
from storage.responses import Filter, Suggestion

PAGE = 5
TEXT_LIMIT = 700  # five of them, escaped, and the headings stay under 4096 characters


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
    def data_for(start: int) -> str:
        return SuggestionPage(unit, office, label, start).encode()

    newer, older = t(lang, "officer.saran_newer"), t(lang, "officer.saran_older")
    try:
        row = paging_row(data_for, offset, PAGE, total, newer, older)
    except ValueError:  # over Telegram's 64 bytes of button data: no paging for such codes
        return None
    return InlineKeyboardMarkup([row]) if row else None


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
@private_only("officer.saran_private")
async def saran(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/saran [UNIT] [OFFICE] [PERIOD]: the newest suggestions first (all time by default)."""
    state = context.bot_data
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now)
    if asked is None:
        return
    text, keyboard = await _page(
        context, viewer.reach, asked.unit, asked.office, asked.period, 0, viewer.lang
    )
    await reply(update, text, reply_markup=keyboard)


@officers_only
@private_only("officer.saran_private")
async def on_page(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The newer/older buttons: the scope is checked again on every press."""
    query = update.callback_query
    assert query is not None
    button = parse(query.data)
    if not isinstance(button, SuggestionPage):
        await stale(query, viewer.lang)
        return
    asked = viewer.reach.narrow(button.unit, button.office)
    if asked is None:
        await query.answer(t(viewer.lang, "officer.out_of_scope"), show_alert=True)
        return
    period = None
    if button.period is not None:
        try:
            period = parse_period(button.period, datetime.now(context.bot_data.config.tz))
        except ValueError:  # a period out of range now, or forged
            await stale(query, viewer.lang)
            return
    await query.answer()
    unit, office = asked
    text, keyboard = await _page(
        context, viewer.reach, unit, office, period, button.offset, viewer.lang
    )
    await show(update, text, keyboard)
