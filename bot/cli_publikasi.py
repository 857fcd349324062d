"""`skm-bot publikasi`: one unit's results as an A4 poster for citizens (PNG or PDF)."""

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
from skm.period import current_quarter, parse_period
from skm.records import normalize_code


def add_parser(sub: Any) -> None:
    """The `publikasi` subcommand and its options."""
    pub = sub.add_parser("publikasi", help="write a unit's SKM results as an A4 poster (PNG/PDF)")
    add_source(pub)
    pub.add_argument("--unit", help="the unit, e.g. SKCK (needed when several have answers)")
    pub.add_argument("--office", help="one office code")
    pub.add_argument("--period", help="2026, 2026-S2, 2026-Q4, 2026-11 or 30d (default: quarter)")
    pub.add_argument("--out", type=Path, required=True, help="the .png or .pdf file to write")


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


async def publikasi(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    """Write the poster; one sentence and no file when nobody responded."""
    # Imported here: Pillow and matplotlib's fonts are for this command only.
    from documents.publikasi import draw_poster, gather_poster
    from documents.report import build_report

    out: Path = args.out
    if out.suffix.lower() not in (".png", ".pdf"):
        return _fail(f"--out must end in .png or .pdf, not {out.name!r}.")
    now = datetime.now(settings.tz)
    period = parse_period(args.period, now) if args.period else current_quarter(now)
    office = normalize_code(args.office) if args.office else None
    when = f"{period_words(period)} ({period.label})"
    unit = normalize_code(args.unit) if args.unit else None
    db = await open_source(args, settings, directory)
    if isinstance(db, str):
        return _fail(db)
    try:
        unknown = await unknown_code(db, directory, unit, office, args.csv)
        if unknown:
            return _fail(unknown)
        if unit is None:
            answered = await build_report(db, settings.weighting, period, None, office)
            codes = [u.code for u in answered.units if u.result.respondents]
            if len(codes) > 1:
                return _fail(t("id", "publikasi.cli_need_unit", units=", ".join(codes)))
            unit = codes[0] if codes else None
        data = None
        if unit is not None:
            data = await gather_poster(db, directory, settings.weighting, period, unit, office)
    finally:
        await db.close()
    if data is None:
        return _fail(t("id", "publikasi.empty", period=when))
    poster = await asyncio.to_thread(draw_poster, data)
    content = poster.pdf if out.suffix.lower() == ".pdf" else poster.png
    try:
        await asyncio.to_thread(out.write_bytes, await asyncio.to_thread(content))
    except OSError as exc:
        return _fail(f"cannot write {out} ({exc.strerror}); pass another --out.")
    respondents = number(data.result.respondents, 0)
    print(
        t(
            "id",
            "publikasi.written",
            path=out,
            unit=data.unit_name,
            respondents=respondents,
            period=when,
        )
    )
    return 0
