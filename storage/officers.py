"""Officers and their scope, and the one-time invites that register them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database
from storage.responses import from_epoch, to_epoch


@dataclass(frozen=True)
class Officer:
    """A registered officer: a staff member's Telegram id, name and scope (None is every)."""

    user_id: int
    name: str
    unit: str | None
    office: str | None
    lang: str
    registered_at: datetime
    nrp: str | None = None


@dataclass(frozen=True)
class Invite:
    """What an invite grants, and who made it."""

    unit: str | None
    office: str | None
    created_by: int
    expires_at: datetime


@dataclass(frozen=True)
class OpenInvite:
    """An invite not yet used: a short key for its buttons (never the token), its scope."""

    key: str
    unit: str | None
    office: str | None
    expires_at: datetime


def _hash(token: str) -> str:
    # Only the hash is stored: reading the database does not give usable invites.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _officer(row: Any) -> Officer:
    return Officer(int(row[0]), row[1], row[2], row[3], row[4], from_epoch(row[5]), row[6])


_COLUMNS = "user_id, name, unit, office, lang, registered_at, nrp"
# An invite's key on its buttons: the first 16 hex digits of the token's hash (64 bits),
# which tells invites apart and gives nothing of the token.
INVITE_KEY_LENGTH = 16


async def create_invite(
    db: Database,
    token: str,
    unit: str | None,
    office: str | None,
    created_by: int,
    now: datetime,
    expires_at: datetime,
) -> None:
    """Store a new invite (and drop the expired ones)."""
    async with db.transaction() as tx:
        await tx.execute("DELETE FROM invites WHERE expires_at <= ?", (to_epoch(now),))
        await tx.execute(
            "INSERT INTO invites (token_hash, unit, office, created_by, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_hash(token), unit, office, created_by, to_epoch(now), to_epoch(expires_at)),
        )


async def redeem_invite(
    db: Database, token: str, user_id: int, name: str, lang: str, now: datetime
) -> tuple[Officer, Invite] | None:
    """Use an invite once: register the officer with its scope; None if unknown, used or expired."""
    async with db.transaction() as tx:
        # Deleting first makes the invite one-time even if two people open it at once.
        row = await tx.one(
            "DELETE FROM invites WHERE token_hash = ? "
            "RETURNING unit, office, created_by, expires_at",
            (_hash(token),),
        )
        if row is None or int(row[3]) <= to_epoch(now):
            return None
        invite = Invite(row[0], row[1], int(row[2]), from_epoch(row[3]))
        # A second invite changes the scope; the NRP the officer gave stays.
        kept = await tx.one(
            "INSERT INTO officers "
            "(user_id, name, unit, office, lang, registered_at, invited_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, unit = excluded.unit, "
            "office = excluded.office, lang = excluded.lang, "
            "registered_at = excluded.registered_at, invited_by = excluded.invited_by "
            "RETURNING nrp",
            (user_id, name, invite.unit, invite.office, lang, to_epoch(now), invite.created_by),
        )
    nrp = kept[0] if kept else None
    officer = Officer(user_id, name, invite.unit, invite.office, lang, now, nrp)
    return officer, invite


# Officers of every unit first, then by unit, office and name.
_ROSTER_ORDER = "unit IS NOT NULL, unit, office IS NOT NULL, office, name, user_id"


async def get(db: Database, user_id: int) -> Officer | None:
    """The officer with this Telegram id, if registered."""
    sql = f"SELECT {_COLUMNS} FROM officers WHERE user_id = ?"
    row = await db.point(sql, (user_id,))
    return _officer(row) if row else None


async def all_officers(db: Database) -> list[Officer]:
    """Every registered officer, by unit, office and name."""
    sql = f"SELECT {_COLUMNS} FROM officers ORDER BY {_ROSTER_ORDER}"
    return [_officer(r) for r in await db.rows(sql)]


async def roster_page(db: Database, limit: int, offset: int) -> tuple[list[Officer], int]:
    """A page of the officers in `all_officers` order, and how many there are in all."""
    total = await db.point("SELECT count(*) FROM officers")
    sql = f"SELECT {_COLUMNS} FROM officers ORDER BY {_ROSTER_ORDER} LIMIT ? OFFSET ?"
    page = [_officer(r) for r in await db.few(sql, (limit, offset))]
    return page, int(total[0]) if total else 0


async def covering(db: Database, unit: str, office: str) -> list[Officer]:
    """The officers whose scope includes a unit at an office."""
    sql = (
        f"SELECT {_COLUMNS} FROM officers WHERE (unit IS NULL OR unit = ?) "
        "AND (office IS NULL OR office = ?) ORDER BY user_id"
    )
    return [_officer(r) for r in await db.few(sql, (unit, office))]


async def revoke(db: Database, user_id: int, stop_subscriptions: bool = True) -> bool:
    """Remove an officer and stop the weekly summaries they subscribed; False if none."""
    async with db.transaction() as tx:
        removed = await tx.execute("DELETE FROM officers WHERE user_id = ?", (user_id,)) > 0
        if stop_subscriptions:
            await tx.execute("DELETE FROM subscriptions WHERE subscribed_by = ?", (user_id,))
    return removed


async def count_open_invites(db: Database, now: datetime) -> int:
    """How many invites can still be used."""
    sql = "SELECT count(*) FROM invites WHERE expires_at > ?"
    row = await db.row(sql, (to_epoch(now),))
    return int(row[0]) if row else 0


_INVITE_KEY = f"substr(token_hash, 1, {INVITE_KEY_LENGTH})"
# The order invites were made in, within a second: SQLite's row number; on PostgreSQL the
# transaction that inserted the row (each invite is made in a transaction of its own).
_MADE = {"sqlite": "rowid", "postgres": "xmin::text::bigint"}


async def open_invites(db: Database, now: datetime, limit: int) -> list[OpenInvite]:
    """The invites that can still be used, the soonest to expire first."""
    sql = (
        f"SELECT {_INVITE_KEY}, unit, office, expires_at FROM invites WHERE expires_at > ? "
        f"ORDER BY expires_at, {_MADE[db.dialect]} LIMIT ?"
    )
    rows = await db.few(sql, (to_epoch(now), limit))
    return [OpenInvite(r[0], r[1], r[2], from_epoch(r[3])) for r in rows]


async def open_invite(db: Database, key: str, now: datetime) -> OpenInvite | None:
    """The usable invite with this key, if there still is one."""
    sql = (
        f"SELECT {_INVITE_KEY}, unit, office, expires_at FROM invites "
        f"WHERE {_INVITE_KEY} = ? AND expires_at > ?"
    )
    r = await db.point(sql, (key, to_epoch(now)))
    return None if r is None else OpenInvite(r[0], r[1], r[2], from_epoch(r[3]))


async def cancel_invite(db: Database, key: str) -> bool:
    """Delete an invite, so that its link no longer works; False if it was gone already."""
    return bool(await db.write(f"DELETE FROM invites WHERE {_INVITE_KEY} = ?", (key,)))


async def set_nrp(db: Database, user_id: int, nrp: str) -> bool:
    """Record an officer's NRP; False if they are not a registered officer."""
    return bool(await db.write("UPDATE officers SET nrp = ? WHERE user_id = ?", (nrp, user_id)))
