"""The SQLite file: pragmas, migrations, serialised writes, and two ways to it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage.database import Database, Params, Row, SchemaTooNew, Tx
from storage.migrations import MIGRATIONS, script

BUSY_TIMEOUT_MS = 5000
_BUSY_PAUSE_S = 0.005

T = TypeVar("T")


class QuickTx:
    """A transaction's statements on the plain connection, run at once in the loop's thread.

    Its methods are coroutines only to share the interface with PostgreSQL: none of them
    ever waits, so a transaction's body holds the loop only for its statements.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        return int(self.conn.execute(sql, params).rowcount)

    async def one(self, sql: str, params: Params = ()) -> Row | None:
        return self.conn.execute(sql, params).fetchone()

    async def all(self, sql: str, params: Params = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        return int(self.conn.executemany(sql, rows).rowcount)

    async def lock(self, name: str) -> None:
        """Nothing to do: BEGIN IMMEDIATE already made this the file's only writer."""


class ThreadTx:
    """A transaction's statements on aiosqlite's thread, so that long ones never hold the loop."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self.conn.execute(sql, params) as cur:
            return int(cur.rowcount)

    async def one(self, sql: str, params: Params = ()) -> Row | None:
        return next(iter(await self.conn.execute_fetchall(sql, params)), None)

    async def all(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.conn.execute_fetchall(sql, params))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        async with self.conn.executemany(sql, rows) as cur:
            return int(cur.rowcount)

    async def lock(self, name: str) -> None:
        """Nothing to do: BEGIN IMMEDIATE already made this the file's only writer."""


class SqliteDatabase(Database):
    """The SQLite file through two connections; writes go one at a time, under one lock.

    A statement that reads or changes a few rows by key takes SQLite some microseconds,
    while handing it to aiosqlite's thread and back costs a hundred or more (see
    `python -m bench`). So `point`, `few`, `write` and `atomic` run on a plain connection
    in the event loop's own thread; whatever may read many rows (`row`, `rows`) or write
    many (`transaction`) goes through aiosqlite's thread, so that it never holds up the
    loop. When another process holds a lock, the quick connection does not sit in SQLite's
    busy handler (that would stall the loop): it yields and tries again.
    """

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, quick: sqlite3.Connection) -> None:
        self.conn = conn
        self._quick = quick
        self._write_lock = asyncio.Lock()

    @classmethod
    async def connect(cls, path: str | Path) -> SqliteDatabase:
        """Open (or create) the database file and bring its schema up to date."""
        target, uri = str(path), False
        if target == ":memory:":
            # One in-memory database that both connections share, gone when both close.
            target, uri = f"file:skm-{uuid.uuid4().hex}?mode=memory&cache=shared", True
        else:
            await asyncio.to_thread(_create_private, Path(target))
        connecting = aiosqlite.connect(target, uri=uri, isolation_level=None)
        # aiosqlite's worker thread is no daemon: a shutdown cut short before close() left
        # it keeping the process alive for ever. SQLite keeps what was committed either way.
        worker = getattr(connecting, "_thread", None)  # aiosqlite gives no public handle
        if isinstance(worker, threading.Thread):
            worker.daemon = True
        conn = await connecting
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not uri:
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = NORMAL")
        # timeout=0: no busy handler sleeping in the loop's thread; _retry waits instead.
        quick = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=0)
        quick.row_factory = sqlite3.Row
        quick.execute("PRAGMA foreign_keys = ON")
        quick.execute("PRAGMA synchronous = NORMAL")
        db = cls(conn, quick)
        try:
            await db.migrate()
            await db.optimize()
        except BaseException:
            await db.close()
            raise
        return db

    async def close(self) -> None:
        """Close both connections."""
        self._quick.close()
        await self.conn.close()

    async def optimize(self) -> None:
        """Give the query planner statistics of the responses as they are now, if it lacks them."""
        # An imported file without statistics made the profile queries pick an index that
        # took five times as long. ANALYZE reads every row once (about a second a million
        # rows), so only when the responses grew tenfold since the last one (as SQLite's own
        # PRAGMA optimize judges from 3.46 on; older ones only look at tables queried since
        # the connection opened, which at start-up is none).
        newest = await self.row("SELECT max(id) FROM responses")
        rows = int(newest[0] or 0) if newest else 0
        if rows and rows > 10 * await self._analysed_rows():
            await self.conn.execute("ANALYZE")
        else:  # from SQLite 3.46 on, whatever else it finds stale, within a bounded time
            await self.conn.execute("PRAGMA analysis_limit = 1000")
            await self.conn.execute("PRAGMA optimize = 0x10002")
        # The quick connection read the statistics when it opened: have it read them again.
        self._quick.execute("ANALYZE sqlite_schema")

    async def _analysed_rows(self) -> int:
        """How many responses there were at the last ANALYZE (0 if never)."""
        if await self.row("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'") is None:
            return 0
        # Each row's stat begins with the table's row count; CAST keeps that first number.
        sql = "SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'responses'"
        found = await self.row(sql)
        return int(found[0] or 0) if found else 0

    async def schema_version(self) -> int:
        """How many migrations this file has had (PRAGMA user_version)."""
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        """Apply the migrations this file has not had yet, each in its own transaction."""
        version = await self.schema_version()
        if version > len(MIGRATIONS):
            raise SchemaTooNew(version, len(MIGRATIONS))
        for number in range(version + 1, len(MIGRATIONS) + 1):
            async with self.transaction():
                for statement in _statements(script(number, "sqlite")):
                    await self.conn.execute(statement)
                await self.conn.execute(f"PRAGMA user_version = {number}")

    async def rows(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row a query returns, read on the thread in one round trip."""
        return list(await self.conn.execute_fetchall(sql, params))

    async def row(self, sql: str, params: Params = ()) -> Row | None:
        """The first row a query returns (None if none), read on the thread in one round trip."""
        found = await self.conn.execute_fetchall(sql, params)
        return next(iter(found), None)

    async def few(self, sql: str, params: Params = ()) -> list[Row]:
        """The rows of a read that an index takes straight to: a key, a few rows."""
        found: list[sqlite3.Row] = await self._retry(
            lambda: self._quick.execute(sql, params).fetchall()
        )
        return found

    async def point(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a read that an index takes straight to (None if none)."""
        found: sqlite3.Row | None = await self._retry(
            lambda: self._quick.execute(sql, params).fetchone()
        )
        return found

    async def write(self, sql: str, params: Params = ()) -> int:
        """One statement that changes a few rows by key, as a transaction of its own.

        SQLite makes a single statement atomic on its own (autocommit). Returns how many
        rows the statement changed, not counting what triggers changed.
        """
        async with self._write_lock:
            changed: int = await self._retry(lambda: self._quick.execute(sql, params).rowcount)
            return changed

    @asynccontextmanager
    async def atomic(self, durable: bool = False) -> AsyncIterator[Tx]:
        """A short write transaction on the quick connection: a few statements by key.

        Its body runs statements and nothing else (its awaits never wait), so the loop is
        held only for their microseconds. Committed on success, rolled back on any error.
        A durable one survives a power cut once committed (see README, "Durability").
        """
        async with self._write_lock:
            if durable:
                # In WAL mode NORMAL syncs only at checkpoints: a power cut may take the last
                # commits with it. FULL syncs the log at this commit (and so every earlier
                # one too), which costs a fraction of a millisecond here.
                self._quick.execute("PRAGMA synchronous = FULL")
            try:
                await self._retry(lambda: self._quick.execute("BEGIN IMMEDIATE"))
                try:
                    yield QuickTx(self._quick)
                except BaseException:
                    self._quick.execute("ROLLBACK")
                    raise
                self._quick.execute("COMMIT")
            finally:
                if durable:
                    self._quick.execute("PRAGMA synchronous = NORMAL")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction on the thread: committed on success, rolled back on any error."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield ThreadTx(self.conn)
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    async def _retry(self, run: Callable[[], T]) -> T:
        """Run a statement on the quick connection, trying again while the file is locked."""
        # SQLite's own busy handler would sleep in this thread, stalling every chat; this
        # waits the same BUSY_TIMEOUT_MS but lets the loop go on between tries.
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return run()
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or time.monotonic() >= deadline:
                    raise
            await asyncio.sleep(_BUSY_PAUSE_S)


def _create_private(path: Path) -> None:
    """Create a new database file readable by its owner only; an existing one is left as is.

    SQLite gives the -wal and -shm files it makes beside it the database file's mode.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds a lock it needs."""
    primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # without the extended code's bits
    return primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _statements(text: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        current.append(line)
        if line.rstrip().endswith(";") and sqlite3.complete_statement("\n".join(current)):
            out.append("\n".join(current))
            current = []
    if "".join(current).strip():
        out.append("\n".join(current))
    return out
