"""The alert outbox: alerts written with their response, then claimed, sent and marked."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from skm.records import Response
from storage.database import Database
from storage.responses import RESPONSE_FIELDS, response_from, to_epoch


@dataclass(frozen=True)
class PendingAlert:
    """One alert due to one officer: what to tell (the response) and in which language."""

    id: int
    officer_id: int
    lang: str
    attempts: int
    response: Response


def enqueue(
    conn: sqlite3.Connection, response_id: int, unit: str, office: str, now: datetime
) -> int:
    """Queue an alert for every officer whose scope covers the response; returns how many.

    Runs inside the caller's transaction, the one that stores the response: either both
    are kept or neither.
    """
    at = to_epoch(now)
    cur = conn.execute(
        "INSERT INTO alert_outbox (response_id, officer_id, created_at, next_try_at) "
        "SELECT ?, user_id, ?, ? FROM officers "
        "WHERE (unit IS NULL OR unit = ?) AND (office IS NULL OR office = ?)",
        (response_id, at, at, unit, office),
    )
    return int(cur.rowcount)


_DUE = (
    "delivered_at IS NULL AND given_up IS NULL AND next_try_at <= :now "
    "AND (claimed_until IS NULL OR claimed_until <= :now)"
)


async def claim(db: Database, now: datetime, lease: timedelta, limit: int) -> list[PendingAlert]:
    """Take up to `limit` due alerts, oldest first, for `lease`: no other sender sees them.

    A sender that dies holding some lets them go when the lease ends, so they are sent
    again; one that lives marks each one delivered, failed or given up.
    """
    at = to_epoch(now)
    async with db.atomic() as conn:
        claimed = conn.execute(
            f"UPDATE alert_outbox SET claimed_until = :until WHERE id IN ("
            f"SELECT id FROM alert_outbox WHERE {_DUE} ORDER BY id LIMIT :limit) RETURNING id",
            {"now": at, "until": at + int(lease.total_seconds()), "limit": limit},
        ).fetchall()
    if not claimed:
        return []
    ids = [int(r[0]) for r in claimed]
    # The officer's language now; an officer revoked since has no row and is given up below.
    rows = await db.few(
        f"SELECT a.id, a.officer_id, coalesce(o.lang, ''), a.attempts, {_prefixed('r')} "
        "FROM alert_outbox a JOIN responses r ON r.id = a.response_id "
        "LEFT JOIN officers o ON o.user_id = a.officer_id "
        f"WHERE a.id IN ({', '.join('?' * len(ids))}) ORDER BY a.id",
        ids,
    )
    return [PendingAlert(int(r[0]), int(r[1]), r[2], int(r[3]), response_from(r, 4)) for r in rows]


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in RESPONSE_FIELDS)


async def delivered(db: Database, alert_id: int, now: datetime) -> None:
    """Mark an alert sent: it is never sent again."""
    await db.write(
        "UPDATE alert_outbox SET delivered_at = ?, claimed_until = NULL WHERE id = ?",
        (to_epoch(now), alert_id),
    )


async def retry_at(db: Database, alert_id: int, when: datetime, failed: bool = True) -> None:
    """Let an alert go until a later moment; a failed send counts as an attempt."""
    await db.write(
        "UPDATE alert_outbox SET next_try_at = ?, claimed_until = NULL, "
        "attempts = attempts + ? WHERE id = ?",
        (to_epoch(when), int(failed), alert_id),
    )


async def give_up(db: Database, alert_id: int, why: str) -> None:
    """Never send an alert (its officer is gone or blocked the bot); the reason is kept."""
    await db.write(
        "UPDATE alert_outbox SET given_up = ?, claimed_until = NULL WHERE id = ?",
        (why, alert_id),
    )


async def pending(db: Database) -> int:
    """How many alerts are still to be sent (claimed or not)."""
    row = await db.point(
        "SELECT count(*) FROM alert_outbox WHERE delivered_at IS NULL AND given_up IS NULL"
    )
    return int(row[0]) if row else 0
