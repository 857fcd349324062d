"""The `skm-bot` command line: run the bot, import old data, print reports, make QR posters."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import asyncpg

from bot import cli_kiosk, cli_laporan, cli_migrate, cli_publikasi
from bot.cli_source import add_source, open_source, unknown_code
from bot.csvfile import CsvError
from bot.importer import Outcome, import_csv
from service.config import ConfigError, Settings, load_settings
from service.deeplink import link, survey_payload
from service.directory import Directory, DirectoryError, load_directory, not_served
from service.i18n import t
from service.report import build_report, render_text, to_json
from service.weblinks import desk_link, landing_link
from skm.period import Period, parse_period
from skm.records import normalize_code
from storage.database import CannotOpen, Database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skm-bot", description="SKM (Survei Kepuasan Masyarakat) Telegram bot."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser(
        "run", help="start the bot (long polling; a webhook when SKM_WEBHOOK_URL is set)"
    )
    sub.add_parser(
        "web",
        help="serve only the web survey and kiosks (SKM_WEB_URL), no Telegram: "
        "beside one `run` process on the same database, which sends the alerts",
    )

    qr = sub.add_parser("qr", help="write a printable QR poster that opens the survey for a unit")
    qr.add_argument("unit", help="unit code, e.g. SKCK")
    qr.add_argument("--office", help="office code (default: the first office serving the unit)")
    qr.add_argument("--out", type=Path, help="PNG file to write (default: qr-UNIT-OFFICE.png)")
    qr.add_argument("--link", action="store_true", help="print the deep link instead")
    qr.add_argument(
        "--web", action="store_true", help="with --link: the web survey's link (SKM_WEB_URL)"
    )

    imp = sub.add_parser("import", help="load survey answers from a CSV file")
    imp.add_argument("file", type=Path, help="CSV in the project's format")
    imp.add_argument("--db", help="SQLite file or postgresql:// URL (default: SKM_DATABASE)")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, list the others"
    )

    rep = sub.add_parser("report", help="print the SKM table per unit and for all units")
    add_source(rep)
    rep.add_argument("--unit", help="one unit code, e.g. SKCK")
    rep.add_argument("--office", help="one office code")
    rep.add_argument("--period", help="2026, 2026-S2, 2026-Q4, 2026-11 or 30d (default: all)")
    rep.add_argument("--json", action="store_true", help="machine-readable output")
    rep.add_argument("--lang", choices=("id", "en"), default="id", help="language of the text")

    cli_laporan.add_parser(sub)
    cli_publikasi.add_parser(sub)
    cli_migrate.add_parser(sub)
    cli_kiosk.add_parser(sub)
    return parser


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


def _print_bad(outcome: Outcome, title: str, to_stderr: bool) -> None:
    out = sys.stderr if to_stderr else sys.stdout
    print(t("id", title), file=out)
    for bad in outcome.bad:
        print(f"  {bad}", file=out)
    if outcome.bad_count > len(outcome.bad):
        print(t("id", "import.more", count=outcome.bad_count - len(outcome.bad)), file=out)


async def _import(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    db = await Database.open(args.db or settings.skm_database)
    try:
        outcome = await import_csv(args.file, db, settings.tz, directory, args.skip_invalid)
    finally:
        await db.close()
    if outcome.stored is None:
        _print_bad(outcome, "import.bad_header", to_stderr=True)
        print(t("id", "import.hint"), file=sys.stderr)
        return 1
    if outcome.bad_count:
        _print_bad(outcome, "import.skipped", to_stderr=False)
    stored = outcome.stored
    print(t("id", "import.done", new=stored.new, dupes=stored.already))
    return 0


async def _report(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    period: Period | None = None
    if args.period:
        period = parse_period(args.period, datetime.now(settings.tz))
    units = [normalize_code(args.unit)] if args.unit else None
    office = normalize_code(args.office) if args.office else None
    db = await open_source(args, settings, directory, args.lang)
    if isinstance(db, str):
        return _fail(db)
    try:
        unknown = await unknown_code(db, directory, units[0] if units else None, office, args.csv)
        if unknown:
            return _fail(unknown)
        report = await build_report(db, settings.weighting, period, units, office, directory)
    finally:
        await db.close()
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    else:
        print(render_text(report, directory, args.lang))
    return 0


def _run(settings: Settings, directory: Directory) -> int:
    # Imported here: the bot (telegram, pandas, matplotlib) adds ~100 MB and a second to
    # every command, and `import` needs that memory for its million rows.
    from bot import app

    settings.require_bot()  # a missing token or key stops here, in one sentence
    app.run(settings, directory)
    return 0


def _web(settings: Settings, directory: Directory) -> int:
    # Not `bot.app`: a web-only process neither loads nor starts python-telegram-bot.
    from bot import web_only

    web_only.run(settings, directory)
    return 0


def _qr(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    unit = normalize_code(args.unit)
    offices = directory.offices_serving(unit)
    office = normalize_code(args.office) if args.office else offices[0].code if offices else ""
    problem = not_served(directory, unit, office)
    if problem:
        return _fail(problem)
    web = settings.require_web()
    if args.web and web is None:
        return _fail("--web needs SKM_WEB_URL, the web survey's public address: set it in .env.")
    if args.link:
        if web is not None and args.web:
            print(desk_link(web.url, unit, office))
        else:
            print(link(settings.require_username(), survey_payload(unit, office)))
        return 0
    # With the web survey, the poster's one QR code opens the desk's page, which offers the
    # browser and Telegram; without it, Telegram.
    if web is not None:
        target = landing_link(web.url, unit, office)
    else:
        target = link(settings.require_username(), survey_payload(unit, office))
    from service.poster import render_poster  # images: only this command needs them

    out: Path = args.out or Path(f"qr-{unit}-{office}.png")
    unit_name, office_name = directory.unit_name(unit), directory.office_name(office)
    poster = render_poster(target, unit_name, office_name, web=web is not None)
    try:
        out.write_bytes(poster)
    except OSError as exc:
        return _fail(f"cannot write {out} ({exc.strerror}); pass another --out.")
    print(t("id", "survey.qr_written", path=out, link=target))
    return 0


_COMMANDS = {
    "import": _import,
    "report": _report,
    "laporan": cli_laporan.laporan,
    "publikasi": cli_publikasi.publikasi,
    "migrate": cli_migrate.migrate,
    "kiosk": cli_kiosk.kiosk,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `skm-bot` and `python -m bot`."""
    args = _parser().parse_args(argv)
    # Whatever this process creates (the database and its -wal and -shm, posters, any
    # export) holds citizens' answers or the bot's: readable by its owner only.
    umask = os.umask(0o077)
    try:
        code = _main(args)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
        return code
    except BrokenPipeError:
        return _reader_gone()
    finally:
        os.umask(umask)  # as it was, for a caller that goes on (the tests)


def _reader_gone() -> int:
    """The output's reader stopped early (`skm-bot report | head`): end quietly."""
    # Python flushes stdout once more on exit; pointed at /dev/null, that flush cannot
    # fail again with "Exception ignored" (the recipe in the docs of Python's signal module).
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 141  # 128 + SIGPIPE: what the shell shows for any tool whose pipe was closed


def _main(args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
        directory = load_directory(settings.skm_units_file)
        if args.command == "run":
            return _run(settings, directory)
        if args.command == "web":
            return _web(settings, directory)
        if args.command == "qr":
            return _qr(args, settings, directory)
        return asyncio.run(_COMMANDS[args.command](args, settings, directory))
    except (ConfigError, DirectoryError, CsvError, ValueError) as exc:
        return _fail(str(exc))
    except CannotOpen as exc:
        return _fail(f"{exc}; check SKM_DATABASE or --db.")
    except (sqlite3.Error, asyncpg.PostgresError) as exc:
        return _fail(f"the database cannot be used ({exc}); check SKM_DATABASE or --db.")
