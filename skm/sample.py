"""Krejcie & Morgan (1970): how many respondents a unit needs for the people it served."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from skm.period import Period

CHI_SQUARE = Decimal("3.841")  # X² for one degree of freedom at 95 % confidence
PROPORTION = Decimal("0.5")
MARGIN = Decimal("0.05")
_MONTH_SECONDS = Decimal(30 * 24 * 3600)


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


@dataclass(frozen=True)
class SampleCheck:
    """Krejcie-Morgan for the period: the population it stands for and the sample it needs."""

    monthly: int
    months: Decimal
    population: int
    required: int
    respondents: int

    @property
    def enough(self) -> bool:
        return self.respondents >= self.required

    @property
    def shortfall(self) -> int:
        """How many more respondents the sample needs (0 when it is enough)."""
        return max(0, self.required - self.respondents)


def months_in(period: Period) -> Decimal:
    """How many months a period spans: whole months for calendar periods, else days / 30."""
    start, end = period.start, period.end
    midnight = (0, 0, 0, 0)
    if (
        start.day == end.day == 1
        and (start.hour, start.minute, start.second, start.microsecond) == midnight
        and (end.hour, end.minute, end.second, end.microsecond) == midnight
    ):
        return Decimal((end.year - start.year) * 12 + end.month - start.month)
    return Decimal(int((end - start).total_seconds())) / _MONTH_SECONDS


def sample_check(monthly: int | None, period: Period, respondents: int) -> SampleCheck | None:
    """The Krejcie-Morgan check when the unit's monthly volume is configured."""
    if monthly is None:
        return None
    months = months_in(period)
    population = max(1, int((monthly * months).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    return SampleCheck(monthly, months, population, krejcie_morgan(population), respondents)
