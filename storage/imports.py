"""Bulk imports: rows staged in a temporary table, then stored at once, each only once.

An import of a million rows must neither hold them in memory nor keep the database locked
while it reads them. So the rows are read and checked as they come and staged, a batch at
a time, in a temporary database of their own; only when the whole file has been read,
and found valid, does one write transaction copy them into `responses`. Nothing is stored
unless everything is.

Each row's source key is a fingerprint of its content and of how many identical rows came
before it in the file, so that importing the same file again adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response
from storage.database import Database, scalar
from storage.migrations import DAY_SECONDS, INDEX_NAMES, index_sums
from storage.postgres import PostgresDatabase
from storage.responses import to_epoch
from storage.sqlite import SqliteDatabase

if TYPE_CHECKING:
    from storage.postgres_imports import PostgresStaging

_ANSWERS = tuple(c.lower() for c in ELEMENT_CODES)
_PROFILE = tuple(f.key for f in PROFILE_FIELDS)
_VALUES = ("unit", "office", "submitted_at", *_ANSWERS, *_PROFILE, "suggestion")
_STAGED = ("line", "ident", "canon", "source_key", *_VALUES)
_TRIGGER = "responses_daily_insert"  # migration 3: keeps daily_totals in step, row by row
_CACHE_KIB = 96 * 1024  # SQLite's page cache while importing (default 2 MiB); 64 costs 15% more
_SORT_CACHE_KIB = 16 * 1024
_STAGE = "import_stage"  # the attached database the rows wait in


def identity(response: Response) -> str:
    """The text an import row's source key fingerprints: every value, in a fixed order."""
    answers, profile = response.answers, response.profile
    return "\x1f".join(
        (
            response.submitted_at.isoformat(),
            response.unit,
            response.office,
            *[str(answers.get(c)) for c in ELEMENT_CODES],
            *[str(profile.get(k)) for k in _PROFILE],
            response.suggestion or "",
        )
    )


def import_key(canon: str, occurrence: int) -> str:
    """The source key of the `occurrence`-th row (from 1) in a file with this identity."""
    text = f"{canon}\x1f{occurrence}"
    return "import:" + hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Imported:
    """What an import stored: rows new to the database, and rows it already had."""

    new: int
    already: int


class Staging:
    """The rows of one import, staged beside the database until `store` or `discard`."""

    def __init__(self, db: Database) -> None:
        self._stage: _SqliteStaging | PostgresStaging
        if isinstance(db, SqliteDatabase):
            self._stage = _SqliteStaging(db)
        else:
            from storage.postgres_imports import PostgresStaging

            assert isinstance(db, PostgresDatabase)
            self._stage = PostgresStaging(db)

    async def open(self) -> None:
        """Make room for the rows, apart from the database: nothing is stored yet."""
        await self._stage.open()

    async def add(self, rows: Sequence[tuple[int, Response]]) -> None:
        """Stage a batch of (line number, response); nothing is stored yet."""
        await self._stage.add(rows)

    async def store(self) -> Imported:
        """Store the staged rows in responses in one transaction, each only once."""
        return await self._stage.store()

    async def discard(self) -> None:
        """Drop the staged rows; safe to call more than once."""
        await self._stage.discard()


def staged_row(line: int, r: Response) -> tuple[object, ...]:
    """One row as staged: line, ident, canon, source key, then the response's values."""
    canon = identity(r)
    answers, profile = r.answers, r.profile
    return (
        line,
        hash(canon),  # groups candidate repeats; the same within this process
        canon,
        import_key(canon, 1),  # most rows are the first of their kind
        r.unit,
        r.office,
        to_epoch(r.submitted_at),
        *[answers.get(c) for c in ELEMENT_CODES],
        *[profile.get(k) for k in _PROFILE],
        r.suggestion,
    )


