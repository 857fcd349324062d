"""Bulk imports on PostgreSQL: rows copied into a temporary table, then stored at once.

The same steps as SQLite's (storage/imports.py): the rows are checked as they come and
staged, a batch at a time (COPY, PostgreSQL's fastest way in), in a temporary table of the
import's own connection; only when the whole file has been read does one transaction copy
them into `responses`. The daily totals trigger stays on: other bot processes go on
storing surveys meanwhile, and switching it off would lock them out of the table.
"""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg

from skm.records import Response
from storage.imports import _STAGED, _VALUES, Imported, staged_row
from storage.postgres import PostgresDatabase, _status_count

_TABLE = "import_rows"
_TYPES = {"line": "BIGINT PRIMARY KEY", "ident": "BIGINT", "submitted_at": "BIGINT"}
_ANSWER = "BIGINT"
# Each row's source key as storage.imports.import_key computes it, in SQL.
_KEY = (
    "'import:' || left(encode(sha256(convert_to(canon || chr(31) || r.occurrence, 'UTF8')),"
    " 'hex'), 32)"
)


def _column(name: str) -> str:
    if name in _TYPES:
        return f"{name} {_TYPES[name]}"
    if len(name) == 2 and name[0] == "u" and name[1].isdigit():
        return f"{name} {_ANSWER}"
    return f'{name} TEXT COLLATE "C"'


class PostgresStaging:
    """The rows of one import in a temporary table, on a connection held for the import."""

    def __init__(self, db: PostgresDatabase) -> None:
        self._db = db
        self._conn: asyncpg.Connection | None = None
        self._count = 0

    async def open(self) -> None:
        """Take a connection of the pool for the import, with an empty temporary table."""
        self._conn = await self._db.pool.acquire()
        columns = ", ".join(_column(name) for name in _STAGED)
        await self._conn.execute(f"CREATE TEMPORARY TABLE {_TABLE} ({columns})")

    def _held(self) -> asyncpg.Connection:
        if self._conn is None:
            raise RuntimeError("the staging is not open")
        return self._conn

    async def add(self, rows: Sequence[tuple[int, Response]]) -> None:
        """Copy a batch of (line number, response) into the temporary table."""
        staged = [staged_row(line, r) for line, r in rows]
        await self._held().copy_records_to_table(_TABLE, records=staged, columns=list(_STAGED))
        self._count += len(staged)

    async def store(self) -> Imported:
        """Store the staged rows in responses in one transaction, each source key once."""
        conn = self._held()
        await conn.execute(
            f"UPDATE {_TABLE} SET source_key = {_KEY} "
            "FROM (SELECT line, row_number() OVER (PARTITION BY canon ORDER BY line) "
            f"    AS occurrence FROM {_TABLE} WHERE ident IN ("
            f"        SELECT ident FROM {_TABLE} GROUP BY ident HAVING count(*) > 1"
            "    )) AS r "
            f"WHERE r.line = {_TABLE}.line AND r.occurrence > 1"
        )
        values = ", ".join(_VALUES)
        async with conn.transaction():
            status = await conn.execute(
                f"INSERT INTO responses ({values}, channel, source_key) "
                f"SELECT {values}, 'import', source_key FROM {_TABLE} "
                "ORDER BY line ON CONFLICT (source_key) DO NOTHING"
            )
        new = _status_count(status)
        await conn.execute("ANALYZE responses")  # the planner's statistics, as on SQLite
        await self.discard()
        return Imported(new, self._count - new)

    async def discard(self) -> None:
        """Drop the staged rows and give the connection back; safe to call more than once."""
        if self._conn is None:
            return
        conn, self._conn = self._conn, None
        try:
            await conn.execute(f"DROP TABLE IF EXISTS {_TABLE}")
        finally:
            await self._db.pool.release(conn)
