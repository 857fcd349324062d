"""The few python-docx moves the report makes: A4 pages, headings, plain runs, tables, images."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from documents.plain import plain

FONT = "Arial"
_FIGURE = re.compile(r"^[+\-–]?[\d.,]+%?( \([\d.,]+%\))?$|^–$")
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) less 3 cm left and 2 cm right margins


def new_document() -> Document:
    """An empty A4 document in the report's font."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.name = FONT
    return doc


# Every text goes in through a run's text: python-docx escapes it as XML character data,
# so a "<w:p>" or "=HYPERLINK(...)" a citizen typed stays what it is, never a field or a link.
def para(
    doc: Document,
    text: str = "",
    *,
    bold: bool = False,
    size: int | None = None,
    center: bool = False,
    style: str | None = None,
) -> Paragraph:
    """A paragraph of plain text."""
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(plain(text))
        run.bold = bold or None
        if size is not None:
            run.font.size = Pt(size)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def heading(doc: Document, text: str, level: int) -> Paragraph:
    """A heading (level 1 for a BAB, 2 for its parts)."""
    paragraph: Paragraph = doc.add_heading(plain(text), level=level)
    return paragraph


def items(doc: Document, lines: Sequence[str]) -> None:
    """A numbered list (a., b., c. ...) written as text, so Word's numbering cannot drift."""
    for i, line in enumerate(lines):
        paragraph = para(doc, f"{chr(ord('a') + i % 26)}. {line}")
        paragraph.paragraph_format.left_indent = Cm(0.6)
        paragraph.paragraph_format.first_line_indent = Cm(-0.6)


def page_break(doc: Document) -> None:
    """Start the next part on a new page."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def table(
    doc: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float] | None = None,
    size: int = 9,
) -> Table:
    """A bordered table with a bold header; figures align right, words left."""
    grid: Table = doc.add_table(rows=1 + len(rows), cols=len(header))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate([header, *rows]):
        cells = grid.rows[r].cells
        for c, value in enumerate(values):
            paragraph = cells[c].paragraphs[0]
            run = paragraph.add_run(plain(value))
            run.font.size = Pt(size)
            run.bold = r == 0 or None
            if r == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif _FIGURE.match(value):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Word reads the cells' widths, LibreOffice the grid's: set both, and no autofit.
    grid.autofit = False
    shares = widths or [TEXT_WIDTH_CM / len(header)] * len(header)
    for column, width in zip(grid.columns, shares, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    doc.add_paragraph()
    return grid


def picture(doc: Document, png: bytes, width_cm: float = 14.0) -> None:
    """A chart, centred."""
    doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def caption(doc: Document, text: str) -> Paragraph:
    """A small centred line under a table or chart."""
    return para(doc, text, size=9, center=True)
