"""The /ikm query path against one hand-written SELECT and against pandas, on the same rows."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from bot.directory import Directory
from bot.officers import figures
from skm.index import Weighting
from skm.period import Period
from storage.database import Database
from storage.responses import to_epoch

ANSWERS = [f"u{i}" for i in range(1, 10)]
RAW_SQL = (
    f"SELECT count(*), {', '.join(f'avg({c})' for c in ANSWERS)} FROM responses "
    "WHERE unit = ? AND submitted_at >= ? AND submitted_at < ?"
)
PANDAS_SQL = (
    f"SELECT {', '.join(ANSWERS)} FROM responses "
    "WHERE unit = ? AND submitted_at >= ? AND submitted_at < ?"
)


@dataclass(frozen=True)
class QueryTimes:
    """Median milliseconds of each way to the unit's figures, and the rows they covered."""

    ikm_ms: float
    raw_sql_ms: float
    pandas_ms: float
    rows: int
    repeats: int


def _median_ms(run: Callable[[], object], repeats: int) -> float:
    run()  # warm the page cache and any lazy imports
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def _median_ms_async(run: Callable[[], Awaitable[object]], repeats: int) -> float:
    await run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def measure(
    path: Path,
    directory: Directory,
    unit: str,
    period: Period,
    weighting: Weighting,
    repeats: int,
) -> QueryTimes:
    """Time the three ways on the database at `path`; they must agree on the row count."""
    bounds = (unit, to_epoch(period.start), to_epoch(period.end))

    db = await Database.open(path)
    try:
        detail = await figures.unit_detail(db, directory, unit, None, period, weighting)

        async def ikm() -> object:
            return await figures.unit_detail(db, directory, unit, None, period, weighting)

        ikm_ms = await _median_ms_async(ikm, repeats)
    finally:
        await db.close()

    conn = sqlite3.connect(path)
    try:
        raw: Any = conn.execute(RAW_SQL, bounds).fetchone()
        raw_ms = _median_ms(lambda: conn.execute(RAW_SQL, bounds).fetchone(), repeats)

        def by_pandas() -> pd.Series[float]:
            return pd.read_sql(PANDAS_SQL, conn, params=bounds).mean()

        frame_rows = len(pd.read_sql(PANDAS_SQL, conn, params=bounds))
        pandas_ms = _median_ms(by_pandas, repeats)
    finally:
        conn.close()

    counts = {detail.result.respondents, int(raw[0]), frame_rows}
    if len(counts) != 1:
        raise RuntimeError(f"the three ways disagree on the rows: {counts}")
    return QueryTimes(ikm_ms, raw_ms, pandas_ms, int(raw[0]), repeats)
