import math
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skm.analysis import (
    answer_shares,
    correlation_matrix,
    crosstab,
    ikm_by_group,
    spearman,
    spearman_from_counts,
    weakest_elements,
)
from skm.index import compute_ikm, totals_of
from skm.questionnaire import ELEMENT_CODES


def answers(*scores: int | None) -> dict[str, int | None]:
    return dict(zip(ELEMENT_CODES, scores, strict=True))


def test_spearman_hand_computed():
    # No ties: ranks are the values; d = -1, 1, -1, 1, 0, so sum d² = 4.
    # rho = 1 - 6 * 4 / (5 * (25 - 1)) = 1 - 24/120 = 0.8
    assert spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) == pytest.approx(0.8)


def test_spearman_with_ties_uses_average_ranks():
    # x ranks 1, 2.5, 2.5, 4; y ranks 1, 3, 2, 4 (means 2.5 each).
    # cov = 2.25 + 0 + 0 + 2.25 = 4.5; var x = 4.5; var y = 5
    # rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10) = 0.948683…
    assert spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(3 / math.sqrt(10))


def test_spearman_known_value():
    # The IQ / hours of television example: rho = -29/165 = -0.175757…
    iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
    tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]
    assert spearman(iq, tv) == pytest.approx(-29 / 165)


def test_spearman_extremes_and_symmetry():
    assert spearman([1, 2, 3, 4], [1, 2, 3, 4]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 2, 4], [3, 1, 4, 4]) == pytest.approx(
        spearman([3, 1, 4, 4], [1, 2, 2, 4])
    )


def test_spearman_undefined():
    assert spearman([3, 3, 3], [1, 2, 3]) is None
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([2], [3]) is None
    assert spearman([], []) is None


def test_spearman_needs_equal_lengths():
    with pytest.raises(ValueError):
        spearman([1, 2, 3], [1, 2])


def textbook_spearman(x: list[int], y: list[int]) -> float | None:
    """Rank each series (ties: the average of their positions), then Pearson of the ranks."""

    def ranks(values: list[int]) -> list[float]:
        ordered = sorted(values)
        return [(ordered.index(v) + len(ordered) - ordered[::-1].index(v) + 1) / 2 for v in values]

    if len(x) < 2:
        return None
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx, vy = sum((a - mx) ** 2 for a in rx), sum((b - my) ** 2 for b in ry)
    return None if vx == 0 or vy == 0 else cov / math.sqrt(vx * vy)


@given(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), max_size=60))
def test_spearman_from_counts_is_the_textbook_figure_over_the_pairs_written_out(pairs):
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    expected = textbook_spearman(xs, ys)
    got = spearman_from_counts(Counter(pairs))
    assert (got is None) == (expected is None)
    if expected is not None:
        assert got == pytest.approx(expected, abs=1e-12)


def test_spearman_from_counts_hand_computed():
    # x = 1 2 2 3, y = 1 3 2 4 as counts of pairs: the tie case above.
    assert spearman_from_counts({(1, 1): 1, (2, 3): 1, (2, 2): 1, (3, 4): 1}) == pytest.approx(
        3 / math.sqrt(10)
    )
    assert spearman_from_counts({(2, 3): 5}) is None  # no spread
    assert spearman_from_counts({}) is None


ROWS = [
    answers(1, 1, 2, 4, 3, 2, 3, 1, 4),
    answers(2, 2, 2, 3, 3, 3, 3, 2, 4),
    answers(3, 3, 1, 2, 3, 4, 4, 3, 4),
    answers(4, 4, 1, 1, 3, 4, 4, None, 4),
    answers(3, None, 3, 2, 3, 1, 2, 4, 4),
]


def test_correlation_matrix_is_symmetric_with_ones_on_the_diagonal():
    matrix = correlation_matrix(ROWS)
    assert set(matrix) == set(ELEMENT_CODES)
    for a in ELEMENT_CODES:
        assert set(matrix[a]) == set(ELEMENT_CODES)
        for b in ELEMENT_CODES:
            assert matrix[a][b] == matrix[b][a]
    for code in ("U1", "U2", "U3", "U4", "U6", "U7", "U8"):
        assert matrix[code][code] == pytest.approx(1.0)


