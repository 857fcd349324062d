"""Copying a SQLite database into an empty PostgreSQL one: every table, all or nothing.

Every table of the file is copied as it is (responses, open surveys, officers, invites,
subscriptions, follow-up actions, and whatever later migrations add), parents before the
tables that refer to them, in one PostgreSQL transaction: a failure leaves the target as
empty as it was. The daily totals are copied too, with the trigger that would recompute
them row by row switched off for the copy (inside the transaction: nobody else sees it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg

from storage.postgres import PostgresDatabase
from storage.sqlite import SqliteDatabase

BATCH = 10_000  # rows read from SQLite and copied into PostgreSQL at a time
_NOT_COPIED = frozenset(("schema_version",))  # the target's own


class NotEmpty(RuntimeError):
    """The target already holds data; nothing was copied."""


@dataclass(frozen=True)
class Copied:
    """How many rows of each table were copied, in the order they were."""

    counts: tuple[tuple[str, int], ...]


async def copy(source: SqliteDatabase, target: PostgresDatabase) -> Copied:
    """Copy every table of `source` into the empty `target`; NotEmpty if it is not empty."""
    tables = await _tables(source)
    async with target.pool.acquire() as conn, conn.transaction():
        await conn.execute("LOCK TABLE responses IN EXCLUSIVE MODE")  # two copies at once
        held = [(name, n) for name in tables if (n := await _count(conn, name))]
        if held:
            listed = ", ".join(f"{n} in {name}" for name, n in held)
            raise NotEmpty(
                f"the target database is not empty ({listed}); migrate copies into an "
                "empty database only, so nothing was copied"
            )
        await conn.execute("ALTER TABLE responses DISABLE TRIGGER USER")
        counts = [(name, await _copy_table(source, conn, name)) for name in tables]
        await conn.execute("ALTER TABLE responses ENABLE TRIGGER USER")
        for name in tables:
            await _follow_identity(conn, name)
        for name, n in counts:  # what PostgreSQL holds now is what the file held
            if await _count(conn, name) != n:
                raise RuntimeError(f"{name}: {n} rows read, a different number stored")
    return Copied(tuple(counts))


async def _tables(source: SqliteDatabase) -> list[str]:
    """The file's tables, each after the tables its foreign keys refer to."""
    names = [
        str(r[0])
        for r in await source.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    names = [n for n in names if n not in _NOT_COPIED]
    parents = {
        name: {str(r[2]) for r in await source.rows(f"PRAGMA foreign_key_list({name})")} - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:
            raise RuntimeError("the tables' foreign keys refer to each other in a circle")
        ordered += ready
    return ordered


async def _count(conn: asyncpg.Connection, table: str) -> int:
    return int(await conn.fetchval(f'SELECT count(*) FROM "{table}"'))


async def _copy_table(source: SqliteDatabase, conn: asyncpg.Connection, table: str) -> int:
    """Copy one table in batches; how many rows."""
    columns = [str(r[1]) for r in await source.rows(f"PRAGMA table_info({table})")]
    names = ", ".join(f'"{c}"' for c in columns)
    copied = 0
    async with source.conn.execute(f"SELECT {names} FROM {table}") as cursor:
        while batch := await cursor.fetchmany(BATCH):
            rows: Sequence[tuple[object, ...]] = [tuple(r) for r in batch]
            await conn.copy_records_to_table(table, records=rows, columns=columns)
            copied += len(rows)
    return copied


async def _follow_identity(conn: asyncpg.Connection, table: str) -> None:
    """Have a table's own numbering (an `id` identity column) go on after the copied ids."""
    sequence = await conn.fetchval(
        "SELECT pg_get_serial_sequence($1, 'id') WHERE EXISTS ("
        "    SELECT 1 FROM information_schema.columns "
        "    WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id')",
        table,
    )
    if sequence is not None:
        await conn.execute(
            f'SELECT setval($1, (SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)',
            sequence,
        )
