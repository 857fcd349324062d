"""`skm-bot laporan`: the Laporan SKM as DOCX (and PDF when LibreOffice is installed)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.cli_source import add_source, open_source, unknown_code
from documents.words import period_words
from service.config import Settings
from service.directory import Directory
from service.i18n import number, t
from skm.period import last_full_year, parse_period
from skm.records import normalize_code


def add_parser(sub: Any) -> None:
    """The `laporan` subcommand and its options."""
    lap = sub.add_parser("laporan", help="write the SKM report (Laporan SKM) as a DOCX file")
    add_source(lap)
    lap.add_argument("--period", help="2026, 2026-S2, 2026-Q4, 2026-11 or 30d (default: last year)")
    lap.add_argument("--office", help="one office code")
    lap.add_argument("--unit", help="one unit code, e.g. SKCK")
    lap.add_argument("--out", type=Path, required=True, help="the DOCX file to write")
    lap.add_argument("--pdf", action="store_true", help="also write a PDF (needs LibreOffice)")


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


async def laporan(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    """Write the report for the selection; one sentence and no file when nobody responded."""
    # Imported here: the document's libraries (python-docx, matplotlib) are for this command.
    from documents.laporan import build_laporan, write_docx
    from documents.pdf import PdfError, soffice, to_pdf

    now = datetime.now(settings.tz)
    period = parse_period(args.period, now) if args.period else last_full_year(now)
    units = [normalize_code(args.unit)] if args.unit else None
    office = normalize_code(args.office) if args.office else None
    db = await open_source(args, settings, directory)
    if isinstance(db, str):
        return _fail(db)
    try:
        unknown = await unknown_code(db, directory, units[0] if units else None, office, args.csv)
        if unknown:
            return _fail(unknown)
        data = await build_laporan(db, directory, settings.weighting, period, units, office, now)
    finally:
        await db.close()
    when = f"{period_words(period)} ({period.label})"
    if data is None:
        return _fail(t("id", "laporan.empty", period=when))
    out: Path = args.out
    try:
        await asyncio.to_thread(out.write_bytes, await asyncio.to_thread(write_docx, data))
    except OSError as exc:
        return _fail(f"cannot write {out} ({exc.strerror}); pass another --out.")
    respondents = number(data.respondents, 0)
    print(t("id", "laporan.written", path=out, respondents=respondents, period=when))
    if args.pdf:
        command = soffice()
        if command is None:
            print(t("id", "laporan.no_soffice"))
            return 0
        try:
            pdf = await asyncio.to_thread(to_pdf, out, command)
        except PdfError as exc:
            return _fail(t("id", "laporan.pdf_failed", reason=exc))
        print(t("id", "laporan.pdf_written", path=pdf))
    return 0
