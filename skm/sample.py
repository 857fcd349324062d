"""Krejcie & Morgan (1970): how many respondents a unit needs for the people it served."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from skm.directory import Directory
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


# Without a known volume the check asks for at least this many respondents.
MIN_WITHOUT_VOLUME = 30


@dataclass(frozen=True)
class SampleCheck:
    """Whether a figure's respondents are enough: Krejcie-Morgan for the people served in the
    period when every office counted has a monthly volume, else at least 30 respondents.
    """

    respondents: int
    required: int
    # The offices counted (their respondents are in the figure) and their monthly volumes.
    volumes: Mapping[str, int | None]
    months: Decimal | None = None
    population: int | None = None

    @property
    def monthly(self) -> int | None:
        """People served a month at the offices counted; None unless every one is known."""
        if not self.volumes or self.unset:
            return None
        return sum(v for v in self.volumes.values() if v is not None)

    @property
    def unset(self) -> tuple[str, ...]:
        """The offices counted whose volume is not set (the check then asks for 30)."""
        return tuple(code for code, v in self.volumes.items() if v is None)

    @property
    def by_volume(self) -> bool:
        """Whether the required sample comes from Krejcie-Morgan (not the floor of 30)."""
        return self.population is not None

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


def sample_check(
    volumes: Mapping[str, int | None], period: Period | None, respondents: int
) -> SampleCheck:
    """The check for respondents counted from offices with these monthly volumes.

    The volumes of every office counted are added up; one office without a volume (or no
    period to scale them by) leaves the population unknown, and the check asks for 30.
    """
    known = dict(volumes)
    if not known or any(v is None for v in known.values()) or period is None:
        return SampleCheck(respondents, MIN_WITHOUT_VOLUME, known)
    monthly = sum(v for v in known.values() if v is not None)
    months = months_in(period)
    population = max(1, int((monthly * months).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    return SampleCheck(respondents, krejcie_morgan(population), known, months, population)


def unit_sample(
    directory: Directory,
    unit: str,
    office: str | None,
    period: Period | None,
    per_office: Mapping[str, int],
) -> SampleCheck:
    """The check of one unit (at one office, or all) from its respondents per office."""
    volumes = directory.volumes(unit, office, per_office)
    return sample_check(volumes, period, sum(per_office.values()))


def combined_sample(checks: Mapping[str, SampleCheck], period: Period | None) -> SampleCheck:
    """The check of several units' figure together: every unit's offices and respondents."""
    volumes = {
        f"{unit}/{office}": v for unit, c in checks.items() for office, v in c.volumes.items()
    }
    return sample_check(volumes, period, sum(c.respondents for c in checks.values()))
