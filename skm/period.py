"""Reporting periods: year, semester, quarter, month, last N days, in local (Jakarta) time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

# ASCII digits only: a label is echoed in replies and carried in button data as typed.
_YEAR = re.compile(r"^([0-9]{4})$")
_PART = re.compile(r"^([0-9]{4})-([SQ])([0-9])$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_DAYS = re.compile(r"^([0-9]{1,24})d$")

PERIOD_FORMS = "2026, 2026-S2, 2026-Q4, 2026-11, 30d"
FIRST_YEAR = 2000  # no SKM data predates the 2000s; earlier years are typing mistakes


class PeriodOutOfRange(ValueError):
    """A well-formed period that starts before 2000 or after next year."""

    def __init__(self, label: str, first: int, last: int) -> None:
        super().__init__(f"{label} is outside the years {first} to {last}")
        self.label = label
        self.first = first
        self.last = last


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
    start = _month_start(year, first_month, tz)
    return Period(label, start, _month_start(year, first_month + length, tz))


def _calendar(label: str) -> tuple[str, int, int, int] | None:
    """A year, semester, quarter or month as (label, year, first month, months); else None."""
    if m := _YEAR.match(label):
        return label, int(m[1]), 1, 12
    if m := _PART.match(label):
        kind, n = m[2], int(m[3])
        length, parts = (6, 2) if kind == "S" else (3, 4)
        return (label, int(m[1]), (n - 1) * length + 1, length) if 1 <= n <= parts else None
    if m := _MONTH.match(label):
        month = int(m[2])
        return (f"{m[1]}-{month:02d}", int(m[1]), month, 1) if 1 <= month <= 12 else None
    return None


def parse_period(text: str, now: datetime) -> Period:
    """Read a period as people type it, from 2000 to next year.

    ValueError naming the accepted forms for anything else; PeriodOutOfRange (a ValueError)
    for a well-formed period outside those years.
    """
    tz = now.tzinfo
    if tz is None:
        raise ValueError("now must carry a time zone")
    label = text.strip().upper()
    last = now.year + 1
    if calendar := _calendar(label):
        name, year, first_month, length = calendar
        if not FIRST_YEAR <= year <= last:
            raise PeriodOutOfRange(name, FIRST_YEAR, last)
        return _months(name, year, first_month, length, tz)
    if (m := _DAYS.match(label.lower())) and int(m[1]) >= 1:
        days = int(m[1])
        if days > (now - datetime(FIRST_YEAR, 1, 1, tzinfo=tz)).days:
            raise PeriodOutOfRange(f"{days}d", FIRST_YEAR, last)
        return Period(f"{days}d", now - timedelta(days=days), now)
    raise ValueError(f"{text.strip()!r} is not a period; use a form like {PERIOD_FORMS}")


def current_quarter(now: datetime) -> Period:
    """The calendar quarter that contains now, the default reporting period."""
    quarter = (now.month - 1) // 3 + 1
    return parse_period(f"{now.year}-Q{quarter}", now)


def previous(period: Period) -> Period:
    """The period of the same kind and length just before this one."""
    label, tz = period.label, period.start.tzinfo
    assert tz is not None  # a Period's bounds always carry a zone
    # Built directly, not parsed: the period before 2000's is 1999's, outside what people type.
    if m := _YEAR.match(label):
        return _months(str(int(m[1]) - 1), int(m[1]) - 1, 1, 12, tz)
    if m := _PART.match(label):
        year, kind, n = int(m[1]), m[2], int(m[3])
        length, parts = (6, 2) if kind == "S" else (3, 4)
        year, n = (year, n - 1) if n > 1 else (year - 1, parts)
        return _months(f"{year}-{kind}{n}", year, (n - 1) * length + 1, length, tz)
    if m := _MONTH.match(label):
        year, month = int(m[1]), int(m[2])
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return _months(f"{year}-{month:02d}", year, month, 1, tz)
    span = period.end - period.start
    return Period(label, period.start - span, period.start)


def last_full_year(now: datetime) -> Period:
    """The last whole calendar year before now, the Laporan SKM's default period."""
    return parse_period(str(now.year - 1), now)
