"""The export workbook: raw responses, the SKM table, profile, distributions, correlations."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from decimal import Decimal
from typing import Any, cast

import pandas as pd
import xlsxwriter

from bot.cells import WORKBOOK_OPTIONS, write_cells
from bot.csvfile import export_fields
from service.directory import Directory
from service.i18n import t
from service.report import Report, build_report, channel_name
from skm.analysis import answer_shares, correlation_matrix, ikm_by_group
from skm.disclosure import too_few
from skm.index import IkmResult, Weighting
from skm.interval import Interval
from skm.period import Period
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, SCORES, Lang
from skm.records import CSV_COLUMNS, Response
from skm.sample import SampleCheck
from storage import followups, responses
from storage.database import Database
from storage.followups import FollowUp
from storage.responses import Filter, GroupBy

CHANNEL = "channel"  # the key of the channels' figures in ExportData.by_profile
SHEETS = ("raw", "units", "profile", "distribution", "correlation", "by_profile", "followup")
_DAY, _MOMENT = "%Y-%m-%d", "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class ExportData:
    """Everything the workbook shows, for one selection of units, office and period."""

    period: Period
    rows: list[Response]
    report: Report
    distribution: dict[str, dict[int, int]]
    by_profile: dict[str, dict[str, IkmResult]]
    followups: list[FollowUp] = field(default_factory=list)


async def gather(
    db: Database,
    units: list[str],
    office: str | None,
    period: Period,
    weighting: Weighting,
    directory: Directory | None = None,
) -> ExportData:
    """Read the selection: the rows themselves (an export needs them) and the aggregates."""
    where = Filter(start=period.start, end=period.end, units=units, office=office)
    report = await build_report(db, weighting, period, units, office, directory)
    by_profile: dict[str, dict[str, IkmResult]] = {}
    for f in PROFILE_FIELDS:
        field_totals = await responses.totals_by(db, cast(GroupBy, f.key), where)
        by_profile[f.key] = ikm_by_group(field_totals, weighting)
    # Where the respondents answered (Telegram, web, kiosk, import), beside their profile.
    by_profile[CHANNEL] = ikm_by_group(await responses.totals_by(db, "channel", where), weighting)
    return ExportData(
        period,
        await responses.fetch(db, where),
        report,
        await responses.distribution(db, where),
        by_profile,
        await followups.for_units(db, units, office),
    )


def _num(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _extra_columns(lang: Lang) -> list[str]:
    return [
        t(lang, "officer.xlsx_ci_low"),
        t(lang, "officer.xlsx_ci_high"),
        t(lang, "officer.xlsx_ci_grades"),
        t(lang, "officer.xlsx_sample"),
    ]


def _extra(ci: Interval | None, sample: SampleCheck | None, lang: Lang) -> list[Any]:
    """The 95% interval's ends, the grades it spans, and a short sample said so."""
    short = None
    if sample is not None and not sample.enough and sample.respondents:
        short = t(
            lang, "officer.sample_tag", respondents=sample.respondents, required=sample.required
        )
    if ci is None:
        return [None, None, None, short]
    return [ci.low, ci.high, "/".join(g.letter for g in ci.grades), short]


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
        *_extra_columns(lang),
    ]

    def row(code: str, name: str, result: IkmResult, sample: SampleCheck | None) -> list[Any]:
        grade = result.grade
        hidden = too_few(result.respondents)  # nine NRRs would show one citizen's answers
        return [
            code,
            name,
            result.respondents,
            *(None if hidden else _num(result.nrr.get(c)) for c in ELEMENT_CODES),
            _num(result.index),
            _num(result.ikm),
            grade.letter if grade else None,
            grade.performance(lang) if grade else None,
            *_extra(result.interval if grade else None, sample, lang),
        ]

    body = [
        row(u.code, directory.unit_name(u.code, lang), u.result, u.sample)
        for u in data.report.units
    ]
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
            *_extra(o.interval if o.grade else None, data.report.sample, lang),
        ]
    )
    body.append(row("", t(lang, "officer.xlsx_overall_pooled"), o.pooled, None))
    return pd.DataFrame(body, columns=columns)


