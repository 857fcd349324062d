"""`skm-bot kiosk`: make a desk's kiosk link, list the links that work, revoke one."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from service.config import Settings
from service.directory import Directory, not_served
from service.i18n import t
from service.weblinks import kiosk_link, new_kiosk_token
from skm.records import normalize_code
from storage import kiosks
from storage.database import Database

CLI_CREATOR = 0  # kiosks.created_by of a link made on the command line


def add_parser(sub: Any) -> None:
    """The `kiosk` subcommand and its actions."""
    kiosk = sub.add_parser("kiosk", help="kiosk links for a tablet at a desk (web survey)")
    actions = kiosk.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="make a kiosk link for a unit's desk")
    add.add_argument("unit", help="unit code, e.g. SKCK")
    add.add_argument("--office", help="office code (default: the first office serving the unit)")
    actions.add_parser("list", help="the kiosk links that work, by number")
    revoke = actions.add_parser("revoke", help="stop a kiosk link from working")
    revoke.add_argument("number", type=int, help="the link's number (see `skm-bot kiosk list`)")


def _fail(message: str) -> int:
    print(f"skm-bot: {message}", file=sys.stderr)
    return 2


async def kiosk(args: argparse.Namespace, settings: Settings, directory: Directory) -> int:
    """Run one kiosk action on the database."""
    web = settings.require_web()
    if web is None and args.action == "add":
        return _fail("kiosk links need SKM_WEB_URL, the web survey's public address.")
    now = datetime.now(UTC)
    db = await Database.open(settings.skm_database)
    try:
        if args.action == "add":
            unit = normalize_code(args.unit)
            offices = directory.offices_serving(unit)
            office = normalize_code(args.office) if args.office else ""
            office = office or (offices[0].code if offices else "")
            problem = not_served(directory, unit, office)
            if problem:
                return _fail(problem)
            assert web is not None
            token = new_kiosk_token()
            made = await kiosks.create(db, token, unit, office, CLI_CREATOR, now)
            print(t("id", "kiosk.made", number=made.id, link=kiosk_link(web.url, token)))
            return 0
        if args.action == "list":
            found = await kiosks.active(db)
            if not found:
                print(t("id", "kiosk.none"))
            for k in found:
                when = k.created_at.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M")
                print(t("id", "kiosk.line", number=k.id, unit=k.unit, office=k.office, when=when))
            return 0
        revoked = await kiosks.revoke(db, args.number, now)
        if revoked is None:
            return _fail(t("id", "kiosk.unknown", number=args.number))
        print(t("id", "kiosk.revoked", number=revoked.id, unit=revoked.unit, office=revoked.office))
        return 0
    finally:
        await db.close()
