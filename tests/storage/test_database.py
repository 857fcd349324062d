import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest

from storage.database import Database, SchemaTooNew, Tx
from storage.migrations import MIGRATIONS, script
from storage.sqlite import _statements

PLAIN_ROW = (
    "INSERT INTO responses (unit, office, submitted_at, channel) VALUES ('SIM', 'X', 0, 'import')"
)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "t.db")
    yield database
    await database.close()


async def scalar(db: Database, sql: str) -> object:
    async with db.conn.execute(sql) as cur:
        row = await cur.fetchone()
    assert row is not None
    return row[0]


async def test_open_creates_the_schema(tmp_path: Path):
    db = await Database.open(tmp_path / "t.db")
    try:
        assert (tmp_path / "t.db").exists()
        assert await db.schema_version() == len(MIGRATIONS)
        tables = await scalar(
            db, "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'"
        )
        assert set(str(tables).split(",")) >= {"responses", "surveys"}
    finally:
        await db.close()


async def test_migrations_rerun_safely(tmp_path: Path):
    first = await Database.open(tmp_path / "t.db")
    await first.conn.execute(PLAIN_ROW)
    await first.close()

    second = await Database.open(tmp_path / "t.db")
    try:
        assert await second.schema_version() == len(MIGRATIONS)
        await second.migrate()
        assert await second.schema_version() == len(MIGRATIONS)
        assert await scalar(second, "SELECT count(*) FROM responses") == 1
    finally:
        await second.close()


async def test_wal_mode_and_pragmas(db: Database):
    assert await scalar(db, "PRAGMA journal_mode") == "wal"
    assert await scalar(db, "PRAGMA foreign_keys") == 1
    assert await scalar(db, "PRAGMA busy_timeout") == 5000


async def test_memory_database_opens(tmp_path: Path):
    db = await Database.open(":memory:")
    try:
        assert await db.schema_version() == len(MIGRATIONS)
    finally:
        await db.close()


async def test_check_constraint_rejects_an_answer_5(db: Database):
    with pytest.raises(sqlite3.IntegrityError):
        await db.conn.execute(
            "INSERT INTO responses (unit, office, submitted_at, channel, u1) "
            "VALUES ('SIM', 'X', 0, 'import', 5)"
        )
    assert await scalar(db, "SELECT count(*) FROM responses") == 0


async def test_check_constraint_rejects_an_unknown_channel(db: Database):
    with pytest.raises(aiosqlite.IntegrityError):
        await db.conn.execute(
            "INSERT INTO responses (unit, office, submitted_at, channel) "
            "VALUES ('SIM', 'X', 0, 'email')"
        )


async def test_source_key_is_unique(db: Database):
    sql = (
        "INSERT INTO responses (unit, office, submitted_at, channel, source_key) "
        "VALUES ('SIM', 'X', 0, 'import', 'k1')"
    )
    await db.conn.execute(sql)
    with pytest.raises(sqlite3.IntegrityError):
        await db.conn.execute(sql)


async def test_transaction_commits(db: Database):
    async with db.transaction() as conn:
        await conn.execute(PLAIN_ROW)
    assert await scalar(db, "SELECT count(*) FROM responses") == 1


async def test_transaction_rolls_back_on_error(db: Database):
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute(PLAIN_ROW)
            raise RuntimeError("boom")
    assert await scalar(db, "SELECT count(*) FROM responses") == 0
    # The connection is usable again afterwards.
    async with db.transaction():
        pass


async def test_a_written_file_is_readable_from_a_second_connection(tmp_path: Path):
    writer = await Database.open(tmp_path / "t.db")
    reader = await Database.open(tmp_path / "t.db")
    try:
        async with writer.transaction() as conn:
            await conn.execute(PLAIN_ROW)
        assert await scalar(reader, "SELECT count(*) FROM responses") == 1
    finally:
        await reader.close()
        await writer.close()


def test_statements_split_a_script():
    # A ";" at the end of a line inside a string literal does not end the statement.
    script = "CREATE TABLE a (x TEXT);\nCREATE TABLE b (\n    y TEXT DEFAULT 'a;\nb'\n);\n"
    parts = _statements(script)
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TABLE b")
    assert all(sqlite3.complete_statement(p) for p in parts)


def test_every_migration_splits_into_complete_statements():
    for number in range(1, len(MIGRATIONS) + 1):
        for statement in _statements(script(number, "sqlite")):
            assert sqlite3.complete_statement(statement)


async def test_quick_and_thread_connections_see_each_others_writes(db: Database):
    assert await db.write(PLAIN_ROW) == 1
    assert await scalar(db, "SELECT count(*) FROM responses") == 1  # read on the thread
    await db.conn.execute(PLAIN_ROW)
    row = await db.point("SELECT count(*) FROM responses")
    assert row is not None and row[0] == 2


