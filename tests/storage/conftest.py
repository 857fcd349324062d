"""The storage tests run on both databases: a fresh SQLite file, a fresh PostgreSQL schema."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database
from tests.support.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgres"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """An empty database with the schema, on each backend in turn."""
    if request.param == "sqlite":
        database = await Database.open(tmp_path / "t.db")
        yield database
        await database.close()
        return
    async with fresh_schema() as url:
        database = await Database.open(url)
        try:
            yield database
        finally:
            await database.close()


@pytest.fixture
def sqlite_only(db: Database) -> None:
    """Skip a test about SQLite's own machinery on PostgreSQL."""
    if db.dialect != "sqlite":
        pytest.skip("about SQLite's own machinery (pragmas, its files, its connections)")
