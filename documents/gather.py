"""Everything the Laporan SKM shows, read from SQL aggregates (no response rows are loaded)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from documents.report import Report, UnitFigures, build_report, selection
from skm.analysis import Priority, correlation_from_patterns, ikm_by_group, weakest_elements
from skm.directory import Directory, Head
from skm.index import EMPTY, IkmResult, Weighting, ikm_from_totals
from skm.period import Period, previous
from skm.sample import SampleCheck, unit_sample
from storage import followups, responses
from storage.database import Database
from storage.followups import FollowUp

# Suggestions a unit's section quotes, newest first; the workbook (/ekspor) has them all.
SUGGESTIONS_PER_UNIT = 100


@dataclass(frozen=True)
class UnitSection:
    """One unit in the report: its table, the period before, its offices, sample and saran."""

    code: str
    name: str
    figures: UnitFigures
    before: IkmResult
    offices: list[tuple[str, IkmResult]]
    sample: SampleCheck
    priorities: list[Priority]
    suggestions: list[str]
    suggestions_total: int
    # The follow-up actions officers recorded for the unit (/tindaklanjut), for BAB V.
    followups: list[FollowUp] = field(default_factory=list)


@dataclass(frozen=True)
class LaporanData:
    """The report's selection, its figures and who signs it."""

    period: Period
    before: Period
    written: datetime
    office: str | None
    office_name: str
    head: Head
    report: Report
    units: list[UnitSection]
    distribution: dict[str, dict[int, int]]
    correlation: dict[str, dict[str, float | None]]
    by_profile: dict[str, dict[str, IkmResult]]
    # Units in the selection nobody answered for: code, name and sample check.
    absent: list[tuple[str, str, SampleCheck]]
    office_names: dict[str, str]

    @property
    def respondents(self) -> int:
        """Respondents in the whole selection."""
        return self.report.overall.respondents


def issuing_office(directory: Directory, office: str | None) -> str | None:
    """The office whose head signs: the one asked for, else the first in the units file."""
    if office is not None:
        return office
    return next(iter(directory.offices), None)


def _served(directory: Directory, office: str | None) -> list[str]:
    """The units served at an office, or anywhere, in the units file's order."""
    if office is None:
        return [c for c in directory.units if directory.offices_serving(c)]
    return [c for c in directory.units if directory.serves(c, office)]


async def _unit(
    db: Database,
    directory: Directory,
    figures: UnitFigures,
    period: Period,
    before: IkmResult,
    office: str | None,
    weighting: Weighting,
) -> UnitSection:
    code = figures.code
    where = selection(period, [code], office)
    offices: list[tuple[str, IkmResult]] = []
    if office is None:
        per_office = await responses.totals_by(db, "office", where)
        codes = [o.code for o in directory.offices_serving(code)]
        codes += [c for c in per_office if c not in codes]
        if len(codes) > 1:
            offices = [(c, ikm_from_totals(per_office.get(c, EMPTY), weighting)) for c in codes]
    texts, total = await responses.suggestions(db, where, limit=SUGGESTIONS_PER_UNIT)
    return UnitSection(
        code,
        directory.unit_name(code),
        figures,
        before,
        offices,
        figures.sample or unit_sample(directory, code, office, period, {}),
        weakest_elements(figures.result),
        [s.text for s in texts],
        total,
        await followups.for_units(db, [code], office),
    )


async def gather(
    db: Database,
    directory: Directory,
    weighting: Weighting,
    period: Period,
    units: list[str] | None,
    office: str | None,
    written: datetime,
) -> LaporanData:
    """Read what the report needs for some units (None: all) at an office (None: all)."""
    report = await build_report(db, weighting, period, units, office, directory)
    before_period = previous(period)
    earlier = await responses.totals_by(db, "unit", selection(before_period, units, office))
    # Units in the selection come in the units file's order, then any others found in the data.
    order = {code: i for i, code in enumerate(directory.units)}
    report_units = sorted(report.units, key=lambda u: (order.get(u.code, len(order)), u.code))
    sections = [
        await _unit(
            db,
            directory,
            u,
            period,
            ikm_from_totals(earlier.get(u.code, EMPTY), weighting),
            office,
            weighting,
        )
        for u in report_units
    ]
    where = selection(period, units, office)
    per_field = await responses.totals_by_profile(db, where)
    by_profile = {key: ikm_by_group(groups, weighting) for key, groups in per_field.items()}
    signer = issuing_office(directory, office)
    present = {u.code for u in report.units}
    in_scope = units if units is not None else _served(directory, office)
    absent = [
        (c, directory.unit_name(c), unit_sample(directory, c, office, period, {}))
        for c in in_scope
        if c not in present
    ]
    return LaporanData(
        period,
        before_period,
        written,
        office,
        directory.office_name(signer) if signer else "",
        directory.offices[signer].head if signer in directory.offices else Head(),
        report,
        sections,
        await responses.distribution(db, where),
        # Up to some 300,000 patterns for a big year: pure Python, so off the event loop.
        await asyncio.to_thread(
            correlation_from_patterns, await responses.answer_patterns(db, where)
        ),
        by_profile,
        absent,
        {code: o.name for code, o in directory.offices.items()},
    )
