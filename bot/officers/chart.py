"""The bar chart of a unit's nine elements against the grade bands, as PNG bytes."""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

# The Figure API with the Agg canvas: no pyplot, no global state, no display needed.
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.i18n import number, t
from skm.grade import GRADES, grade_for
from skm.index import IkmResult
from skm.questionnaire import ELEMENTS, Lang

WIDTH, HEIGHT, DPI = 9.0, 5.6, 100  # 900 x 560 pixels
_SCALE_MIN, _SCALE_MAX = Decimal(25), Decimal(100)
_BAND_COLOURS = {"A": "#2e7d32", "B": "#9ccc65", "C": "#ffb300", "D": "#e53935"}


def _bands() -> list[tuple[str, float, float]]:
    """(letter, low, high) of each grade on the 25-100 scale."""
    out: list[tuple[str, float, float]] = []
    high = _SCALE_MAX
    for grade in GRADES:
        out.append((grade.letter, float(grade.lower_bound), float(high)))
        high = grade.lower_bound
    return out


def element_chart(result: IkmResult, title: str, lang: Lang) -> bytes:
    """Horizontal bars of NRR x 25 per element, U1 at the top, over shaded grade bands."""
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    for letter, low, high in _bands():
        ax.axvspan(low, high, color=_BAND_COLOURS[letter], alpha=0.12, linewidth=0)
        ax.axvline(low, color=_BAND_COLOURS[letter], linewidth=0.8, linestyle="--")
        ax.text(
            (low + high) / 2,
            len(ELEMENTS) - 0.35,
            letter,
            ha="center",
            va="bottom",
            fontsize=10,
            fontweight="bold",
            color=_BAND_COLOURS[letter],
        )
    labels = [f"{e.code} " + "\n".join(textwrap.wrap(e.name(lang), 26)) for e in ELEMENTS]
    values: list[float] = []
    for element in ELEMENTS:
        nrr = result.nrr.get(element.code)
        values.append(float(nrr * 25) if nrr is not None else float(_SCALE_MIN))
    positions = list(range(len(ELEMENTS)))[::-1]
    colours = [_BAND_COLOURS[grade_for(v).letter] for v in values]
    ax.barh(
        positions,
        [v - float(_SCALE_MIN) for v in values],
        left=float(_SCALE_MIN),
        color=colours,
        height=0.6,
    )
    for y, element, value in zip(positions, ELEMENTS, values, strict=True):
        missing = result.nrr.get(element.code) is None
        label = "-" if missing else number(value, 2, lang)
        inside = value > 92  # near the right edge the label goes inside the bar
        x = value - 0.6 if inside else value + 0.6
        ax.text(
            x,
            y,
            label,
            va="center",
            ha="right" if inside else "left",
            fontsize=8,
            color="white" if inside else "black",
        )
    if result.ikm is not None:
        ax.axvline(float(result.ikm), color="black", linewidth=1, linestyle=":")
    ax.set_yticks(positions, labels, fontsize=8)
    ax.set_xlim(float(_SCALE_MIN), float(_SCALE_MAX))
    ax.set_ylim(-0.6, len(ELEMENTS) + 0.2)
    ax.set_xlabel(t(lang, "officer.chart_axis"), fontsize=9)
    if result.ikm is not None and result.grade is not None:
        title += " — " + t(
            lang, "officer.chart_ikm", ikm=number(result.ikm, 2, lang), letter=result.grade.letter
        )
    ax.set_title(title, fontsize=11)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
