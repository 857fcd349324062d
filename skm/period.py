"""Reporting periods: year, semester, quarter, month, last N days, in local (Jakarta) time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

_YEAR = re.compile(r"^(\d{4})$")
_PART = re.compile(r"^(\d{4})-([SQ])(\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAYS = re.compile(r"^(\d{1,4})d$")

PERIOD_FORMS = "2026, 2026-S2, 2026-Q4, 2026-11, 30d"


@dataclass(frozen=True)
class Period:
    """A half-open span of time [start, end) with the label people typed for it."""

    label: str
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("period bounds must carry a time zone")
        if self.end <= self.start:
            raise ValueError("a period must end after it starts")

    def contains(self, moment: datetime) -> bool:
        """Whether a moment lies in the period."""
        return self.start <= moment < self.end


def _month_start(year: int, month: int, tz: tzinfo) -> datetime:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, 1, tzinfo=tz)


def _months(label: str, year: int, first_month: int, length: int, tz: tzinfo) -> Period:
    if not 1900 <= year <= 2999:
        raise ValueError(f"{label!r} is not a period; use a form like {PERIOD_FORMS}")
    start = _month_start(year, first_month, tz)
    return Period(label, start, _month_start(year, first_month + length, tz))


def parse_period(text: str, now: datetime) -> Period:
    """Read a period as people type it; ValueError naming the accepted forms otherwise."""
    tz = now.tzinfo
    if tz is None:
        raise ValueError("now must carry a time zone")
    label = text.strip().upper()
    if m := _YEAR.match(label):
        return _months(label, int(m[1]), 1, 12, tz)
    if m := _PART.match(label):
        year, kind, n = int(m[1]), m[2], int(m[3])
        length, parts = (6, 2) if kind == "S" else (3, 4)
        if 1 <= n <= parts:
            return _months(label, year, (n - 1) * length + 1, length, tz)
    elif m := _MONTH.match(label):
        month = int(m[2])
        if 1 <= month <= 12:
            return _months(f"{m[1]}-{month:02d}", int(m[1]), month, 1, tz)
    elif (m := _DAYS.match(label.lower())) and int(m[1]) >= 1:
        days = int(m[1])
        return Period(f"{days}d", now - timedelta(days=days), now)
    raise ValueError(f"{text.strip()!r} is not a period; use a form like {PERIOD_FORMS}")


def current_quarter(now: datetime) -> Period:
    """The calendar quarter that contains now, the default reporting period."""
    quarter = (now.month - 1) // 3 + 1
    return parse_period(f"{now.year}-Q{quarter}", now)


def previous(period: Period) -> Period:
    """The period of the same kind and length just before this one."""
    label = period.label
    if m := _YEAR.match(label):
        return parse_period(str(int(m[1]) - 1), period.start)
    if m := _PART.match(label):
        year, kind, n = int(m[1]), m[2], int(m[3])
        parts = 2 if kind == "S" else 4
        year, n = (year, n - 1) if n > 1 else (year - 1, parts)
        return parse_period(f"{year}-{kind}{n}", period.start)
    if m := _MONTH.match(label):
        year, month = int(m[1]), int(m[2])
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return parse_period(f"{year}-{month:02d}", period.start)
    length = period.end - period.start
    return Period(label, period.start - length, period.start)


def last_full_year(now: datetime) -> Period:
    """The last whole calendar year before now, the Laporan SKM's default period."""
    return parse_period(str(now.year - 1), now)
