"""Low-score alerts: a unit's officers hear at once of a score of 1 or a new suggestion."""

from __future__ import annotations

import logging
from html import escape

from telegram.constants import ParseMode

from bot.context import BotContext
from bot.directory import Directory
from bot.i18n import as_lang, t
from bot.officers.render import clip, element_name
from skm.questionnaire import ELEMENT_CODES, Lang
from skm.records import Response
from storage import officers

log = logging.getLogger(__name__)


def needs_alert(response: Response) -> bool:
    """Whether a response scores any element 1 or carries a suggestion."""
    return any(response.answers.get(c) == 1 for c in ELEMENT_CODES) or bool(response.suggestion)


def notice(response: Response, directory: Directory, lang: Lang) -> str:
    """The alert's text: unit, office, the elements scored 1 and the suggestion.

    Deliberately nothing else: no time, no profile, no pseudonym, so that the notice
    cannot point at the citizen who answered.
    """
    lines = [
        t(
            lang,
            "officer.alert_title",
            unit=escape(directory.unit_name(response.unit, lang)),
            office=escape(directory.office_name(response.office)),
        )
    ]
    low = [c for c in ELEMENT_CODES if response.answers.get(c) == 1]
    if low:
        names = ", ".join(f"{element_name(c, lang)} ({c})" for c in low)
        lines.append(t(lang, "officer.alert_low", elements=names))
    if response.suggestion:
        lines.append(t(lang, "officer.alert_suggestion", text=clip(response.suggestion, 3000)))
    lines.append(t(lang, "officer.alert_hint", unit=response.unit))
    return "\n".join(lines)


async def alert(context: BotContext, response: Response) -> int:
    """Notify every officer whose scope covers the response; returns how many were told."""
    state = context.bot_data
    if not state.config.skm_alerts or not needs_alert(response):
        return 0
    told = 0
    for officer in await officers.covering(state.database, response.unit, response.office):
        text = notice(response, state.units, as_lang(officer.lang))
        try:
            await context.bot.send_message(officer.user_id, text, parse_mode=ParseMode.HTML)
        except Exception:
            # One officer who blocked the bot must not keep the others from hearing.
            log.warning("Alert not delivered to officer %s", officer.user_id, exc_info=True)
        else:
            told += 1
    return told
