"""Low-score alerts: which responses call for one, and what it says (outbox.py sends it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from bot.officers.render import element_name
from service.directory import Directory
from service.i18n import number, t
from service.policy import alert_rule as rule
from service.policy import needs_alert as needs_alert
from skm.questionnaire import ELEMENT_CODES, Lang
from skm.records import Response

__all__ = ["needs_alert", "notice", "rule"]


def notice(responses: Sequence[Response], directory: Directory, lang: Lang) -> str:
    """One message for some responses about one unit: how many, which elements, which offices.

    Deliberately nothing else: no time, no profile, no suggestion, no pseudonym, so that the
    notice cannot point at a citizen who answered.
    """
    unit = responses[0].unit
    low: Counter[str] = Counter(
        c for r in responses for c in ELEMENT_CODES if r.answers.get(c) == 1
    )
    elements = ", ".join(
        t(lang, "officer.alert_element", name=element_name(c, lang), code=c, count=low[c])
        for c in ELEMENT_CODES
        if low[c]
    )
    offices = sorted({directory.office_name(r.office) for r in responses})
    return "\n".join(
        (
            t(lang, "officer.alert_title", unit=escape(directory.unit_name(unit, lang))),
            t(lang, "officer.alert_count", count=number(len(responses), 0, lang)),
            t(lang, "officer.alert_low", elements=elements),
            t(lang, "officer.alert_offices", offices=escape(", ".join(offices))),
            t(lang, "officer.alert_hint", unit=unit),
        )
    )
