"""Importing a CSV file into the database: read as a stream, stored all at once or not at all."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from bot.csvfile import BadLine, open_text, read_lines
from service.directory import Directory
from skm.records import Response
from storage.database import Database
from storage.imports import Imported, Staging

BATCH = 2000  # rows staged per statement: few round trips, little memory
SHOWN_BAD = 100  # bad lines listed; the rest are counted


@dataclass
class Outcome:
    """What an import did: stored (None when nothing was), and the bad lines found."""

    stored: Imported | None = None
    bad: list[BadLine] = field(default_factory=list)
    bad_count: int = 0


async def import_csv(
    path: Path,
    db: Database,
    tz: tzinfo,
    directory: Directory | None,
    skip_invalid: bool,
    known_only: bool = True,
) -> Outcome:
    """Read the file once, staging its rows; store them unless a line is bad (and not skipped).

    `known_only`: refuse units and offices the directory does not know (see read_lines).
    CsvError when the file as a whole cannot be read; nothing is stored then either.
    """
    outcome = Outcome()
    staging = Staging(db)
    batch: list[tuple[int, Response]] = []
    pending: asyncio.Task[None] | None = None
    await staging.open()
    try:
        with open_text(path) as text:
            for item in read_lines(text, tz, directory, str(path), known_only):
                if isinstance(item, BadLine):
                    outcome.bad_count += 1
                    if len(outcome.bad) < SHOWN_BAD:
                        outcome.bad.append(item)
                elif skip_invalid or not outcome.bad_count:  # else only checking from here
                    batch.append(item)
                    if len(batch) >= BATCH:
                        if pending is not None:
                            await pending
                        # SQLite stages this batch on its thread while the next one is read.
                        pending = asyncio.create_task(staging.add(batch))
                        await asyncio.sleep(0)
                        batch = []
        if pending is not None:
            await pending
        if outcome.bad_count and not skip_invalid:
            return outcome
        await staging.add(batch)
        outcome.stored = await staging.store()
        return outcome
    finally:
        if pending is not None:  # a batch still on SQLite's thread when reading failed
            await asyncio.wait([pending])
            pending.exception()  # seen: the reading error is the one to report
        await staging.discard()
