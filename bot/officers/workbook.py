"""The export workbook: raw responses, the SKM table, profile, distributions, correlations."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo
from decimal import Decimal
from typing import Any, cast

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.csvfile import write_csv
from bot.directory import Directory
from bot.i18n import t
from bot.report import Report, build_report
from skm.analysis import answer_shares, correlation_matrix, ikm_by_group
from skm.index import IkmResult, Weighting
from skm.period import Period
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, SCORES, Lang
from skm.records import Response
from storage import responses
from storage.database import Database
from storage.responses import Filter, GroupBy

SHEETS = ("raw", "units", "profile", "distribution", "correlation", "by_profile")
_ANSWER_COLUMNS = tuple(c.lower() for c in ELEMENT_CODES)


@dataclass(frozen=True)
class ExportData:
    """Everything the workbook shows, for one selection of units, office and period."""

    period: Period
    rows: list[Response]
    report: Report
    distribution: dict[str, dict[int, int]]
    by_profile: dict[str, dict[str, IkmResult]]


async def gather(
    db: Database,
    units: list[str],
    office: str | None,
    period: Period,
    weighting: Weighting,
) -> ExportData:
    """Read the selection: the rows themselves (an export needs them) and the aggregates."""
    where = Filter(start=period.start, end=period.end, units=units, office=office)
    report = await build_report(db, weighting, period, units, office)
    by_profile: dict[str, dict[str, IkmResult]] = {}
    for f in PROFILE_FIELDS:
        field_totals = await responses.totals_by(db, cast(GroupBy, f.key), where)
        by_profile[f.key] = ikm_by_group(field_totals, weighting)
    return ExportData(
        period,
        await responses.fetch(db, where),
        report,
        await responses.distribution(db, where),
        by_profile,
    )


def _num(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def raw_frame(rows: Sequence[Response], tz: tzinfo) -> pd.DataFrame:
    """The responses in the CSV import format's columns (pseudonymous: no Telegram ids)."""
    header, *lines = list(csv.reader(io.StringIO(write_csv(rows, tz))))
    frame = pd.DataFrame(lines, columns=header)
    for column in _ANSWER_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame


def units_frame(data: ExportData, directory: Directory, lang: Lang) -> pd.DataFrame:
    """The SKM table as reports lay it out: a row per unit, then all units."""
    columns = [
        t(lang, "officer.xlsx_code"),
        t(lang, "officer.xlsx_unit"),
        t(lang, "officer.xlsx_respondents"),
        *ELEMENT_CODES,
        t(lang, "officer.xlsx_index"),
        "IKM",
        t(lang, "officer.xlsx_grade"),
        t(lang, "officer.xlsx_performance"),
    ]

    def row(code: str, name: str, result: IkmResult) -> list[Any]:
        grade = result.grade
        return [
            code,
            name,
            result.respondents,
            *(_num(result.nrr.get(c)) for c in ELEMENT_CODES),
            _num(result.index),
            _num(result.ikm),
            grade.letter if grade else None,
            grade.performance(lang) if grade else None,
        ]

    body = [row(u.code, directory.unit_name(u.code, lang), u.result) for u in data.report.units]
    o = data.report.overall
    # The all-units row carries the mean of the unit IKMs; it has no NRRs or index of its own.
    body.append(
        [
            "",
            t(lang, "officer.xlsx_overall_mean"),
            o.respondents,
            *[None] * (len(ELEMENT_CODES) + 1),
            _num(o.ikm),
            o.grade.letter if o.grade else None,
            o.grade.performance(lang) if o.grade else None,
        ]
    )
    body.append(row("", t(lang, "officer.xlsx_overall_pooled"), o.pooled))
    return pd.DataFrame(body, columns=columns)


def profile_frame(data: ExportData, lang: Lang) -> pd.DataFrame:
    """Respondents per category of each profile field, with shares."""
    total = data.report.overall.respondents
    body: list[list[Any]] = []
    for f in PROFILE_FIELDS:
        counts = data.report.profile.get(f.key, {})
        for code in f.codes:
            n = counts.get(code, 0)
            body.append([f.question(lang), code, f.label(code)(lang), n, n / total if total else 0])
        blank = total - sum(counts.values())
        body.append(
            [
                f.question(lang),
                "",
                t(lang, "officer.xlsx_blank"),
                blank,
                blank / total if total else 0,
            ]
        )
    return pd.DataFrame(
        body,
        columns=[
            t(lang, "officer.xlsx_field"),
            t(lang, "officer.xlsx_code"),
            t(lang, "officer.xlsx_category"),
            t(lang, "officer.xlsx_respondents"),
            t(lang, "officer.xlsx_share"),
        ],
    )


