"""The bar chart of a unit's nine elements against the grade bands, as PNG bytes.

Drawn with Pillow rather than matplotlib: the same picture in a few milliseconds instead
of some 150, which kept `/ikm` waiting on its chart.
"""

from __future__ import annotations

import functools
import io
from decimal import Decimal
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from service.i18n import number, t
from skm.grade import GRADES, grade_for
from skm.index import IkmResult
from skm.questionnaire import ELEMENTS, Lang

WIDTH, HEIGHT = 900, 560
_SCALE_MIN, _SCALE_MAX = 25.0, 100.0
_BAND_COLOURS = {"A": (46, 125, 50), "B": (156, 204, 101), "C": (255, 179, 0), "D": (229, 57, 53)}
_SHADE = 0.12  # how much of a band's colour tints the background
# The plot area: element names on the left, the title above, the axis label below.
_LEFT, _RIGHT, _TOP, _BOTTOM = 250, WIDTH - 20, 50, HEIGHT - 50
_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu, shipped with it


@functools.cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(_FONTS / name), size)


def _x(value: float) -> float:
    """The pixel column of a value on the 25-100 scale."""
    return _LEFT + (value - _SCALE_MIN) / (_SCALE_MAX - _SCALE_MIN) * (_RIGHT - _LEFT)


def _tint(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    r, g, b = colour
    return tuple(round(255 - (255 - c) * _SHADE) for c in (r, g, b))  # type: ignore[return-value]


def _bands() -> list[tuple[str, float, float]]:
    """(letter, low, high) of each grade on the 25-100 scale."""
    out: list[tuple[str, float, float]] = []
    high = Decimal(int(_SCALE_MAX))
    for grade in GRADES:
        out.append((grade.letter, float(grade.lower_bound), float(high)))
        high = grade.lower_bound
    return out


def _dashed(draw: ImageDraw.ImageDraw, x: float, colour: tuple[int, int, int], dash: int) -> None:
    for y in range(_TOP, _BOTTOM, dash * 2):
        draw.line([(x, y), (x, min(y + dash, _BOTTOM))], fill=colour, width=1)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """The text, cut with an ellipsis to fit the width."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _two_lines(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    """The text on one line, or broken at a space into two, the second cut to fit."""
    if draw.textlength(text, font=font) <= width:
        return [text]
    words = text.split(" ")
    first = words[0]
    for n in range(1, len(words)):
        candidate = " ".join(words[: n + 1])
        if draw.textlength(candidate, font=font) > width:
            return [first, _fit(draw, " ".join(words[n:]), font, width)]
        first = candidate
    return [_fit(draw, text, font, width)]


def element_chart(result: IkmResult, title: str, lang: Lang) -> bytes:
    """Horizontal bars of NRR x 25 per element, U1 at the top, over shaded grade bands."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    for letter, low, high in _bands():
        colour = _BAND_COLOURS[letter]
        draw.rectangle([_x(low), _TOP, _x(high), _BOTTOM], fill=_tint(colour))
        _dashed(draw, _x(low), colour, 4)
        draw.text(((_x(low) + _x(high)) / 2, _TOP + 4), letter, fill=colour, font=_font(13, True),
                  anchor="mt")  # fmt: skip
    row = (_BOTTOM - _TOP - 24) / len(ELEMENTS)
    small = _font(11)
    for n, element in enumerate(ELEMENTS):
        middle = _TOP + 24 + row * (n + 0.5)
        lines = _two_lines(draw, f"{element.code} {element.name(lang)}", small, _LEFT - 16)
        for k, line in enumerate(lines):
            y = middle + (k - (len(lines) - 1) / 2) * 14
            draw.text((_LEFT - 8, y), line, fill="black", font=small, anchor="rm")
        nrr = result.nrr.get(element.code)
        value = float(nrr * 25) if nrr is not None else _SCALE_MIN
        bar = _BAND_COLOURS[grade_for(value).letter]
        draw.rectangle([_x(_SCALE_MIN), middle - row * 0.3, _x(value), middle + row * 0.3],
                       fill=bar)  # fmt: skip
        label = "-" if nrr is None else number(value, 2, lang)
        if value > 92:  # near the right edge the label goes inside the bar
            draw.text((_x(value) - 5, middle), label, fill="white", font=small, anchor="rm")
        else:
            draw.text((_x(value) + 5, middle), label, fill="black", font=small, anchor="lm")
    if result.ikm is not None:
        _dashed(draw, _x(float(result.ikm)), (0, 0, 0), 2)
    draw.rectangle([_LEFT, _TOP, _RIGHT, _BOTTOM], outline=(80, 80, 80))
    for tick in range(30, 101, 10):
        draw.line([(_x(tick), _BOTTOM), (_x(tick), _BOTTOM + 4)], fill="black")
        draw.text((_x(tick), _BOTTOM + 6), str(tick), fill="black", font=small, anchor="mt")
    axis = t(lang, "officer.chart_axis")
    draw.text(((_LEFT + _RIGHT) / 2, HEIGHT - 8), axis, fill="black", font=_font(12), anchor="mb")
    if result.ikm is not None and result.grade is not None:
        title += " — " + t(
            lang, "officer.chart_ikm", ikm=number(result.ikm, 2, lang), letter=result.grade.letter
        )
    heading = _font(15)
    draw.text((WIDTH / 2, 14), _fit(draw, title, heading, WIDTH - 20), fill="black", font=heading,
              anchor="mt")  # fmt: skip
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
