"""Krejcie & Morgan (1970): how many respondents a unit needs for the people it served."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CHI_SQUARE = Decimal("3.841")  # X² for one degree of freedom at 95 % confidence
PROPORTION = Decimal("0.5")
MARGIN = Decimal("0.05")


def krejcie_morgan(population: int) -> int:
    """The required sample for a population of N people served, rounded to the nearest whole."""
    if population < 1:
        raise ValueError("the population served must be at least 1")
    n = Decimal(population)
    pq = PROPORTION * (1 - PROPORTION)
    s = CHI_SQUARE * n * pq / (MARGIN**2 * (n - 1) + CHI_SQUARE * pq)
    return int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def sample_is_enough(respondents: int, population: int) -> bool:
    """Whether the respondents reach the Krejcie-Morgan sample for the population."""
    return respondents >= krejcie_morgan(population)
