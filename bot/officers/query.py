"""What an officer asked for: a unit, an office, a period and flags, read from command words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Any

from bot.officers.render import echoed
from service.directory import Directory
from skm.period import PERIOD_FORMS, Period, PeriodOutOfRange, parse_period


class QueryError(ValueError):
    """A word that cannot be read; carries the catalogue key and values for the person."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Query:
    """The unit, office and period asked for (None when not given), and any flag words."""

    unit: str | None
    office: str | None
    period: Period | None
    flags: frozenset[str] = field(default_factory=frozenset)


def parse_query(
    words: Sequence[str],
    directory: Directory,
    now: datetime,
    flags: Sequence[str] = (),
) -> Query:
    """Read unit, office, period and flags in any order; QueryError naming the bad word."""
    unit: str | None = None
    office: str | None = None
    period: Period | None = None
    seen: set[str] = set()
    for word in words:
        code = word.strip().upper()
        if code in directory.units and unit is None:
            unit = code
        elif code in directory.offices and office is None:
            office = code
        elif word.lower() in flags:
            seen.add(word.lower())
        elif period is None:
            try:
                period = parse_period(word, now)
            except PeriodOutOfRange as exc:
                raise QueryError(
                    "officer.period_range", word=echoed(word), first=exc.first, last=exc.last
                ) from None
            except ValueError:
                raise _unknown(word, directory) from None
        else:
            raise _unknown(word, directory)
    if unit is not None and office is not None and not directory.serves(unit, office):
        raise QueryError(
            "officer.not_served",
            unit=unit,
            office=escape(directory.office_name(office)),
        )
    return Query(unit, office, period, frozenset(seen))


def _unknown(word: str, directory: Directory) -> QueryError:
    return QueryError(
        "officer.unknown_word",
        word=echoed(word),
        units=", ".join(directory.units),
        offices=", ".join(directory.offices),
        periods=PERIOD_FORMS,
    )
