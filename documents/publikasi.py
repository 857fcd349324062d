"""The published result for citizens: an A4 poster of one unit's IKM, element scores and follow-up.

Black on white, so that it prints as well on a black-and-white printer as it shows on screen:
no meaning rests on colour (bars are read by their length and their printed value, the
follow-up's status is written out). Every string drawn is recorded on the poster, so tests
can read the figures without OCR.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from documents import words
from documents.drawing import wrap
from documents.gather import issuing_office
from documents.plain import plain
from documents.report import build_report
from skm.directory import Directory
from skm.followup import PUBLISHED
from skm.index import IkmResult, Weighting
from skm.numbers import number
from skm.period import Period
from skm.questionnaire import ELEMENTS
from storage import followups
from storage.database import Database
from storage.followups import FollowUp

WIDTH, HEIGHT, DPI = 2480, 3508, 300  # A4 portrait at 300 dpi
MARGIN = 170
BLACK, WHITE, GREY, LIGHT = (0, 0, 0), (255, 255, 255), (90, 90, 90), (225, 225, 225)
ACTIONS_SHOWN = 6
# DejaVu ships with matplotlib, so the poster looks the same on every machine.
_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
STATUS_MARK = {"selesai": "[✓] Selesai", "berjalan": "[»] Berjalan"}


@dataclass(frozen=True)
class PosterData:
    """What the poster shows: one unit, its office and period, its figures and its follow-up."""

    unit: str
    unit_name: str
    office_name: str
    period: Period
    result: IkmResult
    actions: list[FollowUp]


@dataclass
class Poster:
    """The drawn page and every string drawn on it, in order."""

    image: Image.Image
    texts: list[str] = field(default_factory=list)

    def png(self) -> bytes:
        """The page as PNG, 300 dpi."""
        out = io.BytesIO()
        self.image.save(out, format="PNG", dpi=(DPI, DPI), optimize=True)
        return out.getvalue()

    def pdf(self) -> bytes:
        """The page as a one-page A4 PDF."""
        out = io.BytesIO()
        self.image.save(out, format="PDF", resolution=float(DPI))
        return out.getvalue()


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        str(_FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size
    )


class _Page:
    """A white page and a pen that records what it writes."""

    def __init__(self) -> None:
        self.poster = Poster(Image.new("RGB", (WIDTH, HEIGHT), WHITE))
        self.draw = ImageDraw.Draw(self.poster.image)

    def text(
        self,
        xy: tuple[float, float],
        text: str,
        font: ImageFont.FreeTypeFont,
        fill: tuple[int, int, int] = BLACK,
        anchor: str = "la",
    ) -> None:
        self.draw.text(xy, text, font=font, fill=fill, anchor=anchor)
        self.poster.texts.append(text)

    def wrap(self, text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
        """Lines of at most `width` pixels, broken at spaces (a long word is cut)."""
        return wrap(self.draw, text, font, width)

    def centred(self, y: float, text: str, font: ImageFont.FreeTypeFont, gap: int = 20) -> float:
        """Wrapped lines centred across the page; returns the y below them."""
        for line in self.wrap(text, font, WIDTH - 2 * MARGIN):
            self.text((WIDTH / 2, y), line, font, anchor="ma")
            y += _line_height(font) + gap
        return y


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    box = font.getbbox("ÅgÝ")
    return int(box[3] - box[1])


def _header(page: _Page, data: PosterData) -> float:
    band = 300
    page.draw.rectangle((0, 0, WIDTH, band), fill=BLACK)
    page.text((WIDTH / 2, 70), "HASIL SURVEI KEPUASAN MASYARAKAT", _font(92, True), WHITE, "ma")
    page.text((WIDTH / 2, 195), "Indeks Kepuasan Masyarakat (IKM)", _font(60), WHITE, "ma")
    y = band + 90.0
    y = page.centred(y, data.unit_name, _font(120, True))
    y = page.centred(y, data.office_name, _font(72))
    period = f"{words.period_words(data.period)} ({words.period_span(data.period)})"
    return page.centred(y, period, _font(56))


def _score(page: _Page, data: PosterData, top: float) -> float:
    """The IKM in large type with its mutu and kinerja, inside a box."""
    result = data.result
    box = (MARGIN, top, WIDTH - MARGIN, top + 650)
    page.draw.rounded_rectangle(box, radius=40, outline=BLACK, width=10)
    middle = WIDTH * 0.45
    page.text((MARGIN + 90, top + 70), "Nilai IKM", _font(70, True))
    ikm = number(result.ikm, 2) if result.ikm is not None else "-"
    page.text((MARGIN + 70, top + 165), ikm, _font(310, True))
    page.text(
        (MARGIN + 90, top + 530), f"dari {number(result.respondents, 0)} responden", _font(64)
    )
    page.draw.line((middle + 240, top + 60, middle + 240, top + 590), fill=BLACK, width=6)
    right = middle + 320
    grade = result.grade
    page.text((right, top + 70), "Mutu pelayanan", _font(70, True))
    page.text((right, top + 160), grade.letter if grade else "-", _font(260, True))
    page.text((right, top + 450), "Kinerja unit pelayanan", _font(56, True))
    page.text((right, top + 530), grade.performance("id") if grade else "-", _font(72))
    return top + 650 + 80


def _bars(page: _Page, data: PosterData, top: float) -> float:
    """The nine element scores (NRR × 25, 25-100) as bars, each with its name and value."""
    page.text((MARGIN, top), "Nilai per unsur pelayanan (skala 25–100)", _font(68, True))
    y = top + 120
    label_font, value_font = _font(44), _font(50, True)
    label_width = 860
    bar_left = MARGIN + label_width + 30
    value_width = 270
    bar_right = WIDTH - MARGIN - value_width
    row = 94
    for element in ELEMENTS:
        nrr = data.result.nrr.get(element.code)
        lines = page.wrap(f"{element.code} {element.name('id')}", label_font, label_width)
        label_y = y + (row - 10 - len(lines[:2]) * 48) / 2
        for line in lines[:2]:
            page.text((MARGIN, label_y), line, label_font)
            label_y += 48
        page.draw.rectangle((bar_left, y + 12, bar_right, y + row - 18), outline=BLACK, width=3)
        if nrr is not None:
            share = float((nrr * 25 - 25) / 75)  # the scale starts at 25, the lowest grade
            length = (bar_right - bar_left) * max(0.0, min(1.0, share))
            page.draw.rectangle((bar_left, y + 12, bar_left + length, y + row - 18), fill=GREY)
            value = number(nrr * Decimal(25), 2)
        else:
            value = "-"
        page.text((WIDTH - MARGIN, y + (row - 10) / 2), value, value_font, anchor="rm")
        y += row
    # The scale under the bars: where 25, 50, 75 and 100 lie.
    for mark in (25, 50, 75, 100):
        x = bar_left + (bar_right - bar_left) * (mark - 25) / 75
        page.draw.line((x, y - 10, x, y + 10), fill=BLACK, width=3)
        page.text((x, y + 18), str(mark), _font(38), anchor="ma")
    return y + 100


def _actions(page: _Page, data: PosterData, top: float) -> float:
    """ "Tindak lanjut kami": the actions done or under way, their status written out."""
    page.draw.line((MARGIN, top, WIDTH - MARGIN, top), fill=BLACK, width=6)
    y = top + 45
    page.text((MARGIN, y), "Tindak lanjut kami", _font(80, True))
    y += 120
    font, bold = _font(50), _font(50, True)
    if not data.actions:
        page.text((MARGIN, y), "Tindak lanjut atas hasil survei ini sedang disusun.", font)
        return y + 90
    names = {e.code: e.name for e in ELEMENTS}
    bottom = HEIGHT - 360  # keeps "dan N lainnya" clear of the footer
    shown = 0
    for action in data.actions[:ACTIONS_SHOWN]:
        mark = STATUS_MARK[action.status]
        text = f"{names[action.element]('id')}: {plain(action.action)}"
        lines = page.wrap(text, font, WIDTH - 2 * MARGIN - 470 - 60)  # room for " …"
        if len(lines) > 2:  # two lines an action; the whole text is in /tindaklanjut
            lines = [lines[0], lines[1].rstrip(".,;:") + " …"]
        if y + len(lines) * 66 > bottom:
            break
        page.text((MARGIN, y), mark, bold)
        for line in lines:
            page.text((MARGIN + 470, y), line, font)
            y += 66
        y += 24
        shown += 1
    rest = len(data.actions) - shown
    if rest > 0:
        page.text((MARGIN, y), f"dan {number(rest, 0)} tindak lanjut lainnya.", font, GREY)
        y += 80
    return y


def _footer(page: _Page) -> None:
    top = HEIGHT - 250
    page.draw.rectangle((0, top, WIDTH, HEIGHT), fill=LIGHT)
    page.text(
        (WIDTH / 2, top + 50),
        "Terima kasih atas penilaian Anda. Isi survei: pindai kode QR di loket pelayanan.",
        _font(50, True),
        anchor="ma",
    )
    page.text(
        (WIDTH / 2, top + 140),
        "Dihitung menurut PermenPANRB Nomor 14 Tahun 2017 (skala 25–100).",
        _font(44),
        anchor="ma",
    )


def draw_poster(data: PosterData) -> Poster:
    """The poster, drawn (CPU only: run it off the event loop)."""
    page = _Page()
    y = _header(page, data)
    y = _score(page, data, y + 40)
    y = _bars(page, data, y)
    _actions(page, data, y)
    _footer(page)
    return page.poster


def office_label(directory: Directory, unit: str, office: str | None) -> str:
    """The office the poster names: the one asked for, the unit's only one, or the issuer."""
    if office is not None:
        return directory.office_name(office)
    serving = directory.offices_serving(unit)
    if len(serving) == 1:
        return serving[0].name
    signer = issuing_office(directory, None)
    return directory.office_name(signer) if signer else ""


async def gather_poster(
    db: Database,
    directory: Directory,
    weighting: Weighting,
    period: Period,
    unit: str,
    office: str | None,
) -> PosterData | None:
    """The poster's data; None when nobody responded for the unit in the period (no poster)."""
    report = await build_report(db, weighting, period, [unit], office)
    figures = next((u for u in report.units if u.code == unit), None)
    if figures is None or not figures.result.respondents:
        return None
    actions = await followups.for_units(db, [unit], office, statuses=PUBLISHED)
    return PosterData(
        unit,
        directory.unit_name(unit),
        office_label(directory, unit, office),
        period,
        figures.result,
        actions,
    )
