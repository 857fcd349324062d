"""The storage tests run on both databases: a fresh SQLite file, a fresh PostgreSQL schema."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database
from tests.support.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgres"])
async def target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Where an empty database is, on each backend in turn: a file path or a URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "t.db")
        return
    async with fresh_schema() as url:
        yield url


@pytest.fixture
async def db(target: str) -> AsyncIterator[Database]:
    """The database at `target`, with the schema."""
    database = await Database.open(target)
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def other(db: Database, target: str) -> AsyncIterator[Database]:
    """The same database opened a second time: what another bot process would have."""
    database = await Database.open(target)
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
def sqlite_only(db: Database) -> None:
    """Skip a test about SQLite's own machinery on PostgreSQL."""
    if db.dialect != "sqlite":
        pytest.skip("about SQLite's own machinery (pragmas, its files, its connections)")
