"""Grade bands of the IKM (PermenPANRB 14/2017), kept in one place a later rule could change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from skm.questionnaire import Text


@dataclass(frozen=True)
class Grade:
    """A grade: its letter (mutu) and the unit's performance (kinerja unit pelayanan)."""

    letter: str
    performance: Text
    lower_bound: Decimal


# Lower bounds of the converted IKM (25-100). The published bands leave gaps
# (76.60 ... 76.61), so the IKM is rounded half-up to two decimals first.
GRADES: tuple[Grade, ...] = (
    Grade("A", Text("Sangat Baik", "Very good"), Decimal("88.31")),
    Grade("B", Text("Baik", "Good"), Decimal("76.61")),
    Grade("C", Text("Kurang Baik", "Fair"), Decimal("65.00")),
    Grade("D", Text("Tidak Baik", "Poor"), Decimal("25.00")),
)
GRADES_BY_LETTER: dict[str, Grade] = {g.letter: g for g in GRADES}

_CENT = Decimal("0.01")


def round_ikm(ikm: Decimal | float) -> Decimal:
    """The IKM rounded half-up to two decimals, as reports print it."""
    # str() of a float is its shortest repr, so 76.615 stays 76.615 rather than the
    # binary 76.61499999... that float round() would see.
    value = ikm if isinstance(ikm, Decimal) else Decimal(str(ikm))
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def grade_for(ikm: Decimal | float) -> Grade:
    """The grade of a converted IKM (25-100)."""
    rounded = round_ikm(ikm)
    for grade in GRADES:
        if rounded >= grade.lower_bound:
            return grade
    return GRADES[-1]
