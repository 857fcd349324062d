"""The database the bot keeps its data in: one interface, on SQLite or on PostgreSQL.

Every query in storage/ is written once, with `?` placeholders (or `:name` ones with a
dict), in SQL both databases read alike; `storage.postgres` turns the placeholders into
PostgreSQL's. What the two do differently (the schema's types, triggers, locks, bulk
imports, pragmas) lives with each one: `storage.sqlite` and `storage.postgres`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit, urlunsplit

Dialect = Literal["sqlite", "postgres"]
# A row as the driver returns it: indexable by position and by column name.
Row = Any
Params = Sequence[Any] | Mapping[str, Any]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    """Whether SKM_DATABASE names a PostgreSQL server (a URL) rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(_POSTGRES_SCHEMES)


def shown(target: str | Path) -> str:
    """SKM_DATABASE as it may be logged or printed: a URL's password left out."""
    if not is_postgres(target):
        return str(target)
    parts = urlsplit(str(target))
    if parts.password is None:
        return str(target)
    netloc = parts.netloc.rsplit("@", 1)[1]
    login = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit((parts.scheme, login + netloc, parts.path, parts.query, parts.fragment))


class CannotOpen(RuntimeError):
    """The database cannot be opened or used: the message says why, in one sentence."""


class SchemaTooNew(CannotOpen):
    """The database was migrated by a newer version of the bot than this one."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the database has schema version {found}, but this version of the bot knows "
            f"only {known}: run the newer version, or restore a backup made for this one"
        )


class Tx(Protocol):
    """The statements of one open transaction."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; how many rows it changed (not counting what triggers changed)."""
        ...

    async def one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row a statement returns (a query, or a change with RETURNING)."""
        ...

    async def all(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row a statement returns."""
        ...

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        """Run a statement once per row of parameters; how many rows it changed in all."""
        ...

    async def lock(self, name: str) -> None:
        """Hold a lock named `name` until this transaction ends, across processes."""
        ...


class Database(ABC):
    """A connection (or a pool of them) to the bot's database, its schema up to date."""

    dialect: Dialect

    @staticmethod
    async def open(target: str | Path) -> Database:
        """Open a SQLite file (created if missing) or a PostgreSQL URL; migrate its schema."""
        if is_postgres(target):
            from storage.postgres import PostgresDatabase

            return await PostgresDatabase.connect(str(target))
        from storage.sqlite import SqliteDatabase

        return await SqliteDatabase.connect(target)

    @abstractmethod
    async def close(self) -> None:
        """Close every connection."""

    @abstractmethod
    async def schema_version(self) -> int:
        """How many migrations the database has had."""

    @abstractmethod
    async def rows(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row a query returns; may read many rows without holding up the loop."""

    @abstractmethod
    async def row(self, sql: str, params: Params = ()) -> Row | None:
        """The first row a query returns (None if none); may read many rows."""

    @abstractmethod
    async def few(self, sql: str, params: Params = ()) -> list[Row]:
        """The rows of a read that an index takes straight to: a key, a few rows."""

    @abstractmethod
    async def point(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a read that an index takes straight to (None if none)."""

    @abstractmethod
    async def write(self, sql: str, params: Params = ()) -> int:
        """One statement that changes a few rows by key, as a transaction of its own."""

    @abstractmethod
    def atomic(self, durable: bool = False) -> AbstractAsyncContextManager[Tx]:
        """A short write transaction: a few statements by key, committed or rolled back.

        A durable one survives a power cut once committed (see README, "Durability").
        """

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Tx]:
        """A write transaction that may change many rows, committed or rolled back."""


def among(column: str, count: int) -> str:
    """SQL for `column IN (?, ...)` with `count` placeholders; FALSE for none.

    SQLite reads `IN ()` as false; PostgreSQL refuses it.
    """
    return f"{column} IN ({', '.join('?' * count)})" if count else "FALSE"


async def scalar(db: Database, sql: str, params: Params = ()) -> int:
    """The whole number in the first column of a query's first row (0 if none or NULL)."""
    found = await db.row(sql, params)
    return int(found[0] or 0) if found else 0
