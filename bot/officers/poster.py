"""/qr UNIT [OFFICE]: the printable QR poster that opens the survey for a unit at an office."""

from __future__ import annotations

from datetime import datetime
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from bot import workers
from bot.context import BotContext
from bot.officers.access import Viewer, officers_only, reply, stale
from bot.officers.buttons import QrOffice, parse
from bot.officers.query import QueryError, parse_query
from service.deeplink import link, survey_payload
from service.i18n import t
from service.poster import render_poster
from service.weblinks import landing_link
from skm.questionnaire import Lang


@officers_only
async def qr(update: Update, context: BotContext, viewer: Viewer) -> None:
    """The poster for a unit (and office); offices as buttons when the unit is at several."""
    state = context.bot_data
    directory, lang = state.units, viewer.lang
    words = context.args or []
    try:
        query = parse_query(words, directory, datetime.now(state.config.tz))
    except QueryError as exc:
        await reply(update, t(lang, exc.key, **exc.values))
        return
    if query.unit is None or query.period is not None:
        await reply(update, t(lang, "officer.qr_usage", units=", ".join(directory.units)))
        return
    asked = viewer.reach.narrow(query.unit, query.office)
    if asked is None:
        await reply(update, t(lang, "officer.out_of_scope"))
        return
    unit, office = query.unit, asked[1]
    if office is not None and not directory.serves(unit, office):
        # The officer's own office, not one they typed: parse_query could not check it.
        office_name = escape(directory.office_name(office))
        await reply(update, t(lang, "officer.not_served", unit=unit, office=office_name))
        return
    if office is None:
        serving = directory.offices_serving(unit)
        if len(serving) != 1:
            buttons = [
                [InlineKeyboardButton(o.name, callback_data=QrOffice(unit, o.code).encode())]
                for o in serving
            ]
            name = escape(directory.unit_name(unit, lang))
            text = t(lang, "officer.qr_which_office", unit=name)
            await reply(update, text, reply_markup=InlineKeyboardMarkup(buttons))
            return
        office = serving[0].code
    chat = update.effective_chat
    if chat is not None:
        await _send_poster(context, chat.id, unit, office, lang)


@officers_only
async def on_office_button(update: Update, context: BotContext, viewer: Viewer) -> None:
    """An office's button under /qr: that office's poster, if it is in the presser's scope."""
    query = update.callback_query
    assert query is not None
    button = parse(query.data)
    state = context.bot_data
    if not isinstance(button, QrOffice) or not state.units.serves(button.unit, button.office):
        await stale(query, viewer.lang)
        return
    if viewer.reach.narrow(button.unit, button.office) is None:
        await query.answer(t(viewer.lang, "officer.out_of_scope"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        chat_id = query.message.chat.id
        await _send_poster(context, chat_id, button.unit, button.office, viewer.lang)


async def _send_poster(
    context: BotContext, chat_id: int, unit: str, office: str, lang: Lang
) -> None:
    """The poster as a photo to look at, with the link, and as a file to print (uncompressed)."""
    directory = context.bot_data.units
    # With the web survey, the one QR code opens the desk's page, offering the browser and
    # Telegram; without it, Telegram.
    web = context.bot_data.config.require_web()
    if web is not None:
        url = landing_link(web.url, unit, office)
    else:
        url = link(context.bot.username, survey_payload(unit, office))
    unit_name, office_name = directory.unit_name(unit, "id"), directory.office_name(office)
    png = await workers.run(render_poster, url, unit_name, office_name, web is not None)
    caption = t(
        lang,
        "officer.qr_caption",
        unit=escape(directory.unit_name(unit, lang)),
        office=escape(office_name),
        link=url,
    )
    filename = f"qr-{unit}-{office}.png"
    await context.bot.send_photo(
        chat_id, png, caption=caption, parse_mode=ParseMode.HTML, filename=filename
    )
    # Telegram compresses a photo; the file keeps every pixel of the QR code for printing.
    await context.bot.send_document(
        chat_id,
        png,
        caption=t(lang, "officer.qr_file"),
        filename=filename,
        disable_content_type_detection=True,
    )
