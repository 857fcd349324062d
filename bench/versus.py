"""`python -m bench --db postgresql://...`: the same figures on SQLite and on PostgreSQL.

Side by side: whole surveys offline (and their ratio to the bare Application), /ikm on
the same generated responses (copied from the SQLite file into PostgreSQL), and the
throughput of one bot process against two sharing the PostgreSQL database. Each figure
gets a schema of its own in the database named, dropped afterwards.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from bench import data, queries
from bench.report import Throughput
from service.directory import load_directory
from skm.index import Weighting
from skm.period import current_quarter
from storage.database import Database, shown
from storage.postgres import PostgresDatabase
from storage.sqlite import SqliteDatabase
from storage.transfer import copy

UNIT = "SKCK"


@asynccontextmanager
async def schema(url: str) -> AsyncIterator[str]:
    """A URL to a new, empty schema in the database at `url`; dropped afterwards."""
    name = f"skm_bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(url)
    try:
        await admin.execute(f"CREATE SCHEMA {name}")
        parts = urlsplit(url)
        query = urlencode([*parse_qsl(parts.query), ("search_path", name)])
        try:
            yield urlunsplit((*parts[:3], query, parts.fragment))
        finally:
            await admin.execute(f"DROP SCHEMA {name} CASCADE")
    finally:
        await admin.close()


async def offline(target: str | Path, citizens: int) -> tuple[Throughput, Throughput]:
    """Whole surveys fed to the real bot, in turns with the bare Application."""
    from bench.__main__ import survey_and_ceiling  # the figure `python -m bench` prints

    return await survey_and_ceiling(target, citizens)


def processes(url: str, count: int, citizens: int) -> float:
    """Updates a second of `count` bot processes sharing the database, started together."""
    command = [sys.executable, "-m", "bench.pair", "--db", url, "--citizens", str(citizens)]
    running = [
        subprocess.Popen(
            [*command, "--first-id", str(1_000_000 * (i + 1))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    for proc in running:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError("a bot process did not start")
    for proc in running:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in running:
        out, _ = proc.communicate(timeout=1800)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return float(sum(r["updates"] for r in results) / max(r["seconds"] for r in results))


async def copied(source: Path, url: str) -> None:
    """The generated responses, copied into the (empty) PostgreSQL schema at `url`."""
    lite, pg = await Database.open(source), await Database.open(url)
    try:
        assert isinstance(lite, SqliteDatabase) and isinstance(pg, PostgresDatabase)
        await copy(lite, pg)
    finally:
        await lite.close()
        await pg.close()


def run(url: str, work: Path, citizens: int, rows: int, repeats: int, now: datetime) -> None:
    """Measure everything on both databases and print the table and a JSON line."""
    print(f"Offline: {citizens:,} surveys on SQLite, then on PostgreSQL", file=sys.stderr)
    lite_survey, lite_ceiling = asyncio.run(offline(work / "survey.db", citizens))

    async def on_postgres() -> tuple[Throughput, Throughput]:
        async with schema(url) as fresh:
            return await offline(fresh, citizens)

    pg_survey, pg_ceiling = asyncio.run(on_postgres())

    print(f"/ikm on {rows:,} generated responses, on each", file=sys.stderr)
    data.generate(work / "big.db", rows, now)
    period, directory, weighting = current_quarter(now), load_directory(None), Weighting("0.111")
    lite_ikm = asyncio.run(
        queries.ikm_times(work / "big.db", directory, UNIT, period, weighting, repeats)
    )

    async def ikm_on_postgres() -> tuple[float, float, int]:
        async with schema(url) as fresh:
            await copied(work / "big.db", fresh)
            return await queries.ikm_times(fresh, directory, UNIT, period, weighting, repeats)

    pg_ikm = asyncio.run(ikm_on_postgres())

    print("One bot process, then two, on one PostgreSQL database", file=sys.stderr)
    each = max(50, citizens // 2)

    async def shared(count: int) -> float:
        async with schema(url) as fresh:
            return await asyncio.to_thread(processes, fresh, count, each)

    one, two = asyncio.run(shared(1)), asyncio.run(shared(2))

    lines = [
        f"PostgreSQL: {shown(url)}",
        "| figure | SQLite | PostgreSQL |",
        "|---|---:|---:|",
        f"| whole surveys offline, updates/s | {lite_survey.per_second:.0f} "
        f"| {pg_survey.per_second:.0f} |",
        f"| ratio to the bare Application | {lite_survey.per_second / lite_ceiling.per_second:.2f} "
        f"| {pg_survey.per_second / pg_ceiling.per_second:.2f} |",
        f"| p95 of an update, ms | {lite_survey.percentile_ms(95):.1f} "
        f"| {pg_survey.percentile_ms(95):.1f} |",
        f"| /ikm {UNIT} whole, ms ({lite_ikm[2]:,} respondents of {rows:,}) "
        f"| {lite_ikm[0]:.1f} | {pg_ikm[0]:.1f} |",
        f"| /ikm {UNIT} query path, ms | {lite_ikm[1]:.1f} | {pg_ikm[1]:.1f} |",
        f"| one bot process, updates/s | | {one:.0f} |",
        f"| two bot processes on one database, updates/s | | {two:.0f} |",
    ]
    print("\n".join(lines))
    figures = {
        "sqlite": {
            "updates_per_s": lite_survey.per_second,
            "ratio": lite_survey.per_second / lite_ceiling.per_second,
            "ikm_ms": lite_ikm[0],
            "ikm_query_ms": lite_ikm[1],
        },
        "postgres": {
            "updates_per_s": pg_survey.per_second,
            "ratio": pg_survey.per_second / pg_ceiling.per_second,
            "ikm_ms": pg_ikm[0],
            "ikm_query_ms": pg_ikm[1],
            "one_process_updates_per_s": one,
            "two_processes_updates_per_s": two,
        },
        "citizens": citizens,
        "rows": rows,
    }
    print(json.dumps(figures))
