"""Building an export's file, in a worker process that reads the database on its own."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from bot.csvfile import write_csv
from bot.officers import workbook
from service.directory import Directory
from skm.index import Weighting
from skm.period import Period
from skm.questionnaire import Lang
from storage import responses
from storage.database import Database
from storage.responses import Filter

# How the CPU-heavy step runs: directly in the worker process, in a thread otherwise.
Cpu = Callable[..., Awaitable[Any]]


@dataclass(frozen=True)
class ExportJob:
    """What to export and how it reads: plain data, so it can go to another process."""

    units: list[str]
    office: str | None
    period: Period
    sep: str | None  # the CSV's separator; None: the XLSX workbook
    directory: Directory
    tz: tzinfo
    lang: Lang
    weighting: Weighting


async def build(db: Database, job: ExportJob, cpu: Cpu) -> bytes:
    """The file's bytes: raw responses as CSV, or the XLSX workbook."""
    where = Filter(start=job.period.start, end=job.period.end, units=job.units, office=job.office)
    if job.sep is not None:
        rows = await responses.fetch(db, where)
        csv: bytes = await cpu(write_csv, rows, job.tz, job.sep)
        return csv
    gathered = await workbook.gather(
        db, job.units, job.office, job.period, job.weighting, job.directory
    )
    xlsx: bytes = await cpu(workbook.workbook, gathered, job.directory, job.tz, job.lang)
    return xlsx


def build_from_file(path: str | Path, job: ExportJob) -> bytes:
    """In a worker process: open the database (file or URL) on its own, build the file, close."""
    return asyncio.run(_build_from_file(path, job))


async def _build_from_file(path: str | Path, job: ExportJob) -> bytes:
    db = await Database.open(path)
    try:
        return await build(db, job, _direct)
    finally:
        await db.close()


async def _direct(work: Callable[..., Any], *args: Any) -> Any:
    """In the worker process there is no loop to keep free: just do the work."""
    return work(*args)
