"""Daily totals: the figures read through them equal the figures of the responses themselves."""

from __future__ import annotations

import asyncio
import random
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skm.index import ElementTotals, totals_of
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response
from storage import responses
from storage.database import Database
from storage.migrations import MIGRATIONS, script
from storage.responses import Filter, whole_days

DAY = 86400
UNITS = ("SIM", "SKCK", "SPKT")
OFFICES = ("POLRES", "PS_KOTA")
# Ten days around 1 October 2026 (Jakarta midnight is 17:00 UTC the day before).
FIRST = int(datetime(2026, 9, 27, tzinfo=UTC).timestamp())
SPAN = 10 * DAY


def made_up(seed: int, count: int) -> list[Response]:
    """Responses at random seconds, on UTC midnights and a second either side, some blanks."""
    rng = random.Random(seed)
    edges = [FIRST + d * DAY + s for d in range(11) for s in (-1, 0, 1)]
    out = []
    for n in range(count):
        at = rng.choice(edges) if n % 4 == 0 else FIRST + rng.randrange(SPAN)
        answers = {c: rng.choice((None, 1, 2, 3, 4, 4)) for c in ELEMENT_CODES}
        when = datetime.fromtimestamp(at, tz=UTC)
        out.append(Response(when, rng.choice(UNITS), rng.choice(OFFICES), answers))
    return out


ROWS = made_up(7, 400)


def expected(where: Filter, rows: list[Response]) -> list[Response]:
    """The responses a filter matches, worked out in Python."""
    return [
        r
        for r in rows
        if (where.start is None or r.submitted_at >= where.start)
        and (where.end is None or r.submitted_at < where.end)
        and (where.units is None or r.unit in where.units)
        and (where.office is None or r.office == where.office)
    ]


def by(key: str, rows: list[Response]) -> dict[str, ElementTotals]:
    groups = sorted({getattr(r, key) for r in rows})
    return {g: totals_of(r.answers for r in rows if getattr(r, key) == g) for g in groups}


async def stored(path: Path, rows: list[Response]) -> Database:
    db = await Database.open(path)
    await responses.insert_many(db, [(r, f"k{i}") for i, r in enumerate(rows)])
    return db


