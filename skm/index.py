"""The Indeks Kepuasan Masyarakat: NRR per element, weighted index, IKM and grade."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from skm.grade import Grade, grade_for
from skm.interval import (
    NO_MOMENTS,
    IndexMoments,
    Interval,
    interval,
    mean_of_means_interval,
    moments_of,
)
from skm.questionnaire import ELEMENT_CODES, SCORES

Answers = Mapping[str, int | None]


class Weighting(Enum):
    """The weight N of each element: the regulation's printed 0,111 or exact 1/9."""

    REGULATION = "0.111"
    EXACT = "1/9"

    @property
    def weight(self) -> Decimal:
        if self is Weighting.EXACT:
            return Decimal(1) / Decimal(len(ELEMENT_CODES))
        return Decimal("0.111")

    def weigh(self, nrr_sum: Decimal) -> Decimal:
        """The index from the sum of the NRRs (every element has the same weight)."""
        # Dividing by 9 keeps exact 1/9 exact: 28-digit 0.111...1 times 36 is not 4.
        if self is Weighting.EXACT:
            return nrr_sum / len(ELEMENT_CODES)
        return nrr_sum * self.weight

    @property
    def factor(self) -> float:
        """Nine times the weight: what a respondent's mean answer is multiplied by (0.999 or 1)."""
        return float(self.weight * len(ELEMENT_CODES)) if self is Weighting.REGULATION else 1.0


@dataclass(frozen=True)
class ElementTotals:
    """Sums and counts of the answers given to each element, over some respondents."""

    respondents: int
    sums: Mapping[str, int] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    # The sums behind the 95% interval: each respondent's own index (skm/interval.py).
    moments: IndexMoments = NO_MOMENTS

    def __add__(self, other: ElementTotals) -> ElementTotals:
        return ElementTotals(
            self.respondents + other.respondents,
            {c: self.sums.get(c, 0) + other.sums.get(c, 0) for c in ELEMENT_CODES},
            {c: self.counts.get(c, 0) + other.counts.get(c, 0) for c in ELEMENT_CODES},
            self.moments + other.moments,
        )


EMPTY = ElementTotals(0)


@dataclass(frozen=True)
class IkmResult:
    """The SKM table of one unit: NRR per element, the index (1-4), the IKM (25-100)."""

    respondents: int
    nrr: Mapping[str, Decimal | None]
    index: Decimal | None
    ikm: Decimal | None
    grade: Grade | None
    moments: IndexMoments = NO_MOMENTS
    # The 95% interval of the IKM; None below two respondents or without an IKM.
    interval: Interval | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        """Elements nobody answered; the index cannot be computed without them."""
        return tuple(c for c, v in self.nrr.items() if v is None)


def validate_answers(answers: Answers) -> None:
    """Raise ValueError unless every answer is an element code with a score 1-4 or None."""
    for code, score in answers.items():
        if code not in ELEMENT_CODES:
            raise ValueError(f"{code!r} is not an element code")
        if score is not None and score not in SCORES:
            raise ValueError(f"{code}: {score!r} is not a score 1-4")


def totals_of(answers: Iterable[Answers]) -> ElementTotals:
    """Sum and count the answers of many respondents; blanks count in neither."""
    sums = dict.fromkeys(ELEMENT_CODES, 0)
    counts = dict.fromkeys(ELEMENT_CODES, 0)
    respondents = 0
    given: list[list[int]] = []
    for one in answers:
        validate_answers(one)
        respondents += 1
        scores = [s for s in one.values() if s is not None]
        given.append(scores)
        for code, score in one.items():
            if score is not None:
                sums[code] += score
                counts[code] += 1
    return ElementTotals(respondents, sums, counts, moments_of(given))


def ikm_from_totals(
    totals: ElementTotals, weighting: Weighting = Weighting.REGULATION
) -> IkmResult:
    """The SKM figures from element sums and counts."""
    nrr: dict[str, Decimal | None] = {}
    for code in ELEMENT_CODES:
        count = totals.counts.get(code, 0)
        nrr[code] = Decimal(totals.sums.get(code, 0)) / count if count else None
    present = [v for v in nrr.values() if v is not None]
    moments = totals.moments
    if len(present) < len(ELEMENT_CODES):
        return IkmResult(totals.respondents, nrr, None, None, None, moments)
    index = weighting.weigh(sum(present, Decimal(0)))
    ikm = index * 25
    spread = interval(moments, weighting.factor)
    return IkmResult(totals.respondents, nrr, index, ikm, grade_for(ikm), moments, spread)


def compute_ikm(
    answers: Iterable[Answers], weighting: Weighting = Weighting.REGULATION
) -> IkmResult:
    """The SKM figures of the given respondents' answers."""
    return ikm_from_totals(totals_of(answers), weighting)


@dataclass(frozen=True)
class OverallResult:
    """Several units together: the mean of unit IKMs, as reports give it, and the pooled IKM."""

    respondents: int
    ikm: Decimal | None
    grade: Grade | None
    pooled: IkmResult
    # The 95% interval of the mean of unit IKMs (None when a unit's spread is unknown).
    interval: Interval | None = None


def overall(
    units: Sequence[ElementTotals], weighting: Weighting = Weighting.REGULATION
) -> OverallResult:
    """The all-units figure: mean of the units' IKMs beside the pooled IKM."""
    pooled_totals = sum(units, EMPTY)
    pooled = ikm_from_totals(pooled_totals, weighting)
    results = [ikm_from_totals(u, weighting) for u in units]
    known = [r for r in results if r.ikm is not None]
    if not known:
        return OverallResult(pooled_totals.respondents, None, None, pooled)
    mean = sum((r.ikm for r in known if r.ikm is not None), Decimal(0)) / len(known)
    spread = mean_of_means_interval([r.moments for r in known], weighting.factor)
    return OverallResult(pooled_totals.respondents, mean, grade_for(mean), pooled, spread)
