"""Completed responses: storing them, and the aggregates reports are computed from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import aiosqlite

from skm.index import ElementTotals
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, SCORES
from skm.records import Response
from storage.database import Database

Channel = Literal["telegram", "import"]
GroupBy = Literal["unit", "office", "gender", "age", "education", "occupation"]
_GROUPABLE: frozenset[str] = frozenset(("unit", "office", *(f.key for f in PROFILE_FIELDS)))
_ANSWER_COLS = tuple(c.lower() for c in ELEMENT_CODES)
_PROFILE_COLS = tuple(f.key for f in PROFILE_FIELDS)


@dataclass(frozen=True)
class Filter:
    """Which responses a question is about: a time span, some units, one office."""

    start: datetime | None = None
    end: datetime | None = None
    units: Sequence[str] | None = None
    office: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.units is not None:
            parts.append(f"unit IN ({', '.join('?' * len(self.units))})")
            params.extend(self.units)
        if self.start is not None:
            parts.append("submitted_at >= ?")
            params.append(to_epoch(self.start))
        if self.end is not None:
            parts.append("submitted_at < ?")
            params.append(to_epoch(self.end))
        if self.office is not None:
            parts.append("office = ?")
            params.append(self.office)
        return (" AND ".join(parts) or "1"), params


def to_epoch(moment: datetime) -> int:
    """Unix seconds of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("times must carry a time zone")
    return int(moment.timestamp())


def from_epoch(seconds: int) -> datetime:
    """An aware UTC datetime from Unix seconds."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def _row_values(response: Response) -> list[Any]:
    return [
        response.unit,
        response.office,
        to_epoch(response.submitted_at),
        *(response.answers.get(c) for c in ELEMENT_CODES),
        *(response.profile.get(k) for k in _PROFILE_COLS),
        response.suggestion,
    ]


# ON CONFLICT (source_key) skips only a repeated source key; INSERT OR IGNORE would also
# skip rows failing a CHECK (an answer 5) silently and count them as duplicates.
_INSERT = (
    "INSERT INTO responses (unit, office, submitted_at, "
    + ", ".join(_ANSWER_COLS + _PROFILE_COLS)
    + ", suggestion, channel, respondent, source_key, lang) VALUES ("
    + ", ".join("?" * (3 + len(_ANSWER_COLS) + len(_PROFILE_COLS) + 5))
    + ") ON CONFLICT (source_key) DO NOTHING"
)


async def insert_many(
    db: Database, rows: Sequence[tuple[Response, str]], channel: Channel = "import"
) -> int:
    """Store responses with their source keys in one transaction; returns how many were new."""
    async with db.transaction() as conn:
        before = conn.total_changes
        await conn.executemany(
            _INSERT, [[*_row_values(r), channel, None, key, None] for r, key in rows]
        )
        return conn.total_changes - before


async def insert_one(
    conn: aiosqlite.Connection, response: Response, respondent: str, source_key: str, lang: str
) -> bool:
    """Store one survey response inside the caller's transaction; False if already stored."""
    cur = await conn.execute(
        _INSERT, [*_row_values(response), "telegram", respondent, source_key, lang]
    )
    return bool(cur.rowcount)


async def source_key_exists(db: Database, source_key: str) -> bool:
    """Whether a response with this source key is stored."""
    sql = "SELECT 1 FROM responses WHERE source_key = ?"
    async with db.conn.execute(sql, (source_key,)) as cur:
        return await cur.fetchone() is not None


async def stored_lang(db: Database, source_key: str) -> str | None:
    """The language of the response stored under a source key ('' if unknown); None if none."""
    sql = "SELECT coalesce(lang, '') FROM responses WHERE source_key = ?"
    async with db.conn.execute(sql, (source_key,)) as cur:
        row = await cur.fetchone()
    return str(row[0]) if row else None


async def count_since(db: Database, respondent: str, unit: str, since: datetime) -> int:
    """How many responses this pseudonymous citizen gave for the unit since a moment."""
    sql = "SELECT count(*) FROM responses WHERE respondent = ? AND unit = ? AND submitted_at >= ?"
    async with db.conn.execute(sql, (respondent, unit, to_epoch(since))) as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def responded_since(db: Database, respondent: str, unit: str, since: datetime) -> bool:
    """Whether this pseudonymous citizen already answered for the unit since a moment."""
    sql = "SELECT 1 FROM responses WHERE respondent = ? AND unit = ? AND submitted_at >= ?"
    async with db.conn.execute(sql, (respondent, unit, to_epoch(since))) as cur:
        return await cur.fetchone() is not None


