"""How sure a figure is: the 95% interval of the IKM from the respondents' own index values.

Each respondent's own index is the official formula applied to their answers alone: the
weight times the sum of the elements they answered, scaled up to nine elements (so that,
with equal weights, it is the mean of their answers), times 25. With nobody leaving an
element blank the mean of these values is exactly the unit's IKM.

The interval is the t interval of that mean, clipped to the scale (25-100). A change
between two periods is called real only when the 95% interval of the difference of the
two means (Welch) leaves zero out. Everything is computed from three sums per group
(`IndexMoments`), so SQL can add them up over any number of respondents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from skm.grade import GRADES, Grade, grade_for

# The least common multiple of 1..9: a respondent's mean over the k elements they answered,
# times SCALE, is a whole number, so SQL can keep exact integer sums of it and its square.
SCALE = 2520
LOWEST, HIGHEST = 25.0, 100.0
Z_975 = 1.959963984540054

# t(0.975, df) for df = 1..30 (two-sided 95%), from the standard tables.
_T_TABLE = (
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
)  # fmt: skip


def t_975(df: float) -> float:
    """The 97.5% quantile of Student's t with df degrees of freedom (df >= 1)."""
    if df < 1:
        raise ValueError("the t distribution needs at least one degree of freedom")
    if df < len(_T_TABLE):
        # A fractional df (Welch) takes the whole df below it: the interval errs wide.
        return _T_TABLE[int(df) - 1]
    # Beyond the table, the Cornish-Fisher expansion of t in powers of 1/df (Abramowitz and
    # Stegun 26.7.5): within 1e-4 of the exact value from df = 30 on.
    z = Z_975
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@dataclass(frozen=True)
class IndexMoments:
    """Over some respondents: how many answered anything, and the sums of their mean × SCALE.

    `total` and `squares` sum m = (sum of answers) × SCALE / (elements answered), a whole
    number; respondents who answered nothing have no index and are left out.
    """

    n: int = 0
    total: int = 0
    squares: int = 0

    def __add__(self, other: IndexMoments) -> IndexMoments:
        return IndexMoments(
            self.n + other.n, self.total + other.total, self.squares + other.squares
        )


NO_MOMENTS = IndexMoments()


def moments_of(answer_lists: list[list[int]]) -> IndexMoments:
    """The moments of respondents given as the scores each one gave (blanks left out)."""
    out = NO_MOMENTS
    for scores in answer_lists:
        if scores:
            m = sum(scores) * SCALE // len(scores)
            out = out + IndexMoments(1, m, m * m)
    return out


@dataclass(frozen=True)
class Spread:
    """The mean and standard deviation of respondents' index values on the 25-100 scale."""

    n: int
    mean: float
    sd: float

    @property
    def variance_of_mean(self) -> float:
        """sd² / n: the squared standard error of the mean."""
        return self.sd**2 / self.n


def spread(moments: IndexMoments, factor: float = 1.0) -> Spread | None:
    """Mean and sd (n - 1) of the respondents' index values; None below two respondents.

    `factor` is 9 × the element weight: 1 with exact 1/9, 0.999 with the printed 0,111.
    """
    n = moments.n
    if n < 2:
        return None
    scale = factor * 25 / SCALE
    # Exact integers first: the textbook n·Σm² - (Σm)² loses everything in float at scale.
    variance = Fraction(n * moments.squares - moments.total**2, n * (n - 1))
    return Spread(n, scale * moments.total / n, scale * math.sqrt(max(variance, Fraction(0))))


@dataclass(frozen=True)
class Interval:
    """A 95% interval of the IKM, clipped to 25-100, and the grades it spans."""

    low: float
    high: float
    t: float

    @property
    def grades(self) -> tuple[Grade, ...]:
        """The grades whose bands the interval touches, lowest first (D, C, B, A)."""
        bottom, top = grade_for(self.low), grade_for(self.high)
        return tuple(
            g for g in reversed(GRADES) if bottom.lower_bound <= g.lower_bound <= top.lower_bound
        )


def _clipped(centre: float, half: float, t: float) -> Interval:
    return Interval(max(LOWEST, centre - half), min(HIGHEST, centre + half), t)


def interval(moments: IndexMoments, factor: float = 1.0) -> Interval | None:
    """mean ± t(0.975, n - 1) × sd / √n; None below two respondents."""
    s = spread(moments, factor)
    if s is None:
        return None
    t = t_975(s.n - 1)
    return _clipped(s.mean, t * math.sqrt(s.variance_of_mean), t)


def welch_df(parts: list[Spread]) -> float:
    """The Welch-Satterthwaite degrees of freedom of a sum of independent means."""
    total = sum(p.variance_of_mean for p in parts)
    denominator = sum(p.variance_of_mean**2 / (p.n - 1) for p in parts)
    if denominator == 0:  # no spread anywhere: as many degrees as there are respondents
        return float(sum(p.n - 1 for p in parts))
    return total**2 / denominator


def mean_of_means_interval(units: list[IndexMoments], factor: float = 1.0) -> Interval | None:
    """The interval of the plain mean of unit means (the all-units IKM reports print).

    Its variance is Σ(sd²/n) / K² over the K units; None when a unit has under two
    respondents, whose spread is then unknown.
    """
    spreads = [spread(m, factor) for m in units]
    known = [s for s in spreads if s is not None]
    if not known or len(known) < len(spreads):
        return None
    k = len(known)
    centre = sum(s.mean for s in known) / k
    t = t_975(max(1.0, welch_df(known)))
    return _clipped(centre, t * math.sqrt(sum(s.variance_of_mean for s in known)) / k, t)


def change_is_real(now: IndexMoments, before: IndexMoments, factor: float = 1.0) -> bool:
    """Whether the 95% interval of the difference of two periods' means leaves out zero.

    Welch's interval: se = √(sd1²/n1 + sd2²/n2), t with Welch's degrees of freedom. With
    under two respondents on either side nothing can be told apart: not a change.
    """
    a, b = spread(now, factor), spread(before, factor)
    if a is None or b is None:
        return False
    difference = a.mean - b.mean
    se = math.sqrt(a.variance_of_mean + b.variance_of_mean)
    if se == 0:
        return difference != 0
    return abs(difference) > t_975(max(1.0, welch_df([a, b]))) * se
