"""/qr UNIT [OFFICE]: the printable QR poster that opens the survey for a unit at an office."""

from __future__ import annotations

from datetime import datetime
from html import escape

from telegram import Update
from telegram.constants import ParseMode

from bot import workers
from bot.context import BotContext
from bot.deeplink import link, survey_payload
from bot.i18n import t
from bot.officers.access import Viewer, officers_only, reply
from bot.officers.query import QueryError, parse_query
from bot.qr import render_poster


@officers_only
async def qr(update: Update, context: BotContext, viewer: Viewer) -> None:
    """Send the poster as a photo, with the survey link in the caption."""
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
    if office is None:
        serving = [o.code for o in directory.offices_serving(unit)]
        if len(serving) != 1:
            await reply(
                update, t(lang, "officer.qr_which_office", unit=unit, offices=", ".join(serving))
            )
            return
        office = serving[0]
    url = link(context.bot.username, survey_payload(unit, office))
    unit_name, office_name = directory.unit_name(unit, "id"), directory.office_name(office)
    png = await workers.run(render_poster, url, unit_name, office_name)
    message = update.effective_message
    if message is not None:
        caption = t(
            lang,
            "officer.qr_caption",
            unit=escape(directory.unit_name(unit, lang)),
            office=escape(office_name),
            link=url,
        )
        await message.reply_photo(
            png, caption=caption, parse_mode=ParseMode.HTML, filename=f"qr-{unit}-{office}.png"
        )
