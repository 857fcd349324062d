"""BAB IV (priorities, change, suggestions) and BAB V (conclusions, follow-up plan, signature)."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm

from documents import words
from documents.docx_kit import heading, para, table
from documents.gather import LaporanData
from documents.results import DASH, grade_cells
from skm.numbers import number, signed
from skm.questionnaire import ELEMENTS
from storage.followups import FollowUp

_NAMES = {e.code: e.name for e in ELEMENTS}
_SIGNATURE_INDENT = Cm(8.5)  # the signature block sits on the right half of the page


def analysis(doc: Document, data: LaporanData) -> None:
    """BAB IV: the weakest elements, the change against the period before, the suggestions."""
    heading(doc, "BAB IV ANALISIS", 1)
    heading(doc, "4.1 Unsur Prioritas Perbaikan", 2)
    para(doc, "Unsur dengan nilai terendah pada setiap unit menjadi prioritas perbaikan.")
    rows = [
        [u.name, f"{p.code} {_NAMES[p.code]('id')}", number(p.nrr, 3), number(p.converted, 2)]
        for u in data.units
        for p in u.priorities
    ]
    table(
        doc,
        ["Unit pelayanan", "Unsur", "NRR", "Nilai konversi"],
        rows,
        widths=[4.5, 6.5, 2.0, 2.5],
    )
    heading(doc, "4.2 Perbandingan dengan Periode Sebelumnya", 2)
    para(
        doc,
        f"Periode sebelumnya: {words.period_words(data.before)} "
        f"({words.period_span(data.before)}).",
    )
    change_rows: list[list[str]] = []
    for u in data.units:
        now, before = u.figures.result, u.before
        delta = DASH
        if now.ikm is not None and before.ikm is not None:
            delta = signed(now.ikm - before.ikm, 2)
        change_rows.append(
            [
                u.name,
                number(before.respondents, 0),
                grade_cells(before)[0],
                grade_cells(now)[0],
                delta,
            ]
        )
    table(
        doc,
        ["Unit pelayanan", "Responden sebelumnya", "IKM sebelumnya", "IKM sekarang", "Perubahan"],
        change_rows,
        widths=[5.0, 2.8, 2.6, 2.6, 2.6],
    )
    heading(doc, "4.3 Saran dan Masukan Masyarakat", 2)
    para(doc, "Saran ditulis apa adanya, tanpa identitas pemberi saran.")
    for u in data.units:
        para(doc, f"{u.name} ({u.code})", bold=True)
        if not u.suggestions:
            para(doc, "Tidak ada saran pada periode ini.")
            continue
        if u.suggestions_total > len(u.suggestions):
            para(
                doc,
                f"{number(len(u.suggestions), 0)} saran terbaru dari "
                f"{number(u.suggestions_total, 0)}; seluruhnya ada pada berkas ekspor (/ekspor).",
            )
        for text in u.suggestions:
            para(doc, text, style="List Bullet")


def conclusion_sentence(name: str, ikm: str, letter: str, performance: str) -> str:
    """The report's own phrasing of a unit's result."""
    return (
        f"Nilai IKM {name} sebesar {ikm}, dengan mutu pelayanan {letter}, "
        f"kinerja unit pelayanan {performance}."
    )


def _conclusions(doc: Document, data: LaporanData) -> None:
    lines: list[str] = []
    for u in data.units:
        result = u.figures.result
        if result.ikm is None or result.grade is None:
            lines.append(f"Nilai IKM {u.name} tidak dapat dihitung pada periode ini.")
            continue
        ikm = number(result.ikm, 2)
        lines.append(
            conclusion_sentence(u.name, ikm, result.grade.letter, result.grade.performance("id"))
        )
    o = data.report.overall
    if o.ikm is not None and o.grade is not None and len(data.units) > 1:
        lines.append(
            conclusion_sentence(
                "seluruh unit pelayanan (rata-rata IKM unit)",
                number(o.ikm, 2),
                o.grade.letter,
                o.grade.performance("id"),
            )
        )
    for i, line in enumerate(lines, start=1):
        para(doc, f"{i}. {line}")


def _actions(actions: list[FollowUp]) -> list[list[str]]:
    """Cells of the actions (kegiatan, penanggung jawab, batas waktu, status); one empty row."""
    if not actions:
        return [["", "", "", ""]]
    return [
        [a.action, a.responsible, a.due.strftime("%d-%m-%Y"), words.RTL_STATUS[a.status]]
        for a in actions
    ]


def follow_up_rows(data: LaporanData) -> list[list[str]]:
    """The plan's rows: each weak element with its recorded actions, then any other actions."""
    rows: list[list[str]] = []
    for u in data.units:
        weak = {p.code for p in u.priorities}
        cells = [
            (
                f"{p.code} {_NAMES[p.code]('id')} ({number(p.converted, 2)})",
                [a for a in u.followups if a.element == p.code],
            )
            for p in u.priorities
        ]
        # Actions on elements that are not among this period's weakest still belong here.
        cells += [
            (f"{a.element} {_NAMES[a.element]('id')}", [a])
            for a in u.followups
            if a.element not in weak
        ]
        for element, actions in cells:
            for action in _actions(actions):
                rows.append([str(len(rows) + 1), u.name, element, *action])
    return rows


def _follow_up(doc: Document, data: LaporanData) -> None:
    para(doc, words.RTL_NOTE)
    table(
        doc,
        ["No", "Unit", "Unsur prioritas", "Kegiatan", "Penanggung jawab", "Batas waktu", "Status"],
        follow_up_rows(data),
        widths=[0.8, 2.8, 3.4, 3.6, 2.2, 1.8, 1.4],
    )


def _signature(doc: Document, data: LaporanData) -> None:
    head = data.head

    def filled(value: str | None, blank: str) -> str:
        return (value or "").strip() or blank

    lines = [
        f"{filled(head.city, words.BLANK_SHORT)}, {words.date_words(data.written)}",
        f"KEPALA {data.office_name.upper()}",
        "",
        "",
        "",
        filled(head.name, words.BLANK),
        f"{filled(head.rank, words.BLANK_SHORT)} NRP {filled(head.nrp, words.BLANK_SHORT)}",
    ]
    for line in lines:
        paragraph = para(doc, line, bold=line.startswith("KEPALA"))
        paragraph.paragraph_format.left_indent = _SIGNATURE_INDENT
        paragraph.paragraph_format.space_after = 0


def conclusions(doc: Document, data: LaporanData) -> None:
    """BAB V: conclusions per unit, the follow-up plan table and the signature block."""
    heading(doc, "BAB V KESIMPULAN DAN RENCANA TINDAK LANJUT", 1)
    heading(doc, "5.1 Kesimpulan", 2)
    _conclusions(doc, data)
    heading(doc, "5.2 Rencana Tindak Lanjut", 2)
    _follow_up(doc, data)
    para(doc, words.CLOSING)
    para(doc)
    _signature(doc, data)
