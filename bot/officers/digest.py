"""The weekly summary: per unit this week, the change against last week, quarter to date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape

from bot.officers.access import Scope
from bot.officers.render import change_text, clip, element_name, result_line, unit_head
from service.directory import Directory
from service.i18n import number, t
from skm.analysis import Priority, weakest_elements
from skm.disclosure import too_few
from skm.index import EMPTY, IkmResult, Weighting, ikm_from_totals
from skm.period import Period, current_quarter, previous
from skm.questionnaire import Lang
from skm.sample import SampleCheck, unit_sample
from storage import followups, responses
from storage.database import Database
from storage.followups import FollowUp
from storage.responses import Filter

WEEK = timedelta(days=7)
_MOMENT = "%d-%m-%Y %H:%M"
_ACTIONS_SHOWN = 5  # follow-up actions a unit lists under each heading; /tindaklanjut has all


@dataclass(frozen=True)
class WeekRow:
    """One unit's week."""

    code: str
    week: IkmResult
    last_week: IkmResult
    quarter: IkmResult
    weakest: Priority | None
    suggestions: int
    week_sample: SampleCheck
    quarter_sample: SampleCheck
    # Follow-up actions not done: past their deadline, and due within the next 7 days.
    overdue: list[FollowUp] = field(default_factory=list)
    due_soon: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class Digest:
    """The summary's spans and its rows; this week is the 7 days up to the moment it is made."""

    week: Period
    last_week: Period
    quarter: Period
    rows: list[WeekRow]

    @property
    def empty(self) -> bool:
        return all(r.week.respondents == 0 for r in self.rows)


def spans(now: datetime) -> tuple[Period, Period, Period]:
    """This week (the 7 days up to now), the 7 days before, and the quarter so far."""
    week = Period("7d", now - WEEK, now)
    quarter = current_quarter(now)
    # At the very first moment of a quarter there is nothing "so far": use the last one.
    to_date = (
        Period(quarter.label, quarter.start, now) if now > quarter.start else previous(quarter)
    )
    return week, previous(week), to_date


async def weekly(
    db: Database, directory: Directory, scope: Scope, now: datetime, weighting: Weighting
) -> Digest:
    """The figures of every unit in the scope, from SQL aggregates."""
    week, last_week, quarter = spans(now)
    codes = scope.units(directory)

    async def per_unit(period: Period) -> dict[str, tuple[IkmResult, SampleCheck]]:
        where = Filter(start=period.start, end=period.end, units=codes, office=scope.office)
        found = await responses.totals_by_unit_office(db, where)
        out: dict[str, tuple[IkmResult, SampleCheck]] = {}
        for c in codes:
            offices = found.get(c, {})
            counted = {o: tot.respondents for o, tot in offices.items()}
            result = ikm_from_totals(sum(offices.values(), EMPTY), weighting)
            out[c] = (result, unit_sample(directory, c, scope.office, period, counted))
        return out

    this, last, so_far = await per_unit(week), await per_unit(last_week), await per_unit(quarter)
    today = now.date()  # deadlines are local days
    open_actions = await followups.open_due_by(db, codes, scope.office, today + WEEK)
    rows: list[WeekRow] = []
    for code in codes:
        where = Filter(start=week.start, end=week.end, units=[code], office=scope.office)
        _, new_suggestions = await responses.suggestions(db, where, limit=0)
        weakest = weakest_elements(this[code][0], 1)
        rows.append(
            WeekRow(
                code,
                this[code][0],
                last[code][0],
                so_far[code][0],
                weakest[0] if weakest else None,
                new_suggestions,
                this[code][1],
                so_far[code][1],
                [a for a in open_actions if a.unit == code and a.due < today],
                [a for a in open_actions if a.unit == code and a.due >= today],
            )
        )
    return Digest(week, last_week, quarter, rows)


def render(digest: Digest, directory: Directory, office: str | None, lang: Lang) -> str:
    """The summary as HTML text."""
    lines = [
        t(lang, "officer.weekly_title"),
        t(
            lang,
            "officer.weekly_spans",
            start=digest.week.start.strftime(_MOMENT),
            end=digest.week.end.strftime(_MOMENT),
            quarter=digest.quarter.label,
            quarter_start=digest.quarter.start.strftime("%d-%m-%Y"),
        ),
    ]
    if office:
        lines.append(t(lang, "officer.office", office=escape(directory.office_name(office))))
    if digest.empty:
        lines += ["", t(lang, "officer.weekly_empty")]
    for row in digest.rows:
        lines += ["", unit_head(row.code, directory, lang)]
        if row.week.respondents == 0:
            lines.append(t(lang, "officer.weekly_none"))
        else:
            week = result_line(row.week, lang, row.week_sample)
            lines.append(t(lang, "officer.weekly_week", figures=week))
            keys = (
                "officer.weekly_change",
                "officer.weekly_change_flat",
                "officer.weekly_change_none",
            )
            lines.append(change_text(row.week, row.last_week, lang, keys))
        quarter = result_line(row.quarter, lang, row.quarter_sample)
        lines.append(t(lang, "officer.weekly_quarter", figures=quarter))
        # The weakest element is per-element detail: withheld below three respondents.
        if row.weakest is not None and not too_few(row.week.respondents):
            lines.append(
                t(
                    lang,
                    "officer.weekly_weakest",
                    name=element_name(row.weakest.code, lang),
                    code=row.weakest.code,
                    nrr=number(row.weakest.nrr, 2, lang),
                )
            )
        lines.append(t(lang, "officer.weekly_suggestions", count=row.suggestions))
        lines += _actions(row.code, "followup.weekly_overdue", row.overdue, lang)
        lines += _actions(row.code, "followup.weekly_due", row.due_soon, lang)
    example = digest.rows[0].code if digest.rows else "SKCK"
    lines += ["", t(lang, "officer.overview_hint", code=example)]
    return "\n".join(lines)


def _actions(unit: str, heading: str, actions: list[FollowUp], lang: Lang) -> list[str]:
    """A heading and the first few actions under it (none: no lines)."""
    if not actions:
        return []
    lines = [t(lang, heading)]
    for a in actions[:_ACTIONS_SHOWN]:
        lines.append(
            t(
                lang,
                "followup.weekly_item",
                id=a.id,
                code=a.element,
                action=clip(a.action, 80),
                responsible=clip(a.responsible, 40),
                due=a.due.strftime("%d-%m-%Y"),
                status=t(lang, f"followup.status.{a.status}"),
            )
        )
    if len(actions) > _ACTIONS_SHOWN:
        more = len(actions) - _ACTIONS_SHOWN
        lines.append(t(lang, "followup.more", count=more, unit=unit))
    return lines
