"""Kiosk links: a desk's tablet answers the survey for many citizens until an admin revokes it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database
from storage.responses import from_epoch, to_epoch


@dataclass(frozen=True)
class Kiosk:
    """A kiosk link: its number (to revoke it by), its desk, who made it and when."""

    id: int
    unit: str
    office: str
    created_by: int  # Telegram id of the officer (staff), or 0 from the command line
    created_at: datetime
    revoked_at: datetime | None = None


def _hash(token: str) -> str:
    # Only the hash is stored: reading the database does not give usable kiosk links.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


_COLUMNS = "id, unit, office, created_by, created_at, revoked_at"


def _kiosk(row: Any) -> Kiosk:
    revoked = None if row[5] is None else from_epoch(row[5])
    return Kiosk(int(row[0]), row[1], row[2], int(row[3]), from_epoch(row[4]), revoked)


async def create(
    db: Database, token: str, unit: str, office: str, created_by: int, now: datetime
) -> Kiosk:
    """Store a new kiosk link for a desk; returns it with its number."""
    async with db.atomic() as tx:
        row = await tx.one(
            "INSERT INTO kiosks (token_hash, unit, office, created_by, created_at) "
            f"VALUES (?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            (_hash(token), unit, office, created_by, to_epoch(now)),
        )
    assert row is not None  # an INSERT ... RETURNING returns the row it made
    return _kiosk(row)


async def find(db: Database, token: str) -> Kiosk | None:
    """The kiosk a token opens; None if unknown or revoked."""
    row = await db.point(
        f"SELECT {_COLUMNS} FROM kiosks WHERE token_hash = ? AND revoked_at IS NULL",
        (_hash(token),),
    )
    return None if row is None else _kiosk(row)


async def active(db: Database) -> list[Kiosk]:
    """Every kiosk link not revoked, oldest first."""
    rows = await db.few(f"SELECT {_COLUMNS} FROM kiosks WHERE revoked_at IS NULL ORDER BY id")
    return [_kiosk(r) for r in rows]


async def revoke(db: Database, number: int, now: datetime) -> Kiosk | None:
    """Revoke a kiosk link by its number; the kiosk, or None if unknown or already revoked."""
    async with db.atomic() as tx:
        row = await tx.one(
            "UPDATE kiosks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL "
            f"RETURNING {_COLUMNS}",
            (to_epoch(now), number),
        )
    return None if row is None else _kiosk(row)
