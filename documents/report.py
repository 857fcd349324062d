"""The SKM report's figures per unit and for all units, from SQL aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field

from skm.analysis import ikm_by_group
from skm.directory import Directory
from skm.index import EMPTY, ElementTotals, IkmResult, OverallResult, Weighting, ikm_from_totals
from skm.index import overall as all_units
from skm.period import Period
from skm.sample import SampleCheck, combined_sample, unit_sample
from storage import responses
from storage.database import Database
from storage.responses import Filter


@dataclass(frozen=True)
class UnitFigures:
    """One unit's SKM table, and the sums and counts it was computed from."""

    code: str
    result: IkmResult
    totals: ElementTotals = EMPTY
    # Whether its respondents are enough (skm/sample.py); None when no check was asked for.
    sample: SampleCheck | None = None


@dataclass(frozen=True)
class Report:
    """Per-unit tables, the all-units figure and the respondent profile, for one selection."""

    period: Period | None
    office: str | None
    weighting: Weighting
    units: list[UnitFigures]
    overall: OverallResult
    profile: dict[str, dict[str, int]]
    sample: SampleCheck | None = None  # of the all-units figure
    # Where the respondents answered (telegram, web, kiosk, import): each channel's IKM.
    channels: dict[str, IkmResult] = field(default_factory=dict)


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
    directory: Directory | None = None,
) -> Report:
    """Compute the report from SQL aggregates (no response rows are loaded).

    The sample checks take each office's monthly volume from the directory; without one
    (a CSV read as it is) no office has a volume and the checks ask for 30 respondents.
    """
    where = selection(period, units, office)
    known = directory if directory is not None else Directory({}, {})
    figures: list[UnitFigures] = []
    for code, offices in (await responses.totals_by_unit_office(db, where)).items():
        tot = sum(offices.values(), EMPTY)
        counted = {c: t.respondents for c, t in offices.items()}
        check = unit_sample(known, code, office, period, counted)
        figures.append(UnitFigures(code, ikm_from_totals(tot, weighting), tot, check))
    checks = {u.code: u.sample for u in figures if u.sample is not None}
    return Report(
        period,
        office,
        weighting,
        figures,
        all_units([u.totals for u in figures], weighting),
        await responses.profile_counts(db, where),
        combined_sample(checks, period),
        ikm_by_group(await responses.totals_by(db, "channel", where), weighting),
    )