def test_correlation_matrix_is_none_without_spread():
    matrix = correlation_matrix(ROWS)
    # Everyone gave U5 a 3 and U9 a 4.
    assert matrix["U5"]["U5"] is None
    assert matrix["U9"]["U9"] is None
    assert matrix["U1"]["U9"] is None
    assert matrix["U5"]["U9"] is None


def test_correlation_matrix_uses_respondents_who_answered_both():
    matrix = correlation_matrix(ROWS)
    # The fifth respondent left U2 blank; over the first four U1 and U2 agree exactly.
    assert matrix["U1"]["U2"] == pytest.approx(1.0)
    assert matrix["U1"]["U4"] == pytest.approx(spearman([1, 2, 3, 4, 3], [4, 3, 2, 1, 2]))
    assert matrix["U1"]["U4"] == pytest.approx(-1.0)
    assert matrix["U1"]["U8"] == pytest.approx(spearman([1, 2, 3, 3], [1, 2, 3, 4]))


def test_answer_shares():
    shares = answer_shares({"U1": {1: 0, 2: 1, 3: 2, 4: 1}, "U2": {4: 3}})
    assert shares["U1"] == {1: 0.0, 2: 0.25, 3: 0.5, 4: 0.25}
    assert shares["U2"] == {1: 0.0, 2: 0.0, 3: 0.0, 4: 1.0}
    assert shares["U9"] == {1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    assert set(shares) == set(ELEMENT_CODES)
    assert sum(shares["U1"].values()) == pytest.approx(1.0)


def test_crosstab():
    table = crosstab(ROWS, "U1", "U3")
    # (U1, U3) pairs: (1, 2), (2, 2), (3, 1), (4, 1), (3, 3)
    assert table[1][2] == 1
    assert table[2][2] == 1
    assert table[3][1] == 1
    assert table[4][1] == 1
    assert table[3][3] == 1
    assert sum(sum(row.values()) for row in table.values()) == 5
    assert set(table) == {1, 2, 3, 4}
    assert all(set(row) == {1, 2, 3, 4} for row in table.values())


def test_crosstab_skips_blanks():
    table = crosstab(ROWS, "U2", "U8")
    # U2 blank in row 5, U8 blank in row 4: three pairs remain.
    assert sum(sum(row.values()) for row in table.values()) == 3
    assert table[1][1] == table[2][2] == table[3][3] == 1


def test_weakest_elements_weakest_first():
    result = compute_ikm(ROWS)
    # NRR: U1 13/5 = 2.6, U2 10/4 = 2.5, U3 9/5 = 1.8, U4 12/5 = 2.4, U5 3,
    #      U6 14/5 = 2.8, U7 16/5 = 3.2, U8 10/4 = 2.5, U9 4
    weakest = weakest_elements(result)
    assert [p.code for p in weakest] == ["U3", "U4", "U2"]
    assert weakest[0].nrr == Decimal("1.8")
    assert weakest[0].converted == Decimal("45")
    # U2 and U8 tie at 2.5: the lower code comes first.
    assert [p.code for p in weakest_elements(result, 4)] == ["U3", "U4", "U2", "U8"]
    assert [p.code for p in weakest_elements(result, 9)][-1] == "U9"


def test_weakest_elements_skip_unanswered_elements():
    result = compute_ikm([answers(4, 3, 2, 1, 4, 4, 4, 4, None)])
    codes = [p.code for p in weakest_elements(result, 9)]
    assert codes[:3] == ["U4", "U3", "U2"]
    assert "U9" not in codes
    assert len(codes) == 8


def test_ikm_by_group():
    men = [answers(4, 4, 4, 4, 4, 4, 4, 4, 4), answers(3, 3, 3, 3, 3, 3, 3, 3, 3)]
    women = [answers(2, 2, 2, 2, 2, 2, 2, 2, 2)]
    by_gender = ikm_by_group({"L": totals_of(men), "P": totals_of(women)})
    assert set(by_gender) == {"L", "P"}
    assert by_gender["L"] == compute_ikm(men)
    assert by_gender["L"].ikm == Decimal("87.4125")  # 3.5 * 9 * 0.111 * 25
    assert by_gender["P"].ikm == Decimal("49.95")
    assert by_gender["P"].respondents == 1
    assert ikm_by_group({}) == {}
