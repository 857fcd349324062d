"""`skm-bot migrate`: copy a SQLite database into an empty PostgreSQL one, all or nothing."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from service.config import Settings
from service.directory import Directory
from service.i18n import number, t
from storage.database import Database, is_postgres, shown
from storage.postgres import PostgresDatabase
from storage.sqlite import SqliteDatabase
from storage.transfer import NotEmpty, copy


def add_parser(sub: Any) -> None:
    """The `migrate` subcommand and its options."""
    mig = sub.add_parser("migrate", help="copy a SQLite database into an empty PostgreSQL database")
    mig.add_argument("--from", dest="source", required=True, help="the SQLite file, e.g. skm.db")
    mig.add_argument(
        "--to", dest="target", required=True, help="postgresql://user:pass@host:5432/skm"
    )


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


async def migrate(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    """Copy every table; print each one's count, or one sentence why nothing was copied."""
    if not is_postgres(args.target):
        return _fail(f"--to {shown(args.target)} is not a postgresql:// URL.")
    if is_postgres(args.source) or not await asyncio.to_thread(Path(args.source).is_file):
        return _fail(f"--from {shown(args.source)} is not a SQLite file.")
    source = await Database.open(args.source)
    try:
        target = await Database.open(args.target)
        try:
            assert isinstance(source, SqliteDatabase) and isinstance(target, PostgresDatabase)
            copied = await copy(source, target)
        except NotEmpty as exc:
            return _fail(str(exc))
        finally:
            await target.close()
    finally:
        await source.close()
    for table, count in copied.counts:
        print(t("id", "migrate.table", table=table, count=number(count, 0)))
    total = sum(count for _, count in copied.counts)
    print(t("id", "migrate.done", rows=number(total, 0), target=shown(args.target)))
    return 0
