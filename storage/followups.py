"""The follow-up plan's actions, and each officer's open dialogue (a draft) that edits them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from skm.followup import STATUSES, Status, as_status
from storage.database import Database, among
from storage.responses import from_epoch, to_epoch


@dataclass(frozen=True)
class FollowUp:
    """One action on a unit's element: what, who is responsible, by when, how far; who wrote it."""

    id: int
    unit: str
    office: str | None
    element: str
    action: str
    responsible: str
    due: date
    status: Status
    created_by: int
    created_at: datetime
    updated_by: int
    updated_at: datetime


@dataclass(frozen=True)
class Draft:
    """An officer's dialogue in progress: which action (None: a new one) and what is awaited."""

    officer_id: int
    nonce: int
    followup_id: int | None
    unit: str
    office: str | None
    period: str | None
    step: str
    element: str | None = None
    action: str | None = None
    responsible: str | None = None
    due: date | None = None
    updated_at: datetime | None = None


_COLUMNS = (
    "id, unit, office, element, action, responsible, due, status, "
    "created_by, created_at, updated_by, updated_at"
)
_DRAFT_COLUMNS = (
    "officer_id, nonce, followup_id, unit, office, period, step, element, action, "
    "responsible, due, updated_at"
)
_DRAFT_REPLACE = ", ".join(f"{c} = excluded.{c}" for c in _DRAFT_COLUMNS.split(", ")[1:])
# Open actions first, the nearest deadline first; then the rest.
_ORDER = "unit, status = 'selesai', due, id"


def _status(value: str) -> Status:
    status = as_status(value)
    if status is None:  # the table's CHECK allows no other value
        raise ValueError(f"unknown follow-up status {value!r}")
    return status


def _followup(row: Any) -> FollowUp:
    return FollowUp(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        date.fromisoformat(row[6]),
        _status(row[7]),
        int(row[8]),
        from_epoch(row[9]),
        int(row[10]),
        from_epoch(row[11]),
    )


def _draft(row: Any) -> Draft:
    return Draft(
        int(row[0]),
        int(row[1]),
        None if row[2] is None else int(row[2]),
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        None if row[10] is None else date.fromisoformat(row[10]),
        from_epoch(row[11]),
    )


def _where(units: Sequence[str] | None, office: str | None) -> tuple[str, list[Any]]:
    """Actions of some units (None: all) at an office: its own and the unit-wide ones."""
    clauses: list[str] = []
    params: list[Any] = []
    if units is not None:
        clauses.append(among("unit", len(units)))
        params += list(units)
    if office is not None:
        clauses.append("(office IS NULL OR office = ?)")
        params.append(office)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


async def add(
    db: Database,
    unit: str,
    office: str | None,
    element: str,
    action: str,
    responsible: str,
    due: date,
    status: Status,
    by: int,
    now: datetime,
) -> FollowUp:
    """Store a new action and close the writer's dialogue, in one transaction."""
    moment = to_epoch(now)
    async with db.atomic() as tx:
        row = await tx.one(
            "INSERT INTO followups (unit, office, element, action, responsible, due, status, "
            "created_by, created_at, updated_by, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [unit, office, element, action, responsible, due.isoformat(), status]
            + [by, moment] * 2,
        )
        assert row is not None  # RETURNING gives the new row's id
        new_id = int(row[0])
        await tx.execute("DELETE FROM followup_drafts WHERE officer_id = ?", (by,))
    found = await get(db, new_id)
    assert found is not None  # just written, in this process
    return found


async def get(db: Database, followup_id: int) -> FollowUp | None:
    """One action by its number, if it exists."""
    row = await db.point(f"SELECT {_COLUMNS} FROM followups WHERE id = ?", (followup_id,))
    return _followup(row) if row else None


async def change(
    db: Database,
    followup_id: int,
    by: int,
    now: datetime,
    *,
    action: str | None = None,
    responsible: str | None = None,
    due: date | None = None,
    status: Status | None = None,
) -> FollowUp | None:
    """Change some fields of an action and close the writer's dialogue; None if it is gone."""
    values: dict[str, Any] = {
        "action": action,
        "responsible": responsible,
        "due": due.isoformat() if due else None,
        "status": status,
    }
    sets = [f"{name} = ?" for name, value in values.items() if value is not None]
    params = [value for value in values.values() if value is not None]
    async with db.atomic() as tx:
        changed = await tx.execute(
            f"UPDATE followups SET {', '.join([*sets, 'updated_by = ?', 'updated_at = ?'])} "
            "WHERE id = ?",
            (*params, by, to_epoch(now), followup_id),
        )
        await tx.execute("DELETE FROM followup_drafts WHERE officer_id = ?", (by,))
    return await get(db, followup_id) if changed else None


async def delete(db: Database, followup_id: int) -> bool:
    """Delete an action (and any dialogue editing it); False if it was gone already."""
    return bool(await db.write("DELETE FROM followups WHERE id = ?", (followup_id,)))


async def for_units(
    db: Database,
    units: Sequence[str] | None,
    office: str | None,
    statuses: Sequence[Status] = STATUSES,
) -> list[FollowUp]:
    """The actions of some units (None: all) at an office (None: all), open ones first."""
    where, params = _where(units, office)
    wanted = among("status", len(statuses))
    where = f"{where} AND {wanted}" if where else f" WHERE {wanted}"
    sql = f"SELECT {_COLUMNS} FROM followups{where} ORDER BY {_ORDER}"
    return [_followup(r) for r in await db.rows(sql, [*params, *statuses])]


async def open_due_by(
    db: Database, units: Sequence[str] | None, office: str | None, last_day: date
) -> list[FollowUp]:
    """Actions not done whose deadline is on or before a day (overdue ones included)."""
    where, params = _where(units, office)
    extra = "status != 'selesai' AND due <= ?"
    where = f"{where} AND {extra}" if where else f" WHERE {extra}"
    sql = f"SELECT {_COLUMNS} FROM followups{where} ORDER BY due, unit, id"
    return [_followup(r) for r in await db.rows(sql, [*params, last_day.isoformat()])]


async def save_draft(db: Database, draft: Draft, now: datetime) -> None:
    """Open or move on an officer's dialogue (one per officer: a new one replaces the old)."""
    await db.write(
        f"INSERT INTO followup_drafts ({_DRAFT_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        f"ON CONFLICT (officer_id) DO UPDATE SET {_DRAFT_REPLACE}",
        (
            draft.officer_id,
            draft.nonce,
            draft.followup_id,
            draft.unit,
            draft.office,
            draft.period,
            draft.step,
            draft.element,
            draft.action,
            draft.responsible,
            draft.due.isoformat() if draft.due else None,
            to_epoch(now),
        ),
    )


async def get_draft(db: Database, officer_id: int) -> Draft | None:
    """The officer's open dialogue, if any."""
    sql = f"SELECT {_DRAFT_COLUMNS} FROM followup_drafts WHERE officer_id = ?"
    row = await db.point(sql, (officer_id,))
    return _draft(row) if row else None


async def drop_draft(db: Database, officer_id: int) -> bool:
    """Close an officer's dialogue without saving; False if none was open."""
    sql = "DELETE FROM followup_drafts WHERE officer_id = ?"
    return bool(await db.write(sql, (officer_id,)))
