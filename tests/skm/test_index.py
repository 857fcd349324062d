from decimal import Decimal

import pytest

from skm.grade import grade_for, round_ikm
from skm.index import (
    EMPTY,
    ElementTotals,
    Weighting,
    compute_ikm,
    ikm_from_totals,
    overall,
    totals_of,
)
from skm.questionnaire import ELEMENT_CODES


def answers(*scores: int | None) -> dict[str, int | None]:
    return dict(zip(ELEMENT_CODES, scores, strict=True))


def same(score: int) -> dict[str, int | None]:
    return dict.fromkeys(ELEMENT_CODES, score)


# Four respondents; U3 and U9 each left blank by the fourth.
#
#        U1  U2  U3  U4  U5  U6  U7  U8  U9
#   R1    4   4   3   3   4   3   4   3   2
#   R2    3   3   2   2   3   3   4   3   2
#   R3    3   4   4   3   3   4   4   2   2
#   R4    4   3   -   3   4   3   3   3   -
#
# NRR  = sum / answers given:
#   U1 14/4 = 3.5    U2 14/4 = 3.5    U3 9/3 = 3.0 (not 9/4 = 2.25)
#   U4 11/4 = 2.75   U5 14/4 = 3.5    U6 13/4 = 3.25
#   U7 15/4 = 3.75   U8 11/4 = 2.75   U9 6/3 = 2.0  (not 6/4 = 1.5)
# Sum of NRRs = 28.0
#   weight 0.111: index = 28 * 0.111 = 3.108,  IKM = 3.108 * 25 = 77.70 → B
#   weight 1/9:   index = 28 / 9 = 3.1111…,    IKM = 700 / 9 = 77.777… → 77.78 → B
HAND = [
    answers(4, 4, 3, 3, 4, 3, 4, 3, 2),
    answers(3, 3, 2, 2, 3, 3, 4, 3, 2),
    answers(3, 4, 4, 3, 3, 4, 4, 2, 2),
    answers(4, 3, None, 3, 4, 3, 3, 3, None),
]


def test_totals_of_counts_blanks_in_neither_sum_nor_count():
    totals = totals_of(HAND)
    assert totals.respondents == 4
    assert totals.sums["U3"] == 9
    assert totals.counts["U3"] == 3
    assert totals.sums["U9"] == 6
    assert totals.counts["U9"] == 3
    assert totals.counts["U1"] == 4


def test_hand_computed_nrr_per_element():
    result = compute_ikm(HAND)
    assert result.nrr == {
        "U1": Decimal("3.5"),
        "U2": Decimal("3.5"),
        "U3": Decimal("3"),
        "U4": Decimal("2.75"),
        "U5": Decimal("3.5"),
        "U6": Decimal("3.25"),
        "U7": Decimal("3.75"),
        "U8": Decimal("2.75"),
        "U9": Decimal("2"),
    }
    assert result.respondents == 4
    assert result.missing == ()


def test_hand_computed_ikm_with_regulation_weight():
    result = compute_ikm(HAND)
    assert result.index == Decimal("3.108")
    assert result.ikm == Decimal("77.7")
    assert result.grade is not None
    assert result.grade.letter == "B"


def test_hand_computed_ikm_with_exact_weight():
    result = compute_ikm(HAND, Weighting.EXACT)
    assert result.index is not None
    assert result.ikm is not None
    assert result.index == pytest.approx(Decimal(28) / 9)
    assert round_ikm(result.ikm) == Decimal("77.78")


def test_regulation_is_the_default_weight():
    assert Weighting.REGULATION.weight == Decimal("0.111")
    assert compute_ikm(HAND) == compute_ikm(HAND, Weighting.REGULATION)


def test_weightings_give_different_figures_and_grades():
    # Sum of NRRs = 10/3 + 7 * 3 + 13/4 = 27 7/12 = 27.5833…
    #   0.111: IKM = 27.5833 * 2.775 = 76.54 → C
    #   1/9:   IKM = 27.5833 * 25/9  = 76.62 → B
    sums = {c: 12 for c in ELEMENT_CODES} | {"U1": 10, "U9": 13}
    counts = {c: 4 for c in ELEMENT_CODES} | {"U1": 3}
    totals = ElementTotals(4, sums, counts)
    regulation = ikm_from_totals(totals, Weighting.REGULATION)
    exact = ikm_from_totals(totals, Weighting.EXACT)
    assert regulation.ikm is not None
    assert exact.ikm is not None
    assert round_ikm(regulation.ikm) == Decimal("76.54")
    assert round_ikm(exact.ikm) == Decimal("76.62")
    assert regulation.grade is not None
    assert exact.grade is not None
    assert regulation.grade.letter == "C"
    assert exact.grade.letter == "B"


def test_everyone_answering_4_scores_near_100():
    assert compute_ikm([same(4)]).ikm == Decimal("99.9")  # 9 * 4 * 0.111 * 25
    assert compute_ikm([same(4)], Weighting.EXACT).ikm == Decimal(100)
    assert compute_ikm([same(1)], Weighting.EXACT).ikm == Decimal(25)