async def test_a_memory_database_is_one_database_for_both_connections():
    db = await Database.open(":memory:")
    try:
        await db.write(PLAIN_ROW)
        assert await scalar(db, "SELECT count(*) FROM responses") == 1
        assert len(await db.few("SELECT * FROM responses")) == 1
    finally:
        await db.close()


async def test_atomic_commits_or_rolls_back_as_a_whole(db: Database):
    async with db.atomic() as tx:
        await tx.execute(PLAIN_ROW)
        await tx.execute(PLAIN_ROW)
    with pytest.raises(sqlite3.IntegrityError):
        async with db.atomic() as tx:
            await tx.execute(PLAIN_ROW)
            await tx.execute("INSERT INTO responses (unit) VALUES ('no office')")
    assert await scalar(db, "SELECT count(*) FROM responses") == 2


async def test_a_write_waits_for_another_process_without_holding_up_the_loop(tmp_path: Path):
    db = await Database.open(tmp_path / "t.db")
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        ticker = asyncio.create_task(tick())
        write = asyncio.create_task(db.write(PLAIN_ROW))
        await asyncio.sleep(0.1)
        assert not write.done()
        assert ticks > 10  # the loop went on meanwhile
        other.execute("COMMIT")
        assert await asyncio.wait_for(write, 1) == 1
        ticker.cancel()
        assert await scalar(db, "SELECT count(*) FROM responses") == 1
    finally:
        other.close()
        await db.close()


async def test_a_durable_transaction_commits_with_a_full_sync_and_only_it(db: Database):
    async def sync_level(tx: Tx) -> int:
        found = await tx.one("PRAGMA synchronous")
        return int(found[0])

    async with db.atomic(durable=True) as tx:
        assert await sync_level(tx) == 2  # FULL: the log is synced at this commit
        await tx.execute(PLAIN_ROW)
    async with db.atomic() as tx:
        assert await sync_level(tx) == 1  # NORMAL for every other write
    with pytest.raises(sqlite3.IntegrityError):
        async with db.atomic(durable=True) as tx:
            await tx.execute("INSERT INTO responses (unit) VALUES ('no office')")
    async with db.atomic() as tx:
        assert await sync_level(tx) == 1
    assert await scalar(db, "SELECT count(*) FROM responses") == 1


async def test_a_file_without_statistics_gets_them_when_opened(tmp_path: Path):
    plain = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    plain.close()
    first = await Database.open(tmp_path / "t.db")
    async with first.transaction() as conn:  # an import: many rows, no ANALYZE after it
        await conn.executemany(
            "INSERT INTO responses (unit, office, submitted_at, channel, gender) "
            "VALUES ('SIM', 'X', ?, 'import', ?)",
            [(i, "L" if i % 2 else "P") for i in range(2000)],
        )
    await first.conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
    await first.close()

    second = await Database.open(tmp_path / "t.db")
    try:
        stats = await second.rows("SELECT tbl, idx, stat FROM sqlite_stat1")
        assert any(r[0] == "responses" and str(r[2]).startswith("2000 ") for r in stats)
    finally:
        await second.close()
    third = await Database.open(tmp_path / "t.db")  # fresh statistics: not gathered again
    try:
        assert await third.row("SELECT 1 FROM sqlite_stat1 WHERE tbl = 'responses'") is not None
    finally:
        await third.close()


async def test_a_long_write_elsewhere_delays_a_citizens_write_without_failing_it(
    tmp_path: Path,
):
    db = await Database.open(tmp_path / "t.db")
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)  # `skm-bot import`
    try:
        other.execute("BEGIN IMMEDIATE")

        async def on_the_thread() -> None:
            async with db.transaction() as conn:
                await conn.execute(PLAIN_ROW)

        write = asyncio.create_task(db.write(PLAIN_ROW))  # a survey step
        thread_write = asyncio.create_task(on_the_thread())  # e.g. the expiry job
        await asyncio.sleep(1.5)  # far longer than an import's transaction should be
        assert not write.done() and not thread_write.done()
        other.execute("COMMIT")
        assert await asyncio.wait_for(write, 2) == 1
        await asyncio.wait_for(thread_write, 2)
        assert await scalar(db, "SELECT count(*) FROM responses") == 2
    finally:
        other.close()
        await db.close()


async def test_a_file_from_a_newer_bot_is_refused(tmp_path: Path):
    with sqlite3.connect(tmp_path / "t.db") as newer:
        newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(SchemaTooNew, match=f"schema version {len(MIGRATIONS) + 1}"):
        await Database.open(tmp_path / "t.db")
