"""The report's charts as PNG bytes: counts per category, IKM per unit, answers per element."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

# The Figure API with the Agg canvas: no pyplot, no global state, no display needed.
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from skm.numbers import number
from skm.questionnaire import ELEMENT_CODES, SCORES

DPI = 150
# Greys and one blue read well printed in black and white too.
_SCORE_COLOURS = {1: "#c62828", 2: "#ef9a9a", 3: "#90caf9", 4: "#1565c0"}


def _png(figure: Figure) -> bytes:
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def bars(labels: Sequence[str], values: Sequence[float], title: str, digits: int = 0) -> bytes:
    """Horizontal bars, first label on top, each with its value written beside it."""
    height = 1.2 + 0.38 * max(1, len(labels))
    figure = Figure(figsize=(6.4, height))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color="#1565c0", height=0.6)
    top = max(values, default=0) or 1
    for y, value in zip(positions, values, strict=True):
        ax.text(value + top * 0.01, y, number(value, digits), va="center", fontsize=8)
    ax.set_yticks(positions, list(labels), fontsize=8)
    ax.set_xlim(0, top * 1.15)
    ax.set_title(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def answer_shares(shares: Mapping[str, Mapping[int, float]], title: str) -> bytes:
    """One stacked bar per element: the share of each answer 1-4, U1 on top."""
    figure = Figure(figsize=(6.4, 4.2))
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    positions = list(range(len(ELEMENT_CODES)))[::-1]
    left = [0.0] * len(ELEMENT_CODES)
    for score in SCORES:
        widths = [shares[c][score] * 100 for c in ELEMENT_CODES]
        ax.barh(
            positions,
            widths,
            left=left,
            color=_SCORE_COLOURS[score],
            height=0.6,
            label=f"Nilai {score}",
            edgecolor="white",
            linewidth=0.5,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(positions, list(ELEMENT_CODES), fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% responden yang mengisi unsur", fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.legend(ncols=4, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.15))
    return _png(figure)