@pytest.mark.parametrize(
    ("ikm", "letter"),
    [
        (76.605, "B"),
        (88.305, "A"),
        (64.99, "D"),
        (76.60, "C"),
        (65.00, "C"),
        (88.30, "B"),
        (88.31, "A"),
        (76.61, "B"),
        (64.994, "D"),
        (64.995, "C"),
        (100, "A"),
        (25, "D"),
        (Decimal("76.605"), "B"),
        (Decimal("76.6049"), "C"),
    ],
)
def test_grade_boundaries(ikm, letter):
    assert grade_for(ikm).letter == letter


def test_grade_carries_performance_text():
    assert grade_for(90).performance("id") == "Sangat Baik"
    assert grade_for(80).performance("en") == "Good"
    assert grade_for(70).performance("id") == "Kurang Baik"
    assert grade_for(50).performance("id") == "Tidak Baik"


def test_the_english_grade_words_keep_their_order():
    words = [grade_for(ikm).performance("en") for ikm in (90, 80, 70, 50)]
    assert words == ["Very good", "Good", "Fair", "Poor"]


def test_round_ikm_is_half_up():
    assert round(76.615, 2) == 76.61  # float round() sees the binary 76.61499…
    assert round_ikm(76.615) == Decimal("76.62")
    assert round(82.285, 2) == 82.28
    assert round_ikm(82.285) == Decimal("82.29")
    assert round_ikm(76.605) == Decimal("76.61")
    assert round_ikm(88.305) == Decimal("88.31")
    assert round_ikm(Decimal("82.285")) == Decimal("82.29")
    assert round_ikm(Decimal("82.2849")) == Decimal("82.28")
    assert round_ikm(77.7) == Decimal("77.70")


def test_an_element_nobody_answered_gives_no_ikm():
    rows = [answers(4, 4, 4, 4, 4, 4, 4, 4, None), answers(3, 3, 3, 3, 3, 3, 3, 3, None)]
    result = compute_ikm(rows)
    assert result.nrr["U9"] is None
    assert result.nrr["U1"] == Decimal("3.5")
    assert result.missing == ("U9",)
    assert result.index is None
    assert result.ikm is None
    assert result.grade is None
    assert result.respondents == 2


def test_no_respondents_gives_no_ikm():
    result = compute_ikm([])
    assert result.respondents == 0
    assert result.ikm is None
    assert result.missing == ELEMENT_CODES


def test_invalid_answers_raise():
    with pytest.raises(ValueError, match="U10"):
        totals_of([{"U10": 3}])
    with pytest.raises(ValueError, match="U2"):
        totals_of([answers(4, 5, 4, 4, 4, 4, 4, 4, 4)])
    with pytest.raises(ValueError):
        totals_of([answers(4, 0, 4, 4, 4, 4, 4, 4, 4)])


def test_totals_add_up():
    first, second = totals_of(HAND[:1]), totals_of(HAND[1:])
    assert first + second == totals_of(HAND)
    assert EMPTY + totals_of(HAND) == totals_of(HAND)


# Two units of unequal size:
#   unit A: 1 respondent, all 4  → NRR 4 each, IKM = 36 * 0.111 * 25 = 99.9
#   unit B: 3 respondents, all 2 → NRR 2 each, IKM = 18 * 0.111 * 25 = 49.95
# Mean of unit IKMs = (99.9 + 49.95) / 2 = 74.925 → 74.93 → C
# Pooled: NRR (4 + 2 + 2 + 2) / 4 = 2.5 each, IKM = 22.5 * 2.775 = 62.4375 → 62.44 → D
UNIT_A = totals_of([same(4)])
UNIT_B = totals_of([same(2)] * 3)


def test_overall_is_the_mean_of_unit_ikms_beside_the_pooled_ikm():
    result = overall([UNIT_A, UNIT_B])
    assert result.respondents == 4
    assert result.ikm == Decimal("74.925")
    assert result.grade is not None
    assert result.grade.letter == "C"
    assert result.pooled.ikm == Decimal("62.4375")
    assert result.pooled.grade is not None
    assert result.pooled.grade.letter == "D"
    assert result.ikm != result.pooled.ikm


def test_overall_leaves_out_units_without_an_ikm():
    nobody_answered_u9 = totals_of([same(1) | {"U9": None}])
    result = overall([UNIT_A, EMPTY, UNIT_B, nobody_answered_u9])
    assert result.ikm == Decimal("74.925")
    assert result.respondents == 5
    # The pooled figure still counts that respondent's other answers.
    assert result.pooled.nrr["U1"] == Decimal("2.2")  # (4 + 2 + 2 + 2 + 1) / 5
    assert result.pooled.nrr["U9"] == Decimal("2.5")


def test_overall_without_data():
    result = overall([])
    assert result.ikm is None
    assert result.grade is None
    assert result.respondents == 0
    assert overall([EMPTY, EMPTY]).ikm is None
