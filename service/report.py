"""The SKM report per unit and for all units as text or JSON (figures: documents/report.py)."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

from documents.report import Report as Report
from documents.report import UnitFigures as UnitFigures
from documents.report import build_report as build_report
from service.directory import Directory
from service.i18n import CATALOGUES, number, t
from skm.disclosure import too_few
from skm.index import IkmResult, Weighting
from skm.interval import Interval
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, Lang
from skm.sample import SampleCheck

_ONE_SECOND = timedelta(seconds=1)


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _interval(ci: Interval | None, prefix: str = "ci") -> dict[str, Any]:
    """The 95% interval's ends and the grades it spans (nulls below two respondents)."""
    return {
        f"{prefix}_low": ci.low if ci else None,
        f"{prefix}_high": ci.high if ci else None,
        f"{prefix}_grades": [g.letter for g in ci.grades] if ci else None,
    }


def _sample(check: SampleCheck | None) -> dict[str, Any] | None:
    """Whether the respondents are enough: Krejcie-Morgan for the volume, else 30."""
    if check is None:
        return None
    return {
        "respondents": check.respondents,
        "required": check.required,
        "enough": check.enough,
        "population": check.population,
        "offices_without_volume": list(check.unset),
    }


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
                # Withheld (null) below three respondents: one citizen's answers could show.
                "nrr": {
                    c: None if too_few(u.result.respondents) else _float(u.result.nrr[c])
                    for c in ELEMENT_CODES
                },
                "index": _float(u.result.index),
                "ikm": _float(u.result.ikm),
                "grade": u.result.grade.letter if u.result.grade else None,
                "performance": u.result.grade.performance.id if u.result.grade else None,
                **_interval(u.result.interval),
                "sample": _sample(u.sample),
            }
            for u in report.units
        ],
        "overall": {
            "respondents": report.overall.respondents,
            "ikm": _float(report.overall.ikm),
            "grade": report.overall.grade.letter if report.overall.grade else None,
            "performance": report.overall.grade.performance.id if report.overall.grade else None,
            "pooled_ikm": _float(pooled.ikm),
            **_interval(report.overall.interval),
            **_interval(pooled.interval, "pooled_ci"),
            "sample": _sample(report.sample),
        },
        "profile": report.profile,
        "channels": {
            channel: {
                "respondents": result.respondents,
                # Withheld below three respondents, as a unit's figures are.
                "ikm": None if too_few(result.respondents) else _float(result.ikm),
                "grade": None
                if too_few(result.respondents) or result.grade is None
                else result.grade.letter,
            }
            for channel, result in report.channels.items()
        },
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


def _interval_row(ci: Interval | None, lang: Lang) -> Row:
    if ci is None:
        return _row(t(lang, "report.interval"), "", "-")
    letters = "/".join(g.letter for g in ci.grades)
    span = f"{number(ci.low, 2, lang)}–{number(ci.high, 2, lang)}"
    return _row(t(lang, "report.interval"), letters, span)


def _short(check: SampleCheck | None, lang: Lang) -> list[str | Row]:
    if check is None or check.enough or check.respondents == 0:
        return []
    return [
        "  "
        + t(
            lang,
            "officer.sample_tag",
            respondents=number(check.respondents, 0, lang),
            required=number(check.required, 0, lang),
        )
    ]


def render_unit(
    result: IkmResult, weighting: Weighting, lang: Lang, sample: SampleCheck | None = None
) -> list[str | Row]:
    """The SKM table of one unit as text lines: nine NRRs, index, IKM, grade, respondents."""
    if too_few(result.respondents):  # the nine NRRs would show one citizen's answers
        return [
            "  " + t(lang, "officer.too_few"),
            _row(t(lang, "report.respondents"), "", str(result.respondents)),
        ]
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
            *_short(sample, lang),
            _row(t(lang, "report.performance"), "", result.grade.performance(lang)),
            _interval_row(result.interval, lang),
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
        lines += render_unit(unit.result, report.weighting, lang, unit.sample)
    o = report.overall
    lines += ["", t(lang, "report.overall")]
    if o.ikm is not None and o.grade is not None:
        lines += [
            _row(t(lang, "report.overall_mean"), "", number(o.ikm, 2, lang)),
            _row(t(lang, "report.grade"), "", o.grade.letter),
            *_short(report.sample, lang),
            _row(t(lang, "report.performance"), "", o.grade.performance(lang)),
            _interval_row(o.interval, lang),
        ]
    if o.pooled.ikm is not None:
        lines.append(_row(t(lang, "report.overall_pooled"), "", number(o.pooled.ikm, 2, lang)))
    lines.append(_row(t(lang, "report.respondents"), "", str(o.respondents)))
    if report.channels:
        lines += ["", t(lang, "report.channels")]
        lines.append(_row("", t(lang, "report.col_count"), t(lang, "report.ikm")))
        for channel, result in report.channels.items():
            shown = (
                result.ikm if result.ikm is not None and not too_few(result.respondents) else None
            )
            ikm = number(shown, 2, lang) if shown is not None else "-"
            lines.append(_row(channel_name(channel, lang), str(result.respondents), ikm))
    lines += ["", t(lang, "report.profile")]
    lines += render_profile(report.profile, o.respondents, lang)
    return "\n".join(_layout(lines))


def channel_name(channel: str, lang: Lang) -> str:
    """A channel as people call it: Telegram, Web (browser), Kiosk, Impor."""
    key = f"channel.{channel}"
    return t(lang, key) if key in CATALOGUES[lang] else channel
