"""The figures behind /ikm, read from SQL aggregates only (no response rows are loaded)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.officers.access import Scope
from service.directory import Directory
from skm.analysis import Priority, ikm_by_group, weakest_elements
from skm.index import EMPTY, IkmResult, OverallResult, Weighting, ikm_from_totals, overall
from skm.period import Period, previous
from skm.sample import SampleCheck as SampleCheck
from skm.sample import combined_sample, unit_sample
from storage import responses
from storage.database import Database
from storage.responses import Filter


@dataclass(frozen=True)
class UnitRow:
    """One unit in the overview: this period and the one before it."""

    code: str
    result: IkmResult
    before: IkmResult
    sample: SampleCheck


@dataclass(frozen=True)
class Overview:
    """Every unit in a scope for a period, with the all-units figure."""

    period: Period
    before: Period
    office: str | None
    rows: list[UnitRow]
    overall: OverallResult
    sample: SampleCheck


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
    offices: list[tuple[str, IkmResult, SampleCheck]]
    sample: SampleCheck
    channels: dict[str, IkmResult] = field(default_factory=dict)  # where they answered


def _where(period: Period, units: list[str] | None, office: str | None) -> Filter:
    return Filter(start=period.start, end=period.end, units=units, office=office)


async def overview(
    db: Database, directory: Directory, scope: Scope, period: Period, weighting: Weighting
) -> Overview:
    """Respondents, IKM and grade of every unit in the scope, beside the previous period."""
    codes = scope.units(directory)
    before = previous(period)
    # Per unit and office: the units' figures, and the offices each sample check counts.
    now = await responses.totals_by_unit_office(db, _where(period, codes, scope.office))
    then = await responses.totals_by(db, "unit", _where(before, codes, scope.office))
    rows: list[UnitRow] = []
    for code in codes:
        offices = now.get(code, {})
        counted = {office: tot.respondents for office, tot in offices.items()}
        rows.append(
            UnitRow(
                code,
                ikm_from_totals(sum(offices.values(), EMPTY), weighting),
                ikm_from_totals(then.get(code, EMPTY), weighting),
                unit_sample(directory, code, scope.office, period, counted),
            )
        )
    totals = [sum(offices.values(), EMPTY) for offices in now.values()]
    sample = combined_sample({r.code: r.sample for r in rows}, period)
    return Overview(period, before, scope.office, rows, overall(totals, weighting), sample)


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
    offices: list[tuple[str, IkmResult, SampleCheck]] = []
    if office is None:
        codes = [o.code for o in directory.offices_serving(unit)]
        codes += [c for c in per_office if c not in codes]
        for c in codes:
            found = per_office.get(c, EMPTY)
            check = unit_sample(directory, unit, c, period, {c: found.respondents})
            offices.append((c, ikm_from_totals(found, weighting), check))
    counted = {c: tot.respondents for c, tot in per_office.items()}
    sample = unit_sample(directory, unit, office, period, counted)
    # By channel only when there is more than one: grouping the answers by channel reads
    # the whole quarter (14 ms at 300,000 responses); which channels there are, a few.
    where = _where(period, [unit], office)
    came_through = await responses.channels(db, where)
    per_channel = (
        await responses.totals_by(db, "channel", where)
        if len(came_through) > 1
        else {c: sum(per_office.values(), EMPTY) for c in came_through}
    )
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
        ikm_by_group(per_channel, weighting),
    )
