"""Low-score alerts: which responses call for one, and what it says (outbox.py sends it)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from bot.config import Settings
from bot.directory import Directory
from bot.i18n import t
from bot.officers.render import clip, element_name
from skm.questionnaire import ELEMENT_CODES, Lang
from skm.records import Response


def needs_alert(response: Response) -> bool:
    """Whether a response scores any element 1 or carries a suggestion."""
    return any(response.answers.get(c) == 1 for c in ELEMENT_CODES) or bool(response.suggestion)


def rule(settings: Settings) -> Callable[[Response], bool]:
    """The one rule for which stored responses alert the officers: none with SKM_ALERTS=false."""
    if not settings.skm_alerts:
        return lambda response: False
    return needs_alert


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
