"""/ikm: every unit in the officer's scope, or one unit with its chart."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot import workers
from bot.context import BotContext
from bot.officers import chart, figures, render
from bot.officers.access import Scope, Viewer, officers_only, reply
from bot.officers.selection import selection
from service.i18n import t
from skm.disclosure import too_few
from skm.period import current_quarter


@officers_only
async def ikm(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/ikm [UNIT] [OFFICE] [PERIOD]: the figures, from SQL aggregates."""
    state = context.bot_data
    lang = viewer.lang
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now)
    if asked is None:
        return
    unit, office = asked.unit, asked.office
    period = asked.period or current_quarter(now)
    db, directory, weighting = state.database, state.units, state.config.weighting
    if unit is None:
        scope = Scope(viewer.reach.unit, office)
        data = await figures.overview(db, directory, scope, period, weighting)
        await reply(update, render.overview(data, directory, lang))
        return
    detail = await figures.unit_detail(db, directory, unit, office, period, weighting)
    await reply(update, render.unit_detail(detail, directory, lang))
    message = update.effective_message
    # The chart is the element detail again: withheld, like it, below three respondents.
    shown = detail.result.respondents and not too_few(detail.result.respondents)
    if shown and message is not None:
        title = render.chart_title(detail, directory, lang)
        png = await workers.run(chart.element_chart, detail.result, title, lang)
        await message.reply_photo(
            png, caption=t(lang, "officer.chart_caption"), filename=f"ikm-{unit}.png"
        )
