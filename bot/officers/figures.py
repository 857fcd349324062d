"""The figures behind /ikm, read from SQL aggregates only (no response rows are loaded)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.directory import Directory
from bot.officers.access import Scope
from skm.analysis import Priority, weakest_elements
from skm.index import EMPTY, IkmResult, OverallResult, Weighting, ikm_from_totals, overall
from skm.period import Period, previous
from skm.sample import SampleCheck as SampleCheck
from skm.sample import sample_check
from storage import responses
from storage.database import Database
from storage.responses import Filter


@dataclass(frozen=True)
class UnitRow:
    """One unit in the overview: this period and the one before it."""

    code: str
    result: IkmResult
    before: IkmResult


@dataclass(frozen=True)
class Overview:
    """Every unit in a scope for a period, with the all-units figure."""

    period: Period
    before: Period
    office: str | None
    rows: list[UnitRow]
    overall: OverallResult


@dataclass(frozen=True)
class UnitDetail:
    """One unit (at one office, or all) for a period: what /ikm UNIT shows."""

    unit: str
    office: str | None
    period: Period
    before: Period
    result: IkmResult
    previous: IkmResult
    priorities: list[Priority]
    offices: list[tuple[str, IkmResult]]
    sample: SampleCheck | None


def _where(period: Period, units: list[str] | None, office: str | None) -> Filter:
    return Filter(start=period.start, end=period.end, units=units, office=office)


async def overview(
    db: Database, directory: Directory, scope: Scope, period: Period, weighting: Weighting
) -> Overview:
    """Respondents, IKM and grade of every unit in the scope, beside the previous period."""
    codes = scope.units(directory)
    before = previous(period)
    now = await responses.totals_by(db, "unit", _where(period, codes, scope.office))
    then = await responses.totals_by(db, "unit", _where(before, codes, scope.office))
    rows = [
        UnitRow(
            code,
            ikm_from_totals(now.get(code, EMPTY), weighting),
            ikm_from_totals(then.get(code, EMPTY), weighting),
        )
        for code in codes
    ]
    return Overview(period, before, scope.office, rows, overall(list(now.values()), weighting))


async def unit_detail(
    db: Database,
    directory: Directory,
    unit: str,
    office: str | None,
    period: Period,
    weighting: Weighting,
) -> UnitDetail:
    """A unit's element scores, priorities, offices and sample check for a period."""
    before = previous(period)
    # One grouped read gives the offices and, added up, the unit (or the one office).
    per_office = await responses.totals_by(db, "office", _where(period, [unit], office))
    result = ikm_from_totals(sum(per_office.values(), EMPTY), weighting)
    earlier = ikm_from_totals(await responses.totals(db, _where(before, [unit], office)), weighting)
    offices: list[tuple[str, IkmResult]] = []
    if office is None:
        codes = [o.code for o in directory.offices_serving(unit)]
        codes += [c for c in per_office if c not in codes]
        offices = [(c, ikm_from_totals(per_office.get(c, EMPTY), weighting)) for c in codes]
    sample = sample_check(directory.monthly_volume(unit, office), period, result.respondents)
    return UnitDetail(
        unit,
        office,
        period,
        before,
        result,
        earlier,
        weakest_elements(result),
        offices,
        sample,
    )
