"""The SKM report per unit and for all units as text or JSON (figures: documents/report.py)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

from bot.directory import Directory
from bot.i18n import number, t
from documents.report import Report as Report
from documents.report import UnitFigures as UnitFigures
from documents.report import build_report as build_report
from skm.index import IkmResult, Weighting
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, Lang

_ONE_SECOND = timedelta(seconds=1)


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def to_json(report: Report) -> dict[str, Any]:
    """Machine-readable report; numbers keep full precision."""
    pooled = report.overall.pooled
    return {
        "period": None
        if report.period is None
        else {
            "label": report.period.label,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
        },
        "office": report.office,
        "weight": report.weighting.value,
        "units": [
            {
                "unit": u.code,
                "respondents": u.result.respondents,
                "nrr": {c: _float(u.result.nrr[c]) for c in ELEMENT_CODES},
                "index": _float(u.result.index),
                "ikm": _float(u.result.ikm),
                "grade": u.result.grade.letter if u.result.grade else None,
                "performance": u.result.grade.performance.id if u.result.grade else None,
            }
            for u in report.units
        ],
        "overall": {
            "respondents": report.overall.respondents,
            "ikm": _float(report.overall.ikm),
            "grade": report.overall.grade.letter if report.overall.grade else None,
            "performance": report.overall.grade.performance.id if report.overall.grade else None,
            "pooled_ikm": _float(pooled.ikm),
        },
        "profile": report.profile,
    }


Row = tuple[str, ...]  # a table row: its label, then its cells
LABEL_WIDTH = 44  # at least; a longer label (English element names) widens every table
CELL_WIDTH = 16


def _row(label: str, *cells: str) -> Row:
    return (label, *cells)


def _layout(lines: list[str | Row]) -> list[str]:
    """Rows laid out in aligned columns, one label width for the whole report; text as is."""
    width = max([LABEL_WIDTH - 2, *(len(line[0]) for line in lines if isinstance(line, tuple))])
    return [
        line
        if isinstance(line, str)
        else line[0].ljust(width + 2) + "".join(c.rjust(CELL_WIDTH) for c in line[1:])
        for line in lines
    ]


def render_unit(result: IkmResult, weighting: Weighting, lang: Lang) -> list[str | Row]:
    """The SKM table of one unit: nine NRRs, index, IKM, grade, respondents."""
    lines: list[str | Row] = [
        _row(
            t(lang, "report.col_element"), t(lang, "report.col_nrr"), t(lang, "report.col_weighted")
        )
    ]
    for element in ELEMENTS:
        nrr = result.nrr[element.code]
        cells = (
            ("-", "-")
            if nrr is None
            else (number(nrr, 2, lang), number(nrr * weighting.weight, 3, lang))
        )
        lines.append(_row(f"{element.code} {element.name(lang)}", *cells))
    if result.ikm is None or result.index is None or result.grade is None:
        lines.append(t(lang, "report.missing", elements=", ".join(result.missing)))
    else:
        lines += [
            _row(t(lang, "report.index"), "", number(result.index, 3, lang)),
            _row(t(lang, "report.ikm"), "", number(result.ikm, 2, lang)),
            _row(t(lang, "report.grade"), "", result.grade.letter),
            _row(t(lang, "report.performance"), "", result.grade.performance(lang)),
        ]
    lines.append(_row(t(lang, "report.respondents"), "", str(result.respondents)))
    return lines


def render_profile(profile: dict[str, dict[str, int]], total: int, lang: Lang) -> list[Row]:
    """Respondents per category, in the form's words and order, with their shares."""

    def share(n: int) -> str:
        return number(n * 100 / total if total else 0, 2, lang) + "%"

    rows: list[Row] = []
    for f in PROFILE_FIELDS:
        counts = profile.get(f.key, {})
        rows.append(
            _row(f.question(lang), t(lang, "report.col_count"), t(lang, "report.col_share"))
        )
        # Codes stored before a category was renamed are shown as they are, after the form's.
        codes = [*f.codes, *sorted(c for c in counts if c not in f.codes)]
        for code in codes:
            label = f.label(code)(lang) if code in f.codes else code
            rows.append(_row(f"  {label}", str(counts.get(code, 0)), share(counts.get(code, 0))))
        blank = total - sum(counts.values())
        if blank:
            rows.append(_row(f"  {t(lang, 'report.blank')}", str(blank), share(blank)))
    return rows


def unit_title(name: str, code: str) -> str:
    """A unit's name with its code, unless the name already says it ("Pelayanan SKCK")."""
    if re.search(rf"\b{re.escape(code)}\b", name, re.IGNORECASE):
        return name
    return f"{name} ({code})"


def render_text(report: Report, directory: Directory | None, lang: Lang = "id") -> str:
    """The report as text, for the command line."""

    def unit_name(code: str) -> str:
        return directory.unit_name(code, lang) if directory else code

    lines: list[str | Row] = [t(lang, "report.title")]
    if report.period:
        fmt = "%d-%m-%Y"
        last_day = report.period.end.astimezone(report.period.start.tzinfo)
        lines.append(
            t(
                lang,
                "report.period",
                label=report.period.label,
                start=report.period.start.strftime(fmt),
                end=(last_day - _ONE_SECOND).strftime(fmt),
            )
        )
    else:
        lines.append(t(lang, "report.all_time"))
    if report.office:
        office = directory.office_name(report.office) if directory else report.office
        lines.append(t(lang, "report.office", office=office))
    weight = "1/9" if report.weighting is Weighting.EXACT else number(Decimal("0.111"), 3, lang)
    lines.append(t(lang, "report.weight", weight=weight))
    if not report.units:
        lines += ["", t(lang, "report.no_data")]
        return "\n".join(_layout(lines))
    for unit in report.units:
        lines += ["", t(lang, "report.unit", name=unit_title(unit_name(unit.code), unit.code))]
        lines += render_unit(unit.result, report.weighting, lang)
    o = report.overall
    lines += ["", t(lang, "report.overall")]
    if o.ikm is not None and o.grade is not None:
        lines += [
            _row(t(lang, "report.overall_mean"), "", number(o.ikm, 2, lang)),
            _row(t(lang, "report.grade"), "", o.grade.letter),
            _row(t(lang, "report.performance"), "", o.grade.performance(lang)),
        ]
    if o.pooled.ikm is not None:
        lines.append(_row(t(lang, "report.overall_pooled"), "", number(o.pooled.ikm, 2, lang)))
    lines.append(_row(t(lang, "report.respondents"), "", str(o.respondents)))
    lines += ["", t(lang, "report.profile")]
    lines += render_profile(report.profile, o.respondents, lang)
    return "\n".join(_layout(lines))
