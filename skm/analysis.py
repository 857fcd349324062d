"""The analyses an SKM report carries: distributions, correlations, profiles, priorities."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from skm.index import Answers, ElementTotals, IkmResult, Weighting, ikm_from_totals
from skm.questionnaire import ELEMENT_CODES, SCORES

# counts[element][score] -> how many respondents gave that score
Distribution = Mapping[str, Mapping[int, int]]


def answer_shares(counts: Distribution) -> dict[str, dict[int, float]]:
    """Each element's share of each answer 1-4 among those who answered it."""
    shares: dict[str, dict[int, float]] = {}
    for code in ELEMENT_CODES:
        per_score = counts.get(code, {})
        total = sum(per_score.get(s, 0) for s in SCORES)
        shares[code] = {s: (per_score.get(s, 0) / total if total else 0.0) for s in SCORES}
    return shares


def spearman(x: Sequence[int], y: Sequence[int]) -> float | None:
    """Spearman's rank correlation; None when undefined (fewer than 2 pairs, or no spread)."""
    if len(x) != len(y):
        raise ValueError("both series must have the same length")
    return spearman_from_counts(Counter(zip(x, y, strict=True)))


def spearman_from_counts(pairs: Mapping[tuple[int, int], int]) -> float | None:
    """Spearman's rho of paired scores given as how many times each pair (x, y) occurs.

    Ties take their average rank. The time is proportional to the distinct pairs (with four
    scores, sixteen at most), not to the respondents.
    """
    n = sum(pairs.values())
    if n < 2:
        return None
    xs: Counter[int] = Counter()
    ys: Counter[int] = Counter()
    for (x, y), count in pairs.items():
        xs[x] += count
        ys[y] += count
    rank_x, rank_y, mean = _average_ranks(xs), _average_ranks(ys), (n + 1) / 2
    cov = sum(c * (rank_x[x] - mean) * (rank_y[y] - mean) for (x, y), c in pairs.items())
    vx = sum(c * (rank_x[x] - mean) ** 2 for x, c in xs.items())
    vy = sum(c * (rank_y[y] - mean) ** 2 for y, c in ys.items())
    if vx == 0 or vy == 0:
        return None
    return cov / math.sqrt(vx * vy)


def _average_ranks(counts: Mapping[int, int]) -> dict[int, float]:
    """The rank every occurrence of a value takes: the average of the ranks its ties span."""
    ranks: dict[int, float] = {}
    below = 0
    for value in sorted(counts):
        ranks[value] = below + (counts[value] + 1) / 2
        below += counts[value]
    return ranks


def correlation_matrix(rows: Sequence[Answers]) -> dict[str, dict[str, float | None]]:
    """Spearman correlation between every two elements, over respondents who answered both."""
    columns = {c: [r.get(c) for r in rows] for c in ELEMENT_CODES}
    matrix: dict[str, dict[str, float | None]] = {c: {} for c in ELEMENT_CODES}
    for i, a in enumerate(ELEMENT_CODES):
        for b in ELEMENT_CODES[i:]:
            counted = Counter(zip(columns[a], columns[b], strict=True))
            pairs = {(x, y): n for (x, y), n in counted.items() if x is not None and y is not None}
            matrix[a][b] = matrix[b][a] = spearman_from_counts(pairs)
    return matrix


def correlation_from_patterns(
    patterns: Sequence[tuple[Sequence[int | None], int]],
) -> dict[str, dict[str, float | None]]:
    """The Spearman matrix from answer patterns (U1..U9 per pattern) and how many gave each."""
    size = len(ELEMENT_CODES)
    pairs: dict[tuple[int, int], Counter[tuple[int, int]]] = {
        (i, j): Counter() for i in range(size) for j in range(i, size)
    }
    for answers, count in patterns:
        given = [(i, a) for i, a in enumerate(answers) if a is not None]
        for k, (i, x) in enumerate(given):
            for j, y in given[k:]:
                pairs[i, j][x, y] += count
    matrix: dict[str, dict[str, float | None]] = {c: {} for c in ELEMENT_CODES}
    for (i, j), counted in pairs.items():
        a, b = ELEMENT_CODES[i], ELEMENT_CODES[j]
        matrix[a][b] = matrix[b][a] = spearman_from_counts(counted)
    return matrix


def crosstab(rows: Sequence[Answers], a: str, b: str) -> dict[int, dict[int, int]]:
    """How many respondents gave each pair of scores to elements a (rows) and b (columns)."""
    table = {s: dict.fromkeys(SCORES, 0) for s in SCORES}
    for r in rows:
        x, y = r.get(a), r.get(b)
        if x is not None and y is not None:
            table[x][y] += 1
    return table


def ikm_by_group(
    totals: Mapping[str, ElementTotals], weighting: Weighting = Weighting.REGULATION
) -> dict[str, IkmResult]:
    """The IKM of each profile category (or any other grouping) from its totals."""
    return {group: ikm_from_totals(t, weighting) for group, t in totals.items()}


@dataclass(frozen=True)
class Priority:
    """An element to improve: its code, its NRR and that NRR on the 25-100 scale."""

    code: str
    nrr: Decimal
    converted: Decimal


def weakest_elements(result: IkmResult, count: int = 3) -> list[Priority]:
    """The lowest-scoring elements, weakest first: the unit's improvement priorities."""
    scored = [(code, v) for code, v in result.nrr.items() if v is not None]
    scored.sort(key=lambda item: (item[1], item[0]))
    return [Priority(code, v, v * 25) for code, v in scored[:count]]
