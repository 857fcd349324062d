"""/ikm, whole and its query path, against one hand-written SELECT and pandas, on the same rows."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from bench.apps import ADMIN, real_application, running
from bench.offline import OfflineBotApi
from bench.updates import UpdateMaker, feed
from bot.officers import figures
from service.directory import Directory
from skm.index import Weighting
from skm.period import Period
from storage.database import Database
from storage.responses import to_epoch

ANSWERS = [f"u{i}" for i in range(1, 10)]
RAW_SQL = (
    f"SELECT count(*), {', '.join(f'avg({c})' for c in ANSWERS)} FROM responses "
    "WHERE unit = ? AND submitted_at >= ? AND submitted_at < ?"
)
PANDAS_SQL = f"SELECT unit, submitted_at, {', '.join(ANSWERS)} FROM responses"


@dataclass(frozen=True)
class QueryTimes:
    """Median milliseconds of each way to the unit's figures, and the rows they covered."""

    ikm_ms: float  # the whole /ikm UNIT command: query, text and chart
    ikm_query_ms: float  # its query path alone
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


async def _whole_command(path: str | Path, unit: str, repeats: int) -> float:
    """Median ms of `/ikm UNIT` through the Application: the query, the text and the chart."""
    api = OfflineBotApi()
    maker = UpdateMaker()
    async with running(real_application(path, api)) as app:

        async def command() -> object:
            photos = api.sent["sendPhoto"]
            timing = await feed(app, maker.text(ADMIN, f"/ikm {unit}"))
            if api.sent["sendPhoto"] != photos + 1:
                raise RuntimeError(f"/ikm {unit} sent no chart: {dict(api.sent)}")
            return timing

        return await _median_ms_async(command, repeats)


async def ikm_times(
    target: str | Path,
    directory: Directory,
    unit: str,
    period: Period,
    weighting: Weighting,
    repeats: int,
) -> tuple[float, float, int]:
    """Median ms of /ikm UNIT whole and of its query path on a database; the rows counted."""
    db = await Database.open(target)
    try:
        detail = await figures.unit_detail(db, directory, unit, None, period, weighting)

        async def query() -> object:
            return await figures.unit_detail(db, directory, unit, None, period, weighting)

        query_ms = await _median_ms_async(query, repeats)
    finally:
        await db.close()
    return await _whole_command(target, unit, repeats), query_ms, detail.result.respondents


async def measure(
    path: Path,
    directory: Directory,
    unit: str,
    period: Period,
    weighting: Weighting,
    repeats: int,
) -> QueryTimes:
    """Time the ways to the unit's figures on the database at `path`; they must agree on rows."""
    bounds = (unit, to_epoch(period.start), to_epoch(period.end))

    command_ms, query_ms, respondents = await ikm_times(
        path, directory, unit, period, weighting, repeats
    )

    conn = sqlite3.connect(path)
    try:
        raw: Any = conn.execute(RAW_SQL, bounds).fetchone()
        raw_ms = _median_ms(lambda: conn.execute(RAW_SQL, bounds).fetchone(), repeats)

        def by_pandas() -> pd.DataFrame:
            # What an analyst's script does: load every response, then filter and group.
            frame = pd.read_sql(PANDAS_SQL, conn)
            at = frame["submitted_at"]
            quarter = frame[(at >= bounds[1]) & (at < bounds[2])]
            return quarter.groupby("unit")[ANSWERS].agg(["mean", "count"])

        grouped = by_pandas()
        counted: Any = grouped.loc[unit, ("u1", "count")]
        frame_rows = int(counted)
        pandas_ms = _median_ms(by_pandas, repeats)
    finally:
        conn.close()

    counts = {respondents, int(raw[0]), frame_rows}
    if len(counts) != 1:
        raise RuntimeError(f"the three ways disagree on the rows: {counts}")
    return QueryTimes(command_ms, query_ms, raw_ms, pandas_ms, int(raw[0]), repeats)
