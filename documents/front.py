"""The cover, the contents, BAB I (introduction) and BAB II (method)."""

from __future__ import annotations

from decimal import Decimal

from docx.document import Document

from documents import words
from documents.docx_kit import heading, items, page_break, para, table
from documents.gather import LaporanData
from skm.grade import GRADES
from skm.index import Weighting
from skm.numbers import number
from skm.questionnaire import ELEMENTS, SCORES
from skm.sample import SampleCheck

_CENT = Decimal("0.01")  # a band ends a cent below the next one's lower bound


def cover(doc: Document, data: LaporanData) -> None:
    """The title page: title, office, period, place and year."""
    for _ in range(6):
        para(doc)
    para(doc, words.TITLE.upper(), bold=True, size=20, center=True)
    para(doc, "(SKM)", bold=True, size=14, center=True)
    para(doc)
    para(doc, data.office_name.upper(), bold=True, size=16, center=True)
    para(doc, words.period_words(data.period), size=13, center=True)
    para(doc, f"({words.period_span(data.period)})", size=11, center=True)
    for _ in range(10):
        para(doc)
    place = data.head.city or ""
    para(doc, f"{place} {data.written.year}".strip(), bold=True, size=12, center=True)
    page_break(doc)


def contents(doc: Document) -> None:
    """A short table of contents: the chapters by name (written out, no page fields)."""
    para(doc, "DAFTAR ISI", bold=True, size=13, center=True)
    para(doc)
    for number_, title in words.CHAPTERS:
        para(doc, f"{number_} {title}")
    page_break(doc)


def introduction(doc: Document) -> None:
    """BAB I: background, legal basis and aims."""
    heading(doc, "BAB I PENDAHULUAN", 1)
    heading(doc, "1.1 Latar Belakang", 2)
    para(doc, words.BACKGROUND)
    heading(doc, "1.2 Dasar Hukum", 2)
    items(doc, words.LEGAL_BASIS)
    heading(doc, "1.3 Maksud dan Tujuan", 2)
    items(doc, words.AIMS)
    page_break(doc)


def _grade_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    upper = "100,00"
    for grade in GRADES:
        low = number(grade.lower_bound, 2)
        rows.append(
            [
                words.NILAI_PERSEPSI[grade.letter],
                words.INDEX_INTERVALS[grade.letter],
                f"{low} – {upper}",
                grade.letter,
                grade.performance("id"),
            ]
        )
        upper = number(grade.lower_bound - _CENT, 2)
    return rows


def sample_note(sample: SampleCheck) -> str:
    """Beside a unit: whether its respondents reach the sample (Krejcie-Morgan, else 30)."""
    verdict = "memenuhi" if sample.enough else f"kurang {number(sample.shortfall, 0)} responden"
    if sample.by_volume:
        return verdict
    return f"volume tidak diisi, minimal {number(sample.required, 0)}: {verdict}"


def sample_tag(sample: SampleCheck | None) -> str:
    """Beside a grade whose sample is short: "sampel belum cukup (n=4 dari 306)", else ""."""
    if sample is None or sample.enough or sample.respondents == 0:
        return ""
    return (
        f"sampel belum cukup (n={number(sample.respondents, 0)} dari {number(sample.required, 0)})"
    )


def _sample_rows(data: LaporanData) -> tuple[list[list[str]], list[str]]:
    checks = [(u.code, u.name, u.sample) for u in data.units]
    checks += data.absent
    rows: list[list[str]] = []
    short: list[str] = []
    for code, name, check in checks:
        population = "–" if check.population is None else number(check.population, 0)
        rows.append(
            [
                name,
                population,
                number(check.required, 0),
                number(check.respondents, 0),
                sample_note(check),
            ]
        )
        if not check.enough:
            short.append(
                f"{name} ({code}): {number(check.respondents, 0)} responden dari "
                f"{number(check.required, 0)} yang diperlukan, kurang "
                f"{number(check.shortfall, 0)}."
            )
    return rows, short


def method(doc: Document, data: LaporanData) -> None:
    """BAB II: elements, scale, weight and formula, grade table, sample size, collection."""
    heading(doc, "BAB II METODE SURVEI", 1)
    heading(doc, "2.1 Unsur Pelayanan dan Skala Penilaian", 2)
    para(doc, words.METHOD_ELEMENTS)
    table(
        doc,
        ["Kode", "Unsur", *(f"Nilai {s}" for s in SCORES)],
        [[e.code, e.name("id"), *(e.label(s, "id") for s in SCORES)] for e in ELEMENTS],
        widths=[1.2, 4.0, 2.7, 2.7, 2.7, 2.7],
        size=8,
    )
    heading(doc, "2.2 Bobot dan Rumus", 2)
    weighting = data.report.weighting
    exact = weighting is Weighting.EXACT
    para(doc, words.WEIGHT_EXACT if exact else words.WEIGHT_REGULATION)
    shown = "1/9" if exact else number(weighting.weight, 3)
    items(doc, [line.format(weight=shown) for line in words.METHOD_FORMULA])
    heading(doc, "2.3 Nilai Persepsi, Interval, Mutu dan Kinerja", 2)
    table(
        doc,
        [
            "Nilai persepsi",
            "Nilai interval (NI)",
            "Nilai interval konversi (NIK)",
            "Mutu pelayanan",
            "Kinerja unit pelayanan",
        ],
        _grade_rows(),
    )
    heading(doc, "2.4 Jumlah Sampel (Krejcie dan Morgan)", 2)
    para(doc, words.METHOD_SAMPLE)
    rows, short = _sample_rows(data)
    table(
        doc,
        ["Unit pelayanan", "Populasi (N)", "Sampel minimum", "Responden", "Keterangan"],
        rows,
        widths=[5.0, 2.6, 2.6, 2.4, 3.4],
    )
    if short:
        para(
            doc,
            "Jumlah responden unit berikut belum mencapai sampel minimum; hasilnya tetap "
            "disajikan dan perlu dibaca dengan hati-hati:",
        )
        items(doc, short)
    else:
        para(doc, "Jumlah responden setiap unit telah memenuhi sampel.")
    heading(doc, "2.5 Waktu dan Cara Pengumpulan Data", 2)
    para(
        doc,
        f"Survei mencakup {words.period_words(data.period)} ({words.period_span(data.period)}). "
        + words.METHOD_COLLECTION,
    )
    page_break(doc)
