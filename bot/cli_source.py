"""Where the command line's reports read from: a CSV file loaded into memory, or the database."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.config import Settings
from bot.importer import import_csv
from storage.database import Database


async def open_source(args: argparse.Namespace, settings: Settings) -> Database | str:
    """The database `--csv` or `--db` names, open; or the sentence saying why there is none."""
    if args.csv:
        db = await Database.open(":memory:")
        outcome = await import_csv(args.csv, db, settings.tz, None, skip_invalid=False)
        if outcome.stored is None:
            await db.close()
            for bad in outcome.bad:
                print(f"  {bad}", file=sys.stderr)
            return f"{args.csv} has {outcome.bad_count} invalid line(s); fix them first."
        return db
    path = args.db or settings.skm_database
    if not await asyncio.to_thread(Path(path).exists):
        return f"no database at {path}; import a CSV first or pass --db."
    return await Database.open(path)
