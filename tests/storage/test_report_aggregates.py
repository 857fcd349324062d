"""The one-pass aggregates the Laporan SKM reads: profile totals and answer patterns."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from typing import cast

import pytest

from skm.analysis import correlation_from_patterns, correlation_matrix
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from storage import responses
from storage.database import Database
from storage.responses import Filter, GroupBy
from tests.storage.test_responses import SAMPLE, response


@pytest.fixture
async def db(db: Database) -> AsyncIterator[Database]:
    database = db
    rows = [
        *SAMPLE,
        response("4-4-4-4-4", education="S1", occupation="PNS"),
        response("111111111", gender="L", education="S1"),
    ]
    await responses.insert_many(database, [(r, f"k{i}") for i, r in enumerate(rows)])
    yield database


async def test_profile_totals_in_one_pass_equal_a_pass_per_field(db: Database):
    where = Filter(units=["SIM"])
    together = await responses.totals_by_profile(db, where)
    for f in PROFILE_FIELDS:
        assert together[f.key] == await responses.totals_by(db, cast(GroupBy, f.key), where)
    assert set(together["gender"]) == {"", "L", "P"}  # blank kept apart, as totals_by does


async def test_profile_counts_leave_blanks_out(db: Database):
    counts = await responses.profile_counts(db, Filter())
    assert counts["gender"] == {"L": 3, "P": 2}
    assert counts["age"] == {"17-25": 2, "26-35": 1}
    assert counts["education"] == {"S1": 2}
    assert counts["occupation"] == {"PNS": 1}


async def test_answer_patterns_give_the_same_spearman_matrix_as_the_rows(db: Database):
    where = Filter()
    rows = [r.answers for r in await responses.fetch(db, where)]
    patterns = await responses.answer_patterns(db, where)
    assert sum(n for _, n in patterns) == len(rows)
    assert Counter({tuple(a): n for a, n in patterns}) == Counter(
        tuple(r[c] for c in ELEMENT_CODES) for r in rows
    )
    by_patterns, by_rows = correlation_from_patterns(patterns), correlation_matrix(rows)
    for a in ELEMENT_CODES:
        for b in ELEMENT_CODES:
            assert by_patterns[a][b] == pytest.approx(by_rows[a][b]), (a, b)
