"""The 95% interval of the IKM from respondents' own index values, and real changes."""

from __future__ import annotations

import math

import pytest

from skm.index import Weighting, compute_ikm, overall, totals_of
from skm.interval import (
    IndexMoments,
    change_is_real,
    interval,
    mean_of_means_interval,
    moments_of,
    spread,
    t_975,
)
from skm.questionnaire import ELEMENT_CODES


def answered(*scores: int | None) -> dict[str, int | None]:
    """Answers to U1.. in order; the elements not given are left blank."""
    padded = [*scores, *[None] * (len(ELEMENT_CODES) - len(scores))]
    return dict(zip(ELEMENT_CODES, padded, strict=True))


# Five respondents, worked by hand. Own index = mean of the answered elements × 25:
#   nine 4s -> 100; nine 3s -> 75; eight 3s, U9 blank -> 75; U1 4, U2 3 only -> 87.5;
#   nine 3s -> 75.  Mean 82.5; deviations 17.5, -7.5, -7.5, 5, -7.5; squares add to 500;
#   variance 500 / 4 = 125; sd = √125 = 11.1803; se = sd / √5 = 5; t(0.975, 4) = 2.7764;
#   interval 82.5 ± 13.882 = 68.618 … 96.382, which spans C, B and A.
FIVE = [
    answered(*[4] * 9),
    answered(*[3] * 9),
    answered(*[3] * 8),
    answered(4, 3),
    answered(*[3] * 9),
]


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.706), (4, 2.776), (9, 2.262), (29, 2.045), (30, 2.042), (40, 2.021), (60, 2.000)],
)
def test_t_quantiles_match_the_tables(df: int, expected: float):
    assert t_975(df) == pytest.approx(expected, abs=5e-4)


def test_t_quantile_levels_off_at_the_normal_and_a_fractional_df_errs_wide():
    assert t_975(120) == pytest.approx(1.980, abs=5e-4)
    assert t_975(1_000_000) == pytest.approx(1.960, abs=5e-4)
    assert t_975(4.7) == t_975(4)
    with pytest.raises(ValueError):
        t_975(0)


def test_the_hand_worked_five_respondents():
    moments = totals_of(FIVE).moments
    assert moments.n == 5
    s = spread(moments)
    assert s is not None
    assert s.mean == pytest.approx(82.5)
    assert s.sd == pytest.approx(math.sqrt(125))
    assert math.sqrt(s.variance_of_mean) == pytest.approx(5.0)
    ci = interval(moments)
    assert ci is not None
    assert ci.t == pytest.approx(2.7764)
    assert (ci.low, ci.high) == (pytest.approx(68.618), pytest.approx(96.382))
    assert [g.letter for g in ci.grades] == ["C", "B", "A"]


def test_the_printed_weight_scales_the_respondents_values_as_it_scales_the_ikm():
    ci = interval(totals_of(FIVE).moments, Weighting.REGULATION.factor)
    assert ci is not None
    assert ci.low == pytest.approx(68.618 * 0.999, abs=1e-3)
    assert ci.high == pytest.approx(96.382 * 0.999, abs=1e-3)
    # With nobody leaving an element blank, the mean of the own values is the IKM itself.
    full = [answered(*[4] * 9), answered(*[3] * 9), answered(4, 4, 3, 3, 2, 4, 4, 1, 3)]
    result = compute_ikm(full)
    s = spread(result.moments, Weighting.REGULATION.factor)
    assert s is not None and result.ikm is not None
    assert s.mean == pytest.approx(float(result.ikm))


def test_every_ikm_result_carries_its_interval_and_none_below_two():
    result = compute_ikm(FIVE, Weighting.EXACT)
    assert result.interval is not None
    assert result.interval.low == pytest.approx(68.618)
    assert compute_ikm(FIVE[:1]).interval is None
    assert compute_ikm([]).interval is None


def test_the_interval_is_clipped_to_the_scale_and_no_spread_is_one_point():
    ci = interval(moments_of([[4, 4], [4, 3], [4]]))
    assert ci is not None and ci.high == 100.0
    same = interval(moments_of([[3] * 9] * 4))
    assert same is not None and (same.low, same.high) == (75.0, 75.0)
    assert [g.letter for g in same.grades] == ["C"]


def test_respondents_who_answered_nothing_have_no_index():
    assert moments_of([[], [4], [2]]) == moments_of([[4], [2]])
    assert totals_of([answered(), answered(4), answered(2)]).moments.n == 2


def test_moments_are_whole_numbers_that_add_up():
    a, b = moments_of([[1, 2, 4]]), moments_of([[3] * 7, [2, 2]])
    assert a.total == (7 * 2520) // 3
    assert a + b == moments_of([[1, 2, 4], [3] * 7, [2, 2]])


def test_a_change_is_real_only_when_the_difference_interval_leaves_out_zero():
    five = totals_of(FIVE).moments  # mean 82.5, se 5
    threes = moments_of([[3] * 9] * 5)  # mean 75, se 0 -> Welch df 4, half-width 13.88
    twos = moments_of([[2] * 9] * 5)  # mean 50
    assert not change_is_real(five, threes)  # 7.5 < 13.88
    assert change_is_real(five, twos)  # 32.5 > 13.88
    assert change_is_real(threes, twos)  # no spread on either side, different means
    assert not change_is_real(threes, threes)
    assert not change_is_real(five, moments_of([[1] * 9]))  # one respondent: cannot tell


def test_the_mean_of_unit_ikms_has_its_own_interval():
    five, threes = totals_of(FIVE).moments, moments_of([[3] * 9] * 5)
    # centre (82.5 + 75) / 2 = 78.75; se = √(25 + 0) / 2 = 2.5; Welch df 4 -> t 2.7764.
    ci = mean_of_means_interval([five, threes])
    assert ci is not None
    assert (ci.low, ci.high) == (pytest.approx(78.75 - 6.941), pytest.approx(78.75 + 6.941))
    assert mean_of_means_interval([five, moments_of([[4] * 9])]) is None
    assert mean_of_means_interval([IndexMoments()]) is None


def test_the_all_units_figure_carries_the_interval_of_the_mean_of_unit_ikms():
    result = overall([totals_of(FIVE), totals_of([answered(*[3] * 9)] * 5)], Weighting.EXACT)
    assert result.interval is not None
    assert result.interval.low == pytest.approx(78.75 - 6.941)
    assert result.pooled.interval is not None
