"""The alert outbox: alerts written with their response, then claimed, sent and marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from skm.records import Response
from storage.database import Database, Tx, among
from storage.responses import RESPONSE_FIELDS, response_from, to_epoch


@dataclass(frozen=True)
class PendingAlert:
    """The alerts due to one officer about one unit, told in one message.

    The outbox keeps a row per response and officer; the rows of an (officer, unit) are
    claimed, sent and marked together, so the officer hears of a unit at most once a window.
    """

    ids: tuple[int, ...]
    officer_id: int
    lang: str
    unit: str
    attempts: int  # the most failed sends of any of them
    responses: tuple[Response, ...]


async def enqueue(tx: Tx, response_id: int, unit: str, office: str, now: datetime) -> int:
    """Queue an alert for every officer whose scope covers the response; returns how many.

    Runs inside the caller's transaction, the one that stores the response: either both
    are kept or neither.
    """
    at = to_epoch(now)
    return await tx.execute(
        "INSERT INTO alert_outbox (response_id, officer_id, created_at, next_try_at) "
        "SELECT CAST(? AS INTEGER), user_id, CAST(? AS INTEGER), CAST(? AS INTEGER) "
        "FROM officers WHERE (unit IS NULL OR unit = ?) AND (office IS NULL OR office = ?)",
        (response_id, at, at, unit, office),
    )


def _due(a: str) -> str:
    """The condition on outbox rows (alias `a`) that are due and held by no sender."""
    return (
        f"{a}.delivered_at IS NULL AND {a}.given_up IS NULL AND {a}.next_try_at <= :now "
        f"AND ({a}.claimed_until IS NULL OR {a}.claimed_until <= :now)"
    )


# The (officer, unit) pairs with alerts due, and none sent (or being sent) within the window.
_DUE_GROUPS = f"""
SELECT a.officer_id, r.unit FROM alert_outbox a JOIN responses r ON r.id = a.response_id
WHERE {_due("a")} AND NOT EXISTS (
    SELECT 1 FROM alert_outbox d JOIN responses rd ON rd.id = d.response_id
    WHERE d.officer_id = a.officer_id AND rd.unit = r.unit
        AND (d.delivered_at > :since OR (d.delivered_at IS NULL AND d.claimed_until > :now))
)
GROUP BY a.officer_id, r.unit ORDER BY min(a.id) LIMIT :limit
"""

_CLAIM = f"""
UPDATE alert_outbox SET claimed_until = :until WHERE id IN (
    SELECT a.id FROM alert_outbox a JOIN responses r ON r.id = a.response_id
    WHERE {_due("a")} AND (a.officer_id, r.unit) IN ({_DUE_GROUPS})
) RETURNING id
"""


async def claim(
    db: Database, now: datetime, lease: timedelta, window: timedelta, limit: int
) -> list[PendingAlert]:
    """Take the due alerts of up to `limit` (officer, unit) pairs for `lease`, oldest first.

    A pair is due only when its officer was told nothing about the unit within `window`
    (and no other sender holds some of its alerts), so that alerts come at most once a
    window per unit. A sender that dies holding some lets them go when the lease ends; one
    that lives marks them all delivered, failed or given up.
    """
    at = to_epoch(now)
    params = {
        "now": at,
        "until": at + int(lease.total_seconds()),
        "since": at - int(window.total_seconds()),
        "limit": limit,
    }
    async with db.atomic() as tx:
        # Senders in other processes take turns: each alert is claimed by one of them.
        await tx.lock("skm:alert_outbox")
        claimed = await tx.all(_CLAIM, params)
    if not claimed:
        return []
    ids = [int(r[0]) for r in claimed]
    # The officer's language now; an officer revoked since has no row and is given up.
    rows = await db.few(
        f"SELECT a.id, a.officer_id, coalesce(o.lang, ''), a.attempts, {_prefixed('r')} "
        "FROM alert_outbox a JOIN responses r ON r.id = a.response_id "
        "LEFT JOIN officers o ON o.user_id = a.officer_id "
        f"WHERE {among('a.id', len(ids))} ORDER BY a.id",
        ids,
    )
    groups: dict[tuple[int, str], list[Any]] = {}
    for r in rows:
        response = response_from(r, 4)
        groups.setdefault((int(r[1]), response.unit), []).append((r, response))
    return [
        PendingAlert(
            tuple(int(r[0]) for r, _ in members),
            officer,
            members[0][0][2],
            unit,
            max(int(r[3]) for r, _ in members),
            tuple(resp for _, resp in members),
        )
        for (officer, unit), members in groups.items()
    ]


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in RESPONSE_FIELDS)


def _in(ids: Sequence[int]) -> str:
    return among("id", len(ids))


async def delivered(db: Database, ids: Sequence[int], now: datetime) -> None:
    """Mark alerts sent (all of one message at once): they are never sent again."""
    await db.write(
        f"UPDATE alert_outbox SET delivered_at = ?, claimed_until = NULL WHERE {_in(ids)}",
        (to_epoch(now), *ids),
    )


async def retry_at(db: Database, ids: Sequence[int], when: datetime, failed: bool = True) -> None:
    """Let alerts go until a later moment; a failed send counts as an attempt."""
    await db.write(
        "UPDATE alert_outbox SET next_try_at = ?, claimed_until = NULL, "
        f"attempts = attempts + ? WHERE {_in(ids)}",
        (to_epoch(when), int(failed), *ids),
    )


async def give_up(db: Database, ids: Sequence[int], why: str) -> None:
    """Never send these alerts (their officer is gone or blocked the bot); the reason is kept."""
    await db.write(
        f"UPDATE alert_outbox SET given_up = ?, claimed_until = NULL WHERE {_in(ids)}",
        (why, *ids),
    )


async def pending(db: Database) -> int:
    """How many alerts are still to be sent (claimed or not)."""
    row = await db.point(
        "SELECT count(*) FROM alert_outbox WHERE delivered_at IS NULL AND given_up IS NULL"
    )
    return int(row[0]) if row else 0
