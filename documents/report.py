"""The SKM report's figures per unit and for all units, from SQL aggregates."""

from __future__ import annotations

from dataclasses import dataclass

from skm.index import EMPTY, ElementTotals, IkmResult, OverallResult, Weighting, ikm_from_totals
from skm.index import overall as all_units
from skm.period import Period
from storage import responses
from storage.database import Database
from storage.responses import Filter


@dataclass(frozen=True)
class UnitFigures:
    """One unit's SKM table, and the sums and counts it was computed from."""

    code: str
    result: IkmResult
    totals: ElementTotals = EMPTY


@dataclass(frozen=True)
class Report:
    """Per-unit tables, the all-units figure and the respondent profile, for one selection."""

    period: Period | None
    office: str | None
    weighting: Weighting
    units: list[UnitFigures]
    overall: OverallResult
    profile: dict[str, dict[str, int]]


def selection(period: Period | None, units: list[str] | None, office: str | None) -> Filter:
    """The storage filter of a report's selection."""
    return Filter(
        start=period.start if period else None,
        end=period.end if period else None,
        units=units,
        office=office,
    )


async def build_report(
    db: Database,
    weighting: Weighting,
    period: Period | None = None,
    units: list[str] | None = None,
    office: str | None = None,
) -> Report:
    """Compute the report from SQL aggregates (no response rows are loaded)."""
    where = selection(period, units, office)
    per_unit = await responses.totals_by(db, "unit", where)
    figures = [
        UnitFigures(code, ikm_from_totals(tot, weighting), tot) for code, tot in per_unit.items()
    ]
    return Report(
        period,
        office,
        weighting,
        figures,
        all_units(list(per_unit.values()), weighting),
        await responses.profile_counts(db, where),
    )
