"""Where the command line's reports read from: a CSV file loaded into memory, or the database."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.importer import Outcome, import_csv
from service.config import Settings
from service.directory import Directory
from service.i18n import t
from skm.questionnaire import Lang
from storage import responses
from storage.database import Database, is_postgres
from storage.responses import Filter, GroupBy

SHOWN_BAD = 10  # bad lines of a --csv file listed above a report; the rest are counted


def add_source(parser: argparse.ArgumentParser) -> None:
    """The options that say where a report reads from: --csv (with --skip-invalid) or --db."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--csv", type=Path, help="compute straight from a CSV file")
    source.add_argument("--db", help="SQLite file or postgresql:// URL (default: SKM_DATABASE)")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="with --csv: leave out the lines that cannot be read (listed on stderr)",
    )


async def open_source(
    args: argparse.Namespace, settings: Settings, directory: Directory, lang: Lang = "id"
) -> Database | str:
    """The database `--csv` or `--db` names, open; or the sentence saying why there is none.

    A --csv file's codes are taken as they are (names in the units file read as codes);
    its bad lines go to stderr, at most SHOWN_BAD of them and a count of the rest.
    """
    if args.csv:
        db = await Database.open(":memory:")
        try:
            outcome = await import_csv(
                args.csv, db, settings.tz, directory, args.skip_invalid, known_only=False
            )
        except BaseException:
            await db.close()
            raise
        if outcome.bad_count:
            _show_bad(outcome, lang, skipped=outcome.stored is not None)
        if outcome.stored is None:
            await db.close()
            return (
                f"{args.csv} has {outcome.bad_count} invalid line(s); fix them, or pass "
                "--skip-invalid to leave them out."
            )
        return db
    path = args.db or settings.skm_database
    if not is_postgres(path) and not await asyncio.to_thread(Path(path).exists):
        return f"no database at {path}; import a CSV first or pass --db."
    return await Database.open(path)


def _show_bad(outcome: Outcome, lang: Lang, skipped: bool) -> None:
    title = "import.skipped" if skipped else "import.bad_header"
    print(t(lang, title), file=sys.stderr)
    for bad in outcome.bad[:SHOWN_BAD]:
        print(f"  {bad}", file=sys.stderr)
    if outcome.bad_count > SHOWN_BAD:
        print(t(lang, "import.more", count=outcome.bad_count - SHOWN_BAD), file=sys.stderr)


async def unknown_code(
    db: Database, directory: Directory, unit: str | None, office: str | None, csv: Path | None
) -> str | None:
    """The sentence for a --unit or --office that names nothing, listing the known codes.

    Known are the units file's codes and any others in the database; for a --csv file,
    the codes in the file.
    """
    asked: tuple[tuple[GroupBy, str | None, Iterable[str]], ...] = (
        ("unit", unit, directory.units),
        ("office", office, directory.offices),
    )
    for kind, code, listed in asked:
        if code is None:
            continue
        known = [] if csv else list(listed)
        if code in known:
            continue  # the common case answers without reading the data
        present = await responses.totals_by(db, kind, Filter())
        if code in present:
            continue
        known += [c for c in present if c not in known]
        codes = ", ".join(known) or "none"
        if csv:
            return f"{csv} has no {kind} {code}; its {kind}s are: {codes}."
        return f"there is no {kind} {code}; the {kind}s are: {codes}."
    return None
