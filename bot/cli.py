"""The `skm-bot` command line: run the bot, import old data, print reports, make QR posters."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings
from bot.csvfile import CsvError, read_csv_file
from bot.directory import Directory, DirectoryError, load_directory
from bot.i18n import t
from bot.report import build_report, render_text, to_json
from skm.period import Period, parse_period
from skm.records import normalize_code
from storage import responses
from storage.database import Database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skm-bot", description="SKM (Survei Kepuasan Masyarakat) Telegram bot."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = sub.add_parser("import", help="load survey answers from a CSV file")
    imp.add_argument("file", type=Path, help="CSV in the project's format")
    imp.add_argument("--db", type=Path, help="SQLite file (default: SKM_DATABASE)")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, list the others"
    )

    rep = sub.add_parser("report", help="print the SKM table per unit and for all units")
    source = rep.add_mutually_exclusive_group()
    source.add_argument("--csv", type=Path, help="compute straight from a CSV file")
    source.add_argument("--db", type=Path, help="SQLite file (default: SKM_DATABASE)")
    rep.add_argument("--unit", help="one unit code, e.g. SKCK")
    rep.add_argument("--office", help="one office code")
    rep.add_argument("--period", help="2026, 2026-S2, 2026-Q4, 2026-11 or 30d (default: all)")
    rep.add_argument("--json", action="store_true", help="machine-readable output")
    rep.add_argument("--lang", choices=("id", "en"), default="id", help="language of the text")
    return parser


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


async def _import(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    result = read_csv_file(args.file, settings.tz, directory)
    if result.bad and not args.skip_invalid:
        print(t("id", "import.bad_header"), file=sys.stderr)
        for bad in result.bad:
            print(f"  {bad}", file=sys.stderr)
        print(t("id", "import.hint"), file=sys.stderr)
        return 1
    db = await Database.open(args.db or settings.skm_database)
    try:
        new = await responses.insert_many(db, result.rows, "import")
    finally:
        await db.close()
    if result.bad:
        print(t("id", "import.skipped"))
        for bad in result.bad:
            print(f"  {bad}")
    print(t("id", "import.done", new=new, dupes=len(result.rows) - new))
    return 0


async def _report(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    period: Period | None = None
    if args.period:
        period = parse_period(args.period, datetime.now(settings.tz))
    units = [normalize_code(args.unit)] if args.unit else None
    office = normalize_code(args.office) if args.office else None
    if args.csv:
        result = read_csv_file(args.csv, settings.tz)
        if result.bad:
            for bad in result.bad:
                print(f"  {bad}", file=sys.stderr)
            return _fail(f"{args.csv} has {len(result.bad)} invalid line(s); fix them first.")
        db = await Database.open(":memory:")
        await responses.insert_many(db, result.rows, "import")
    else:
        path = args.db or settings.skm_database
        if not await asyncio.to_thread(Path(path).exists):
            return _fail(f"no database at {path}; import a CSV first or pass --db.")
        db = await Database.open(path)
    try:
        report = await build_report(db, settings.weighting, period, units, office)
    finally:
        await db.close()
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    else:
        print(render_text(report, None if args.csv else directory, args.lang))
    return 0


_COMMANDS = {"import": _import, "report": _report}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `skm-bot` and `python -m bot`."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        directory = load_directory(settings.skm_units_file)
        return asyncio.run(_COMMANDS[args.command](args, settings, directory))
    except (ConfigError, DirectoryError, CsvError, ValueError) as exc:
        return _fail(str(exc))
    except sqlite3.Error as exc:
        return _fail(f"the database cannot be used ({exc}); check SKM_DATABASE or --db.")