_TOTALS_COLS = ", ".join(f"sum({c}), count({c})" for c in _ANSWER_COLS)


def _totals(row: Sequence[Any], offset: int) -> ElementTotals:
    sums = {c: int(row[offset + 1 + 2 * i] or 0) for i, c in enumerate(ELEMENT_CODES)}
    counts = {c: int(row[offset + 2 + 2 * i]) for i, c in enumerate(ELEMENT_CODES)}
    return ElementTotals(int(row[offset]), sums, counts)


async def totals_by(db: Database, group_by: GroupBy, where: Filter) -> dict[str, ElementTotals]:
    """Element sums and counts per group (unit, office or a profile field), computed in SQL."""
    if group_by not in _GROUPABLE:
        raise ValueError(f"cannot group by {group_by!r}")
    condition, params = where.where()
    sql = (
        f"SELECT {group_by}, count(*), {_TOTALS_COLS} FROM responses "
        f"WHERE {condition} GROUP BY {group_by} ORDER BY {group_by}"
    )
    async with db.conn.execute(sql, params) as cur:
        rows = await cur.fetchall()
    return {(row[0] if row[0] is not None else ""): _totals(row, 1) for row in rows}


async def totals(db: Database, where: Filter) -> ElementTotals:
    """Element sums and counts over all matching responses, computed in SQL."""
    condition, params = where.where()
    sql = f"SELECT count(*), {_TOTALS_COLS} FROM responses WHERE {condition}"
    async with db.conn.execute(sql, params) as cur:
        row = await cur.fetchone()
    assert row is not None
    return _totals(row, 0)


async def distribution(db: Database, where: Filter) -> dict[str, dict[int, int]]:
    """How many respondents gave each score to each element, computed in SQL."""
    cols = ", ".join(f"sum({c} = {s})" for c in _ANSWER_COLS for s in SCORES)
    condition, params = where.where()
    async with db.conn.execute(f"SELECT {cols} FROM responses WHERE {condition}", params) as cur:
        row = await cur.fetchone()
    assert row is not None
    n = len(SCORES)
    return {
        code: {s: int(row[i * n + j] or 0) for j, s in enumerate(SCORES)}
        for i, code in enumerate(ELEMENT_CODES)
    }


async def profile_counts(db: Database, where: Filter) -> dict[str, dict[str, int]]:
    """How many respondents fall in each category of each profile field."""
    condition, params = where.where()
    out: dict[str, dict[str, int]] = {}
    for key in _PROFILE_COLS:
        sql = (
            f"SELECT {key}, count(*) FROM responses WHERE {condition} AND {key} IS NOT NULL "
            f"GROUP BY {key}"
        )
        async with db.conn.execute(sql, params) as cur:
            out[key] = {str(r[0]): int(r[1]) for r in await cur.fetchall()}
    return out


async def fetch(db: Database, where: Filter, limit: int | None = None) -> list[Response]:
    """The matching responses themselves, oldest first (for exports and correlations)."""
    condition, params = where.where()
    sql = (
        "SELECT unit, office, submitted_at, "
        + ", ".join(_ANSWER_COLS + _PROFILE_COLS)
        + f", suggestion FROM responses WHERE {condition} ORDER BY submitted_at, id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    async with db.conn.execute(sql, params) as cur:
        rows = await cur.fetchall()
    n = len(_ANSWER_COLS)
    return [
        Response(
            from_epoch(r[2]),
            r[0],
            r[1],
            {c: r[3 + i] for i, c in enumerate(ELEMENT_CODES)},
            {k: r[3 + n + i] for i, k in enumerate(_PROFILE_COLS)},
            r[3 + n + len(_PROFILE_COLS)],
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Suggestion:
    """A citizen's free-text suggestion with where and when it was given."""

    submitted_at: datetime
    unit: str
    office: str
    text: str


async def suggestions(
    db: Database, where: Filter, limit: int = 10, offset: int = 0
) -> tuple[list[Suggestion], int]:
    """The newest suggestions first, one page of them, and how many there are in all."""
    condition, params = where.where()
    base = f"FROM responses WHERE {condition} AND suggestion IS NOT NULL"
    async with db.conn.execute(f"SELECT count(*) {base}", params) as cur:
        row = await cur.fetchone()
    total = int(row[0]) if row else 0
    sql = (
        f"SELECT submitted_at, unit, office, suggestion {base} "
        "ORDER BY submitted_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    async with db.conn.execute(sql, [*params, limit, offset]) as cur:
        rows = await cur.fetchall()
    return [Suggestion(from_epoch(r[0]), r[1], r[2], r[3]) for r in rows], total