moments = st.one_of(
    st.none(),
    st.integers(FIRST - DAY, FIRST + SPAN + DAY),
    st.sampled_from([FIRST + d * DAY + s for d in range(-1, 12) for s in (-1, 0, 1)]),
)
filters = st.builds(
    lambda start, end, units, office: Filter(
        datetime.fromtimestamp(start, tz=UTC) if start is not None else None,
        datetime.fromtimestamp(end, tz=UTC) if end is not None else None,
        units,
        office,
    ),
    moments,
    moments,
    st.one_of(st.none(), st.lists(st.sampled_from(UNITS), max_size=3, unique=True)),
    st.one_of(st.none(), st.sampled_from(OFFICES)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wheres=st.lists(filters, min_size=1, max_size=10))
def test_totals_through_daily_totals_equal_the_responses(wheres: list[Filter]):
    async def check() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            db = await stored(Path(tmp) / "t.db", ROWS)
            try:
                for where in wheres:
                    rows = expected(where, ROWS)
                    assert await responses.totals(db, where) == totals_of(r.answers for r in rows)
                    assert await responses.totals_by(db, "unit", where) == by("unit", rows)
                    assert await responses.totals_by(db, "office", where) == by("office", rows)
            finally:
                await db.close()

    asyncio.run(check())


def test_whole_days_leave_the_ragged_ends_and_day_zero_to_the_responses():
    assert whole_days(FIRST, FIRST + 3 * DAY) == (FIRST // DAY, FIRST // DAY + 3)
    assert whole_days(FIRST + 1, FIRST + 3 * DAY - 1) == (FIRST // DAY + 1, FIRST // DAY + 2)
    assert whole_days(FIRST + 1, FIRST + DAY + 5) is None  # no whole day inside
    assert whole_days(None, None) == (1, None)  # day 0 also holds the seconds before 1970
    assert whole_days(-5 * DAY, DAY // 2) is None


@pytest.fixture
async def db(db: Database) -> Database:
    await responses.insert_many(db, [(r, f"k{i}") for i, r in enumerate(ROWS[:50])])
    return db


async def test_deleting_and_changing_responses_keeps_the_daily_totals_in_step(db: Database):
    everything = Filter(start=datetime.fromtimestamp(FIRST - DAY, tz=UTC))
    rows = list(ROWS[:50])
    moved = rows[3]
    await db.write("DELETE FROM responses WHERE source_key = 'k0'")
    await db.write(
        "UPDATE responses SET unit = 'SKCK', u1 = NULL, submitted_at = submitted_at + ? "
        "WHERE source_key = 'k3'",
        (2 * DAY,),
    )
    answers = {**moved.answers, "U1": None}
    rows[3] = Response(moved.submitted_at + timedelta(days=2), "SKCK", moved.office, answers)
    rows = rows[1:]
    assert await responses.totals_by(db, "unit", everything) == by("unit", rows)
    assert await responses.totals_by(db, "office", everything) == by("office", rows)


async def test_the_migration_sums_the_responses_already_stored(tmp_path: Path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:  # a file from before daily totals
        for number in range(1, 2 + 1):
            old.executescript(script(number, "sqlite"))
            old.execute(f"PRAGMA user_version = {number}")
        old.executemany(
            "INSERT INTO responses (unit, office, submitted_at, channel, u1, u2) "
            "VALUES (?, ?, ?, 'import', ?, ?)",
            [(r.unit, r.office, int(r.submitted_at.timestamp()), r.answers["U1"], 4) for r in ROWS],
        )
    db = await Database.open(path)
    try:
        assert await db.schema_version() == len(MIGRATIONS)
        where = Filter(start=datetime.fromtimestamp(FIRST, tz=UTC))
        totals = await responses.totals_by(db, "unit", where)
        rows = expected(where, ROWS)
        assert {u: t.respondents for u, t in totals.items()} == {
            u: t.respondents for u, t in by("unit", rows).items()
        }
        assert {u: t.sums["U1"] for u, t in totals.items()} == {
            u: t.sums["U1"] for u, t in by("unit", rows).items()
        }
    finally:
        await db.close()


async def test_migration_7_adds_the_index_sums_to_the_days_already_stored(tmp_path: Path):
    path = tmp_path / "v6.db"
    with sqlite3.connect(path) as old:  # a file from before the interval's sums
        for number in range(1, 6 + 1):
            old.executescript(script(number, "sqlite"))
            old.execute(f"PRAGMA user_version = {number}")
        answers = ", ".join(c.lower() for c in ELEMENT_CODES)
        old.executemany(
            f"INSERT INTO responses (unit, office, submitted_at, channel, {answers}) "
            f"VALUES (?, ?, ?, 'import', {', '.join('?' * len(ELEMENT_CODES))})",
            [
                (r.unit, r.office, int(r.submitted_at.timestamp()), *r.answers.values())
                for r in ROWS
            ],
        )
    db = await Database.open(path)
    try:
        where = Filter(start=datetime.fromtimestamp(FIRST - DAY, tz=UTC))
        wanted = by("unit", expected(where, ROWS))
        got = await responses.totals_by(db, "unit", where)
        assert {u: t.moments for u, t in got.items()} == {u: t.moments for u, t in wanted.items()}
        assert all(t.moments.n > 0 for t in got.values())
        # The new triggers keep them in step from then on.
        await responses.insert_many(db, [(ROWS[0], "again")])
        again = await responses.totals_by(db, "unit", where)
        assert again[ROWS[0].unit].moments.n == got[ROWS[0].unit].moments.n + 1
    finally:
        await db.close()