class _SqliteStaging:
    """The rows of one import in a temporary SQLite database attached beside the file."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self._count = 0

    async def open(self) -> None:
        """Attach an empty private database for the staged rows, in a transaction of its own.

        SQLite keeps an attached '' database in a temporary file of its own, deleted when it
        is detached; it is written in one transaction (a commit per batch costs a third
        more) that never touches the real database, so the bot goes on meanwhile.
        """
        conn = self._db.conn
        await conn.execute(f"ATTACH DATABASE '' AS {_STAGE}")
        columns = ", ".join(_STAGED[1:])
        await conn.execute(f"CREATE TABLE {_STAGE}.rows (line INTEGER PRIMARY KEY, {columns})")
        await conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        await conn.create_function("skm_import_key", 2, import_key, deterministic=True)
        await conn.execute("BEGIN")

    async def add(self, rows: Sequence[tuple[int, Response]]) -> None:
        """Stage a batch of (line number, response); nothing is stored yet."""
        staged = [staged_row(line, r) for line, r in rows]
        marks = ", ".join("?" * len(_STAGED))
        await self._db.conn.executemany(f"INSERT INTO {_STAGE}.rows VALUES ({marks})", staged)
        self._count += len(staged)

    async def store(self) -> Imported:
        """Copy the staged rows into responses in one transaction, then drop them."""
        conn = self._db.conn
        await self._number_repeats()
        await conn.execute("COMMIT")  # the staging's own transaction
        async with self._db.transaction():
            before = await scalar(self._db, "SELECT coalesce(max(id), 0) FROM responses")
            trigger = await self._db.row(
                "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?",
                (_TRIGGER,),
            )
            # The trigger's upsert per row halves the insert's speed (`python -m
            # bench.importing`); the new rows' totals are added per day afterwards instead,
            # within the same transaction, so no reader ever sees them out of step.
            if trigger is not None:
                await conn.execute(f"DROP TRIGGER main.{_TRIGGER}")
            values = ", ".join(_VALUES)
            await conn.execute(
                f"INSERT INTO main.responses ({values}, channel, source_key) "
                f"SELECT {values}, 'import', source_key FROM {_STAGE}.rows "
                "WHERE true ORDER BY line ON CONFLICT (source_key) DO NOTHING"
            )
            new = await scalar(self._db, "SELECT changes()")
            # Summing per day sorts the new rows, and SQLite lets a sort hold as much memory
            # as the page cache again: a smaller cache keeps the peak flat at any size.
            await conn.execute(f"PRAGMA cache_size = -{_SORT_CACHE_KIB}")
            await conn.execute(_ADD_DAILY_TOTALS, (before,))
            if trigger is not None:
                await conn.execute(trigger[0])
        await self.discard()
        # Without statistics the planner picks the wrong index for the profile queries on a
        # freshly imported table (964 ms instead of 191); a sample of each index will do.
        await conn.execute("PRAGMA analysis_limit = 1000")
        await conn.execute("ANALYZE main")
        await conn.execute("PRAGMA analysis_limit = 0")
        return Imported(new, self._count - new)

    async def discard(self) -> None:
        """Drop the staged rows (their file goes with them); safe to call more than once."""
        conn = self._db.conn
        if conn.in_transaction:
            await conn.execute("ROLLBACK")
        attached = await self._db.rows("PRAGMA database_list")
        if any(row[1] == _STAGE for row in attached):
            await conn.execute(f"DETACH DATABASE {_STAGE}")

    async def _number_repeats(self) -> None:
        """Give the second and later of identical rows their own keys (staged rows only)."""
        conn = self._db.conn
        await conn.execute(f"CREATE INDEX {_STAGE}.rows_ident ON rows (ident)")
        await conn.execute(
            f"UPDATE {_STAGE}.rows SET source_key = skm_import_key(canon, r.occurrence) "
            "FROM (SELECT line, row_number() OVER (PARTITION BY canon ORDER BY line) "
            f"    AS occurrence FROM {_STAGE}.rows WHERE ident IN ("
            f"        SELECT ident FROM {_STAGE}.rows GROUP BY ident HAVING count(*) > 1"
            "    )) AS r "
            "WHERE r.line = rows.line AND r.occurrence > 1"
        )


def _daily_sql() -> str:
    names = ", ".join(f"s{i}, n{i}" for i in range(1, 10)) + ", " + INDEX_NAMES
    sums = ", ".join(f"coalesce(sum(u{i}), 0), count(u{i})" for i in range(1, 10))
    adds = ", ".join(
        f"s{i} = s{i} + excluded.s{i}, n{i} = n{i} + excluded.n{i}" for i in range(1, 10)
    )
    adds += ", " + ", ".join(f"{c} = {c} + excluded.{c}" for c in INDEX_NAMES.split(", "))
    day = f"submitted_at / {DAY_SECONDS}"  # as migration 3 counts days
    return (
        f"INSERT INTO daily_totals (unit, office, day, respondents, {names}) "
        f"SELECT unit, office, {day}, count(*), {sums}, {index_sums()} FROM responses "
        f"WHERE id > ? GROUP BY unit, office, {day} "
        "ON CONFLICT (unit, day, office) DO UPDATE SET "
        f"respondents = respondents + excluded.respondents, {adds}"
    )


_ADD_DAILY_TOTALS = _daily_sql()  # the totals of the rows with an id above a given one
