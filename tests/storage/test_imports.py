"""Bulk imports: staged, stored at once or not at all, daily totals and statistics kept."""

from __future__ import annotations

import pytest

from skm.records import Response
from storage import responses
from storage.database import Database
from storage.imports import Staging, identity, import_key
from storage.migrations import index_sums
from tests.storage.test_daily_totals import ROWS
from tests.support.postgres import INTEGRITY

_TOTALS = "SELECT * FROM daily_totals ORDER BY unit, day, office"
_RECOMPUTED = (
    "SELECT unit, office, submitted_at / 86400 AS day, count(*), "
    + ", ".join(f"coalesce(sum(u{i}), 0), count(u{i})" for i in range(1, 10))
    + f", {index_sums()}"
    + " FROM responses GROUP BY unit, day, office ORDER BY unit, day, office"
)


async def stage(db: Database, rows: list[Response]) -> Staging:
    staging = Staging(db)
    await staging.open()
    await staging.add([(line, r) for line, r in enumerate(rows, start=2)])
    return staging


async def daily_totals(db: Database) -> list[tuple[object, ...]]:
    return [tuple(r) for r in await db.rows(_TOTALS)]


async def recomputed(db: Database) -> list[tuple[object, ...]]:
    rows = await db.rows(_RECOMPUTED)  # columns in daily_totals' order: unit, office, day, ...
    return sorted((r[0], r[1], r[2], r[3], *r[4:]) for r in rows)


async def test_daily_totals_stay_in_step_over_days_that_already_had_answers(db: Database):
    await responses.insert_many(db, [(r, f"bot{i}") for i, r in enumerate(ROWS[:100])], "telegram")
    imported = await (await stage(db, ROWS[50:300])).store()
    assert (imported.new, imported.already) == (250, 0)
    assert sorted(await daily_totals(db)) == await recomputed(db)
    # The trigger is back: an answer stored after the import is counted too.
    await responses.insert_many(db, [(ROWS[300], "later")], "telegram")
    assert sorted(await daily_totals(db)) == await recomputed(db)


async def test_storing_again_adds_nothing_and_repeats_get_their_own_keys(db: Database):
    rows = [ROWS[0], ROWS[1], ROWS[0], ROWS[0]]
    first = await (await stage(db, rows)).store()
    assert (first.new, first.already) == (4, 0)
    keys = {r[0] for r in await db.rows("SELECT source_key FROM responses")}
    canon = identity(ROWS[0])
    assert keys == {import_key(canon, n) for n in (1, 2, 3)} | {import_key(identity(ROWS[1]), 1)}
    again = await (await stage(db, rows)).store()
    assert (again.new, again.already) == (0, 4)


async def test_a_failing_store_stores_nothing_and_keeps_the_trigger(db: Database):
    bad = Response(ROWS[1].submitted_at, "SIM", "POLRES", {**ROWS[1].answers, "U1": 5})
    staging = await stage(db, [ROWS[0], bad, ROWS[2]])
    with pytest.raises(INTEGRITY):
        await staging.store()
    await staging.discard()
    assert await db.rows("SELECT * FROM responses") == []
    assert await daily_totals(db) == []
    await responses.insert_many(db, [(ROWS[3], "later")], "telegram")  # counted by the trigger
    assert sorted(await daily_totals(db)) == await recomputed(db) != []


async def test_discarding_leaves_nothing_behind(db: Database):
    staging = await stage(db, ROWS[:20])
    await staging.discard()
    await staging.discard()  # twice is harmless
    assert await db.rows("SELECT * FROM responses") == []
    if db.dialect == "sqlite":
        assert [r[1] for r in await db.rows("PRAGMA database_list")] == ["main"]
    else:
        # No session of the server keeps a temporary table of staged rows.
        sql = "SELECT count(*) FROM pg_class WHERE relname = 'import_rows'"
        assert await db.row(sql) == (0,)


async def test_the_planner_has_statistics_after_an_import(db: Database, sqlite_only: None):
    await (await stage(db, ROWS[:200])).store()
    stats = {r[1]: r[2] for r in await db.rows("SELECT * FROM sqlite_stat1")}
    assert stats["responses_unit_time"].startswith("200 ")
