"""A PostgreSQL schema of its own for each test, dropped after; skipped if there is no server."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from urllib.parse import urlencode

import asyncpg
import pytest

# The CI machine's server: trust authentication, database `test`.
SERVER = os.environ.get("SKM_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


async def _admin() -> asyncpg.Connection:
    try:
        return await asyncpg.connect(SERVER, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.skip(f"no PostgreSQL server at {SERVER} ({exc}); set SKM_TEST_POSTGRES")


async def _create() -> str:
    name = f"skm_test_{uuid.uuid4().hex[:12]}"
    admin = await _admin()
    try:
        await admin.execute(f"CREATE SCHEMA {name}")
    finally:
        await admin.close()
    return name


async def _drop(name: str) -> None:
    admin = await _admin()
    try:
        await admin.execute(f"DROP SCHEMA {name} CASCADE")
    finally:
        await admin.close()


def _url(name: str) -> str:
    return f"{SERVER}?{urlencode({'search_path': name})}"


@asynccontextmanager
async def fresh_schema() -> AsyncIterator[str]:
    """The URL of an empty schema in the test server (its search path), dropped after."""
    name = await _create()
    try:
        yield _url(name)
    finally:
        await _drop(name)


# A constraint refused a row (a CHECK, a UNIQUE key), as each driver says it.
INTEGRITY = (sqlite3.IntegrityError, asyncpg.IntegrityConstraintViolationError)


@contextmanager
def fresh_schema_sync() -> Iterator[str]:
    """`fresh_schema` for a test without an event loop (one that runs the command line)."""
    name = asyncio.run(_create())
    try:
        yield _url(name)
    finally:
        asyncio.run(_drop(name))
