"""BAB III: respondents, each unit's SKM table, offices, all units, profile, answers, bivariate."""

from __future__ import annotations

from decimal import Decimal

from docx.document import Document

from documents import charts
from documents.docx_kit import TEXT_WIDTH_CM, caption, heading, page_break, para, picture, table
from documents.front import sample_note, sample_tag
from documents.gather import LaporanData, UnitSection
from skm.analysis import answer_shares
from skm.disclosure import too_few
from skm.index import IkmResult
from skm.interval import Interval
from skm.numbers import number
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, SCORES

DASH = "–"


def maybe(value: Decimal | float | None, digits: int) -> str:
    """A figure, or a dash when it cannot be computed."""
    return DASH if value is None else number(value, digits)


def percent(part: int, whole: int) -> str:
    """A share as Indonesian readers write it: 45,45%."""
    return number(part * 100 / whole if whole else 0, 2) + "%"


TOO_FEW = "terlalu sedikit responden untuk ditampilkan"


def interval_line(ci: Interval | None) -> str:
    """The IKM's 95% interval and the grades it spans, beside the official figure."""
    if ci is None:
        return "Rentang keyakinan 95%: belum dapat dihitung (kurang dari 2 responden)."
    letters = [g.letter for g in ci.grades]
    grades = letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " atau " + letters[-1]
    return (
        f"Rentang keyakinan 95% dari nilai indeks tiap responden: {number(ci.low, 2)} – "
        f"{number(ci.high, 2)} (mutu {grades})."
    )


def shown_cells(result: IkmResult) -> list[str]:
    """A breakdown's IKM, mutu and kinerja, withheld below three respondents."""
    if too_few(result.respondents):
        return [TOO_FEW, DASH, DASH]
    return grade_cells(result)


def grade_cells(result: IkmResult) -> list[str]:
    """IKM, mutu and kinerja of a result, dashes when it has no IKM."""
    if result.ikm is None or result.grade is None:
        return [DASH, DASH, DASH]
    return [number(result.ikm, 2), result.grade.letter, result.grade.performance("id")]


def formula_line(result: IkmResult) -> str:
    """Nilai IKM setelah dikonversi = Nilai Indeks × Nilai Dasar = 3,2911 × 25 = 82,29."""
    assert result.index is not None and result.ikm is not None
    return (
        "Nilai IKM setelah dikonversi = Nilai Indeks × Nilai Dasar = "
        f"{number(result.index, 4)} × 25 = {number(result.ikm, 2)}"
    )


def _unit_table(doc: Document, unit: UnitSection, weight: Decimal) -> None:
    result, totals = unit.figures.result, unit.figures.totals
    rows: list[list[str]] = []
    for i, element in enumerate(ELEMENTS, start=1):
        nrr = result.nrr[element.code]
        rows.append(
            [
                str(i),
                f"{element.code} {element.name('id')}",
                number(totals.sums.get(element.code, 0), 0),
                number(totals.counts.get(element.code, 0), 0),
                maybe(nrr, 3),
                DASH if nrr is None else number(nrr * weight, 4),
            ]
        )
    rows.append(["", "Nilai Indeks (jumlah NRR tertimbang)", "", "", "", maybe(result.index, 4)])
    table(
        doc,
        ["No", "Unsur pelayanan", "Jumlah nilai", "Terisi", "NRR", "NRR tertimbang"],
        rows,
        widths=[1.0, 6.6, 2.2, 1.8, 2.0, 2.4],
    )


def _unit(doc: Document, number_: str, unit: UnitSection, data: LaporanData) -> None:
    result = unit.figures.result
    heading(doc, f"{number_} {unit.name} ({unit.code})", 3)
    line = f"Jumlah responden: {number(result.respondents, 0)}"
    line += f"; sampel minimum {number(unit.sample.required, 0)} ({sample_note(unit.sample)})"
    para(doc, line + ".")
    _unit_table(doc, unit, data.report.weighting.weight)
    if result.ikm is None or result.grade is None:
        para(doc, "IKM tidak dapat dihitung: tidak ada jawaban untuk " + ", ".join(result.missing))
    else:
        para(doc, f"Nilai Indeks = {number(result.index or 0, 4)}")
        para(doc, formula_line(result), bold=True)
        tag = sample_tag(unit.sample)
        para(doc, f"Mutu pelayanan: {result.grade.letter}" + (f" — {tag}" if tag else ""))
        para(doc, f"Kinerja unit pelayanan: {result.grade.performance('id')}")
        para(doc, interval_line(result.interval))
    if unit.offices:
        para(doc, f"IKM {unit.name} per kantor:")
        table(
            doc,
            ["Kantor", "Responden", "IKM", "Mutu", "Kinerja"],
            [
                [data_office(data, code), number(r.respondents, 0), *shown_cells(r)]
                for code, r in unit.offices
            ],
            widths=[5.0, 2.4, 2.2, 1.8, 3.4],
        )


def data_office(data: LaporanData, code: str) -> str:
    """An office's name as the data's directory knows it."""
    return data.office_names.get(code, code)