def profile_frame(data: ExportData, lang: Lang) -> pd.DataFrame:
    """Respondents per category of each profile field, with shares."""
    total = data.report.overall.respondents
    few = t(lang, "officer.too_few")
    body: list[list[Any]] = []
    for f in PROFILE_FIELDS:
        counts = data.report.profile.get(f.key, {})
        for code in f.codes:
            n = counts.get(code, 0)
            if too_few(n):  # one or two respondents in a category could be told apart
                body.append([f.question(lang), code, f.label(code)(lang), few, None])
                continue
            body.append([f.question(lang), code, f.label(code)(lang), n, n / total if total else 0])
        blank = total - sum(counts.values())
        body.append(
            [
                f.question(lang),
                "",
                t(lang, "officer.xlsx_blank"),
                few if too_few(blank) else blank,
                None if too_few(blank) else (blank / total if total else 0),
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
    """The IKM of each profile category, and of each channel the respondents answered in."""
    body: list[list[Any]] = []
    channels = data.by_profile.get(CHANNEL, {})
    for f in PROFILE_FIELDS:
        groups = data.by_profile.get(f.key, {})
        for code in [*f.codes, *(c for c in groups if c not in f.codes)]:
            result = groups.get(code)
            if result is None:
                continue
            label = f.label(code)(lang) if code in f.codes else t(lang, "officer.xlsx_blank")
            grade = result.grade
            if too_few(result.respondents):  # their IKM would be one or two citizens' answers
                body.append([f.question(lang), code, label, t(lang, "officer.too_few"), None, None])
                continue
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
    for channel, result in channels.items():
        name = channel_name(channel, lang)
        if too_few(result.respondents):
            too = t(lang, "officer.too_few")
            body.append([t(lang, "report.channels"), channel, name, too, None, None])
            continue
        grade = result.grade
        row = [t(lang, "report.channels"), channel, name, result.respondents]
        body.append([*row, _num(result.ikm), grade.letter if grade else None])
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


Table = tuple[list[str], Iterable[list[Any]]]  # a sheet's header and its rows


def followup_table(data: ExportData, directory: Directory, tz: tzinfo, lang: Lang) -> Table:
    """The follow-up plan's actions, with who recorded and changed them (staff ids) and when."""
    keys = ("office", "element_name", "action", "responsible", "due", "status")
    header = [
        "#",
        t(lang, "officer.xlsx_code"),
        t(lang, "officer.xlsx_unit"),
        t(lang, f"followup.xlsx_{keys[0]}"),
        t(lang, "officer.xlsx_element"),
        *(t(lang, f"followup.xlsx_{key}") for key in keys[1:]),
        *(t(lang, f"followup.xlsx_{key}") for key in ("created_by", "created_at")),
        *(t(lang, f"followup.xlsx_{key}") for key in ("updated_by", "updated_at")),
    ]
    names = {e.code: e.name for e in ELEMENTS}
    rows = [
        [
            a.id,
            a.unit,
            directory.unit_name(a.unit, lang),
            directory.office_name(a.office) if a.office else t(lang, "officer.all_offices"),
            a.element,
            names[a.element](lang),
            a.action,  # officers' text: written as a string, never a formula (bot/cells.py)
            a.responsible,
            a.due.strftime(_DAY),
            t(lang, f"followup.status.{a.status}"),
            a.created_by,
            a.created_at.astimezone(tz).strftime(_MOMENT),
            a.updated_by,
            a.updated_at.astimezone(tz).strftime(_MOMENT),
        ]
        for a in data.followups
    ]
    return header, rows


def _table(frame: pd.DataFrame, with_index: bool = False) -> Table:
    """A frame as a header and rows of plain Python values, a missing one as None."""
    header = [*([str(frame.index.name or "")] if with_index else []), *map(str, frame.columns)]
    if with_index:
        frame = frame.reset_index()
    cells = frame.astype(object).to_numpy()
    cells[frame.isna().to_numpy()] = None
    rows: list[list[Any]] = cells.tolist()
    return header, rows


DATE_FORMAT = "dd-mm-yyyy"  # day first, as Indonesian readers write dates


def _raw(rows: Sequence[Response], tz: tzinfo) -> Table:
    """The responses in the CSV import format's columns (pseudonymous: no Telegram ids).

    Dated to the local day, not the second: with the profile beside it, the moment of an
    answer could point at the citizen the officer served then.
    """
    return list(CSV_COLUMNS), (
        [r.submitted_at.astimezone(tz).date(), *export_fields(r, tz)[1:]] for r in rows
    )


def _write(book: xlsxwriter.Workbook, name: str, table: Table, formats: dict[str, str]) -> None:
    """One sheet: a bold header, the rows, number formats by header text, readable widths."""
    header, rows = table
    sheet = book.add_worksheet(name)
    for column, title in enumerate(header):
        fmt = formats.get(title)
        number_format = book.add_format({"num_format": fmt}) if fmt else None
        # Wide enough for the title and for a formatted value (a date shows ### if cut).
        width = max(8, min(40, len(title) + 2), len(fmt or "") + 2)
        sheet.set_column(column, column, width, number_format)
    write_cells(sheet, 0, header, book.add_format({"bold": True}))
    for number, row in enumerate(rows, start=1):
        write_cells(sheet, number, row)


def workbook(data: ExportData, directory: Directory, tz: tzinfo, lang: Lang) -> bytes:
    """The XLSX file's bytes."""
    two, three, percent = "0.00", "0.000", "0.0%"
    correlation = correlation_frame(data)
    correlation.index.name = "Spearman"
    sheets: list[tuple[str, Table, dict[str, str]]] = [
        ("raw", _raw(data.rows, tz), {CSV_COLUMNS[0]: DATE_FORMAT}),
        (
            "units",
            _table(units_frame(data, directory, lang)),
            {
                **dict.fromkeys(ELEMENT_CODES, two),
                t(lang, "officer.xlsx_index"): three,
                "IKM": two,
                t(lang, "officer.xlsx_ci_low"): two,
                t(lang, "officer.xlsx_ci_high"): two,
            },
        ),
        ("profile", _table(profile_frame(data, lang)), {t(lang, "officer.xlsx_share"): percent}),
        (
            "distribution",
            _table(distribution_frame(data, lang)),
            {t(lang, "officer.xlsx_score_share", score=s): percent for s in SCORES},
        ),
        ("correlation", _table(correlation, with_index=True), dict.fromkeys(ELEMENT_CODES, three)),
        ("by_profile", _table(by_profile_frame(data, lang)), {"IKM": two}),
        ("followup", followup_table(data, directory, tz, lang), {}),
    ]
    out = io.BytesIO()
    # xlsxwriter writes rows straight out, and in constant_memory mode each row goes to a
    # temporary file as soon as it is written: several times faster and leaner than going
    # through pandas' to_excel and openpyxl for the raw sheet's thousands of rows.
    with xlsxwriter.Workbook(out, {"constant_memory": True, **WORKBOOK_OPTIONS}) as book:
        for key, table, formats in sheets:
            _write(book, t(lang, f"officer.xlsx_sheet_{key}"), table, formats)
    return out.getvalue()