def distribution_frame(data: ExportData, lang: Lang) -> pd.DataFrame:
    """How many gave each answer 1-4 to each element, and the shares."""
    shares = answer_shares(data.distribution)
    body = [
        [
            e.code,
            e.name(lang),
            *(data.distribution[e.code].get(s, 0) for s in SCORES),
            *(shares[e.code][s] for s in SCORES),
        ]
        for e in ELEMENTS
    ]
    columns = [
        t(lang, "officer.xlsx_code"),
        t(lang, "officer.xlsx_element"),
        *(t(lang, "officer.xlsx_score_n", score=s) for s in SCORES),
        *(t(lang, "officer.xlsx_score_share", score=s) for s in SCORES),
    ]
    return pd.DataFrame(body, columns=columns)


def correlation_frame(data: ExportData) -> pd.DataFrame:
    """Spearman's rho between every two elements, over respondents who answered both."""
    matrix = correlation_matrix([r.answers for r in data.rows])
    return pd.DataFrame(
        [[matrix[a][b] for b in ELEMENT_CODES] for a in ELEMENT_CODES],
        index=list(ELEMENT_CODES),
        columns=list(ELEMENT_CODES),
        dtype="float64",
    )


def by_profile_frame(data: ExportData, lang: Lang) -> pd.DataFrame:
    """The IKM of each profile category."""
    body: list[list[Any]] = []
    for f in PROFILE_FIELDS:
        groups = data.by_profile.get(f.key, {})
        for code in [*f.codes, *(c for c in groups if c not in f.codes)]:
            result = groups.get(code)
            if result is None:
                continue
            label = f.label(code)(lang) if code in f.codes else t(lang, "officer.xlsx_blank")
            grade = result.grade
            body.append(
                [
                    f.question(lang),
                    code,
                    label,
                    result.respondents,
                    _num(result.ikm),
                    grade.letter if grade else None,
                ]
            )
    return pd.DataFrame(
        body,
        columns=[
            t(lang, "officer.xlsx_field"),
            t(lang, "officer.xlsx_code"),
            t(lang, "officer.xlsx_category"),
            t(lang, "officer.xlsx_respondents"),
            "IKM",
            t(lang, "officer.xlsx_grade"),
        ],
    )


def _format(sheet: Worksheet, formats: dict[str, str]) -> None:
    """Number formats by header text, and columns wide enough for their header."""
    for column, cell in enumerate(sheet[1], start=1):
        width = max(8, min(40, len(str(cell.value or "")) + 2))
        sheet.column_dimensions[get_column_letter(column)].width = width
        fmt = formats.get(str(cell.value))
        if fmt:
            for (value_cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                value_cell.number_format = fmt


def workbook(data: ExportData, directory: Directory, tz: tzinfo, lang: Lang) -> bytes:
    """The XLSX file's bytes."""
    two, three, percent = "0.00", "0.000", "0.0%"
    sheets: list[tuple[str, pd.DataFrame, bool, dict[str, str]]] = [
        ("raw", raw_frame(data.rows, tz), False, {}),
        (
            "units",
            units_frame(data, directory, lang),
            False,
            {**dict.fromkeys(ELEMENT_CODES, two), t(lang, "officer.xlsx_index"): three, "IKM": two},
        ),
        ("profile", profile_frame(data, lang), False, {t(lang, "officer.xlsx_share"): percent}),
        (
            "distribution",
            distribution_frame(data, lang),
            False,
            {t(lang, "officer.xlsx_score_share", score=s): percent for s in SCORES},
        ),
        ("correlation", correlation_frame(data), True, dict.fromkeys(ELEMENT_CODES, three)),
        ("by_profile", by_profile_frame(data, lang), False, {"IKM": two}),
    ]
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for key, frame, with_index, formats in sheets:
            name = t(lang, f"officer.xlsx_sheet_{key}")
            frame.to_excel(writer, sheet_name=name, index=with_index, index_label="Spearman")
            _format(writer.sheets[name], formats)
    return out.getvalue()