def _all_units(doc: Document, data: LaporanData) -> None:
    o = data.report.overall
    rows = [
        [
            u.name,
            number(u.figures.result.respondents, 0),
            maybe(u.figures.result.index, 4),
            *grade_cells(u.figures.result),
        ]
        for u in data.units
    ]
    mean = [DASH, DASH, DASH]
    if o.ikm is not None and o.grade is not None:
        mean = [number(o.ikm, 2), o.grade.letter, o.grade.performance("id")]
    rows.append(["Rata-rata IKM unit", number(o.respondents, 0), DASH, *mean])
    rows.append(
        [
            "IKM gabungan seluruh responden",
            number(o.pooled.respondents, 0),
            maybe(o.pooled.index, 4),
            *grade_cells(o.pooled),
        ]
    )
    table(
        doc,
        ["Unit pelayanan", "Responden", "Indeks", "IKM", "Mutu", "Kinerja"],
        rows,
        widths=[5.0, 2.2, 1.8, 1.8, 1.4, 3.0],
    )
    if o.ikm is not None:
        tag = sample_tag(data.report.sample)
        line = "Rata-rata IKM unit: " + interval_line(o.interval)
        para(doc, line + (f" Mutu {o.grade.letter if o.grade else DASH}: {tag}." if tag else ""))
    para(
        doc,
        "Nilai seluruh unit adalah rata-rata IKM unit, sebagaimana laporan SKM yang "
        "dipublikasikan; di sampingnya IKM gabungan dihitung dari seluruh responden.",
    )
    scored = [u for u in data.units if u.figures.result.ikm is not None]
    if scored:
        png = charts.bars(
            [u.code for u in scored],
            [float(u.figures.result.ikm or 0) for u in scored],
            "IKM per unit pelayanan",
            digits=2,
        )
        picture(doc, png, 13)
        caption(doc, "Gambar: IKM per unit pelayanan")


def _profile(doc: Document, data: LaporanData) -> None:
    total = data.respondents
    for f in PROFILE_FIELDS:
        counts = data.report.profile.get(f.key, {})
        para(doc, f.question("id"), bold=True)
        labels = [f.label(code)("id") for code in f.codes]
        values = [counts.get(code, 0) for code in f.codes]
        rows = [
            [label, number(n, 0), percent(n, total)]
            for label, n in zip(labels, values, strict=True)
        ]
        blank = total - sum(counts.values())
        if blank:
            rows.append(["Tidak diisi", number(blank, 0), percent(blank, total)])
        rows.append(["Jumlah", number(total, 0), percent(total, total)])
        table(doc, ["Kategori", "Jumlah", "Persentase"], rows, widths=[6, 3, 3])
        picture(doc, charts.bars(labels, values, f"Responden menurut {f.question('id')}"), 11)
        caption(doc, f"Gambar: responden menurut {f.question('id').lower()}")


def _answers(doc: Document, data: LaporanData) -> None:
    shares = answer_shares(data.distribution)
    rows = []
    for e in ELEMENTS:
        counts = data.distribution.get(e.code, {})
        rows.append(
            [
                f"{e.code} {e.name('id')}",
                *(
                    f"{number(counts.get(s, 0), 0)} ({number(shares[e.code][s] * 100, 2)}%)"
                    for s in SCORES
                ),
            ]
        )
    table(
        doc,
        ["Unsur", *(f"Nilai {s}" for s in SCORES)],
        rows,
        widths=[5.2, 2.7, 2.7, 2.7, 2.7],
        size=8,
    )
    picture(doc, charts.answer_shares(shares, "Sebaran jawaban per unsur"), 14)
    caption(doc, "Gambar: sebaran jawaban per unsur (persen responden yang mengisi)")


def _bivariate(doc: Document, data: LaporanData) -> None:
    para(
        doc,
        "Korelasi Spearman antarunsur (1 = selalu bergerak bersama, 0 = tidak berhubungan), "
        "dihitung atas responden yang mengisi kedua unsur:",
    )
    matrix = data.correlation
    width = (TEXT_WIDTH_CM - 1.4) / len(ELEMENT_CODES)
    table(
        doc,
        ["", *ELEMENT_CODES],
        [[a, *(maybe(matrix[a][b], 2) for b in ELEMENT_CODES)] for a in ELEMENT_CODES],
        widths=[1.4, *([width] * len(ELEMENT_CODES))],
        size=8,
    )
    para(doc, "IKM menurut profil responden:")
    rows: list[list[str]] = []
    for f in PROFILE_FIELDS:
        groups = data.by_profile.get(f.key, {})
        for code in [*f.codes, *(c for c in groups if c not in f.codes)]:
            result = groups.get(code)
            if result is None:
                continue
            label = f.label(code)("id") if code in f.codes else "Tidak diisi"
            rows.append(
                [f.question("id"), label, number(result.respondents, 0), *shown_cells(result)]
            )
    table(
        doc,
        ["Profil", "Kategori", "Responden", "IKM", "Mutu", "Kinerja"],
        rows,
        widths=[3.2, 3.4, 2.6, 1.8, 1.4, 3.0],
    )


def results(doc: Document, data: LaporanData) -> None:
    """BAB III: the survey's results."""
    heading(doc, "BAB III HASIL SURVEI", 1)
    heading(doc, "3.1 Jumlah Responden", 2)
    table(
        doc,
        ["Unit pelayanan", "Responden", "Sampel"],
        [
            [u.name, number(u.figures.result.respondents, 0), sample_note(u.sample)]
            for u in data.units
        ]
        + [["Jumlah", number(data.respondents, 0), ""]],
        widths=[7, 3, 4],
    )
    if data.absent:
        names = ", ".join(name for _, name, _ in data.absent)
        para(doc, f"Unit tanpa responden pada periode ini: {names}.")
    heading(doc, "3.2 Indeks Kepuasan Masyarakat per Unit Pelayanan", 2)
    for i, unit in enumerate(data.units, start=1):
        _unit(doc, f"3.2.{i}", unit, data)
    heading(doc, "3.3 IKM Seluruh Unit Pelayanan", 2)
    _all_units(doc, data)
    heading(doc, "3.4 Profil Responden", 2)
    _profile(doc, data)
    heading(doc, "3.5 Sebaran Jawaban per Unsur", 2)
    _answers(doc, data)
    heading(doc, "3.6 Analisis Bivariat", 2)
    _bivariate(doc, data)
    page_break(doc)
