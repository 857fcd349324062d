"""What an officer's command words ask for, narrowed to what the officer may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from telegram import Update

from bot.context import BotContext
from bot.officers.access import Viewer, reply
from bot.officers.query import QueryError, parse_query
from service.i18n import t
from skm.period import Period


@dataclass(frozen=True)
class Selection:
    """The unit and office asked for (None: all in scope), the period (None: not given), flags."""

    unit: str | None
    office: str | None
    period: Period | None
    flags: frozenset[str]


async def selection(
    update: Update, context: BotContext, viewer: Viewer, now: datetime, flags: Sequence[str] = ()
) -> Selection | None:
    """The selection the command's words make, in scope; None once the officer is told why not."""
    try:
        query = parse_query(context.args or [], context.bot_data.units, now, flags=flags)
    except QueryError as exc:
        await reply(update, t(viewer.lang, exc.key, **exc.values))
        return None
    asked = viewer.reach.narrow(query.unit, query.office)
    if asked is None or update.effective_message is None:
        await reply(update, t(viewer.lang, "officer.out_of_scope"))
        return None
    unit, office = asked
    directory = context.bot_data.units
    if unit is not None and office is not None and not directory.serves(unit, office):
        # The officer's own office, not one they typed: parse_query could not check it.
        office_name = escape(directory.office_name(office))
        await reply(update, t(viewer.lang, "officer.not_served", unit=unit, office=office_name))
        return None
    return Selection(*asked, query.period, query.flags)
