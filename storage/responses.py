"""Completed responses: storing them, and the aggregates reports are computed from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from skm.index import ElementTotals
from skm.interval import IndexMoments
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, SCORES
from skm.records import Response
from storage.database import Database, Tx, among
from storage.migrations import DAY_SECONDS, index_sums

# Where a response came from: a citizen in Telegram, the web survey or a desk's kiosk, or a
# file of earlier responses (migration 11 lets the column hold the web and the kiosk).
Channel = Literal["telegram", "web", "kiosk", "import"]
GroupBy = Literal["unit", "office", "channel", "gender", "age", "education", "occupation"]
_GROUPABLE: frozenset[str] = frozenset(
    ("unit", "office", "channel", *(f.key for f in PROFILE_FIELDS))
)
_ANSWER_COLS = tuple(c.lower() for c in ELEMENT_CODES)
_PROFILE_COLS = tuple(f.key for f in PROFILE_FIELDS)
_DAILY_GROUPS: frozenset[str] = frozenset(("unit", "office"))  # what daily_totals keeps


@dataclass(frozen=True)
class Filter:
    """Which responses a question is about: a time span, some units, one office."""

    start: datetime | None = None
    end: datetime | None = None
    units: Sequence[str] | None = None
    office: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        start = to_epoch(self.start) if self.start is not None else None
        end = to_epoch(self.end) if self.end is not None else None
        return self.between(start, end)

    def between(self, start: int | None, end: int | None) -> tuple[str, list[Any]]:
        """The condition on units and office, over [start, end) in Unix seconds instead."""
        parts, params = self._place()
        if start is not None:
            parts.append("submitted_at >= ?")
            params.append(start)
        if end is not None:
            parts.append("submitted_at < ?")
            params.append(end)
        return (" AND ".join(parts) or "TRUE"), params

    def on_days(self, first: int, last: int | None) -> tuple[str, list[Any]]:
        """The condition on units and office, over whole days of daily_totals [first, last)."""
        parts, params = self._place()
        parts.append("day >= ?")
        params.append(first)
        if last is not None:
            parts.append("day < ?")
            params.append(last)
        return " AND ".join(parts), params

    def _place(self) -> tuple[list[str], list[Any]]:
        parts: list[str] = []
        params: list[Any] = []
        if self.units is not None:
            parts.append(among("unit", len(self.units)))
            params.extend(self.units)
        if self.office is not None:
            parts.append("office = ?")
            params.append(self.office)
        return parts, params


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
    async with db.transaction() as tx:
        # The rows this statement inserted; total_changes would count the triggers' too.
        return await tx.executemany(
            _INSERT, [[*_row_values(r), channel, None, key, None] for r, key in rows]
        )


async def insert_one(
    tx: Tx,
    response: Response,
    respondent: str,
    source_key: str,
    lang: str,
    channel: Channel = "telegram",
) -> int | None:
    """Store one survey response inside the caller's transaction: its id; None if stored before."""
    row = await tx.one(
        f"{_INSERT} RETURNING id",
        [*_row_values(response), channel, respondent, source_key, lang],
    )
    return None if row is None else int(row[0])


async def source_key_exists(db: Database, source_key: str) -> bool:
    """Whether a response with this source key is stored."""
    sql = "SELECT 1 FROM responses WHERE source_key = ?"
    return await db.point(sql, (source_key,)) is not None


async def stored_lang(db: Database, source_key: str) -> str | None:
    """The language of the response stored under a source key ('' if unknown); None if none."""
    sql = "SELECT coalesce(lang, '') FROM responses WHERE source_key = ?"
    row = await db.point(sql, (source_key,))
    return str(row[0]) if row else None


async def count_since(db: Database, respondent: str, unit: str, since: datetime) -> int:
    """How many responses this pseudonymous citizen gave for the unit since a moment."""
    sql = "SELECT count(*) FROM responses WHERE respondent = ? AND unit = ? AND submitted_at >= ?"
    row = await db.point(sql, (respondent, unit, to_epoch(since)))
    return int(row[0]) if row else 0


async def responded_since(db: Database, respondent: str, unit: str, since: datetime) -> bool:
    """Whether this pseudonymous citizen already answered for the unit since a moment."""
    sql = "SELECT 1 FROM responses WHERE respondent = ? AND unit = ? AND submitted_at >= ?"
    return await db.point(sql, (respondent, unit, to_epoch(since))) is not None


# Per group: the element sums and counts, then the respondents' index moments.
_TOTALS_COLS = ", ".join(f"sum({c}), count({c})" for c in _ANSWER_COLS) + ", " + index_sums()
_DAILY_SUMS = (
    ", ".join(f"sum(s{i}), sum(n{i})" for i in range(1, len(_ANSWER_COLS) + 1))
    + ", sum(scored), sum(score_sum), sum(score_squares)"
)


def _totals(row: Sequence[Any], offset: int) -> ElementTotals:
    sums = {c: int(row[offset + 1 + 2 * i] or 0) for i, c in enumerate(ELEMENT_CODES)}
    counts = {c: int(row[offset + 2 + 2 * i] or 0) for i, c in enumerate(ELEMENT_CODES)}
    m = offset + 1 + 2 * len(ELEMENT_CODES)
    moments = IndexMoments(int(row[m] or 0), int(row[m + 1] or 0), int(row[m + 2] or 0))
    return ElementTotals(int(row[offset] or 0), sums, counts, moments)


# No responses at all: every element summed and counted, to nought.
_NONE = ElementTotals(0, dict.fromkeys(ELEMENT_CODES, 0), dict.fromkeys(ELEMENT_CODES, 0))


def whole_days(start: int | None, end: int | None) -> tuple[int, int | None] | None:
    """The whole UTC days [first, last) inside [start, end); None when there is none.

    Day 0 and earlier are left to the responses themselves: SQLite's integer division
    rounds towards zero, so day 0 also holds the seconds just before 1970.
    """
    first = 1 if start is None else max(1, -(-start // DAY_SECONDS))
    last = None if end is None else end // DAY_SECONDS
    if last is not None and last <= first:
        return None
    return first, last


async def _sums(
    db: Database, keys: tuple[str, ...], where: Filter
) -> dict[tuple[str, ...], ElementTotals]:
    """Element sums and counts per group of `keys` (unit, office), from daily totals.

    Whole days come from daily_totals (a row per unit, office and day); only the parts of
    the span that begin or end within a day are read from the responses, through the
    covering index. Each part is aggregated on its own and the parts are added up here.
    """
    groups = ", ".join(keys) or "''"
    # With no keys, all rows are one group; PostgreSQL refuses GROUP BY '', so by position.
    grouped = ", ".join(keys) or "1"
    width = max(1, len(keys))
    start = to_epoch(where.start) if where.start is not None else None
    end = to_epoch(where.end) if where.end is not None else None
    days = whole_days(start, end)
    parts: list[str] = []
    params: list[Any] = []
    spans: list[tuple[int | None, int | None]] = [(start, end)]
    if days is not None:
        first, last = days
        condition, values = where.on_days(first, last)
        parts.append(
            f"SELECT {groups}, sum(respondents), {_DAILY_SUMS} "
            f"FROM daily_totals WHERE {condition} GROUP BY {grouped}"
        )
        params += values
        spans = [(start, first * DAY_SECONDS)]
        if last is not None:
            spans.append((last * DAY_SECONDS, end))
    for low, high in spans:
        if low is not None and high is not None and low >= high:
            continue
        condition, values = where.between(low, high)
        parts.append(
            f"SELECT {groups}, count(*), {_TOTALS_COLS} FROM responses "
            f"WHERE {condition} GROUP BY {grouped}"
        )
        params += values
    out: dict[tuple[str, ...], ElementTotals] = {}
    if not parts:  # an empty span
        return out
    for row in await db.rows(" UNION ALL ".join(parts), params):
        group = tuple(str(v) if v is not None else "" for v in row[:width])
        found = _totals(row, width)
        out[group] = out[group] + found if group in out else found
    return dict(sorted(out.items()))


async def totals_by(db: Database, group_by: GroupBy, where: Filter) -> dict[str, ElementTotals]:
    """Element sums and counts per group (unit, office, channel or a profile field), in SQL."""
    if group_by not in _GROUPABLE:
        raise ValueError(f"cannot group by {group_by!r}")
    if group_by in _DAILY_GROUPS:
        return {key[0]: tot for key, tot in (await _sums(db, (group_by,), where)).items()}
    condition, params = where.where()
    sql = (
        f"SELECT {group_by}, count(*), {_TOTALS_COLS} FROM responses "
        f"WHERE {condition} GROUP BY {group_by} ORDER BY {group_by}"
    )
    rows = await db.rows(sql, params)
    return {(row[0] if row[0] is not None else ""): _totals(row, 1) for row in rows}


async def channels(db: Database, where: Filter) -> list[str]:
    """The channels the matching responses came through, in order (the unit's covering index
    holds the channel: no row is read from the table)."""
    condition, params = where.where()
    rows = await db.rows(
        f"SELECT DISTINCT channel FROM responses WHERE {condition} ORDER BY channel", params
    )
    return [str(row[0]) for row in rows]


async def totals_by_unit_office(db: Database, where: Filter) -> dict[str, dict[str, ElementTotals]]:
    """Element sums and counts per unit, then per office within it, from daily totals."""
    out: dict[str, dict[str, ElementTotals]] = {}
    for (unit, office), tot in (await _sums(db, ("unit", "office"), where)).items():
        out.setdefault(unit, {})[office] = tot
    return out


async def totals(db: Database, where: Filter) -> ElementTotals:
    """Element sums and counts over all matching responses, computed in SQL."""
    return (await _sums(db, (), where)).get(("",), _NONE)


async def distribution(db: Database, where: Filter) -> dict[str, dict[int, int]]:
    """How many respondents gave each score to each element, computed in SQL."""
    cols = ", ".join(f"count(CASE WHEN {c} = {s} THEN 1 END)" for c in _ANSWER_COLS for s in SCORES)
    condition, params = where.where()
    row = await db.row(f"SELECT {cols} FROM responses WHERE {condition}", params)
    assert row is not None
    n = len(SCORES)
    return {
        code: {s: int(row[i * n + j] or 0) for j, s in enumerate(SCORES)}
        for i, code in enumerate(ELEMENT_CODES)
    }


async def profile_counts(db: Database, where: Filter) -> dict[str, dict[str, int]]:
    """How many respondents fall in each category of each profile field."""
    # One pass grouped by all four fields, added up here: a pass per field costs four.
    keys = ", ".join(_PROFILE_COLS)
    condition, params = where.where()
    sql = f"SELECT {keys}, count(*) FROM responses WHERE {condition} GROUP BY {keys}"
    out: dict[str, dict[str, int]] = {key: {} for key in _PROFILE_COLS}
    n = len(_PROFILE_COLS)
    for row in await db.rows(sql, params):
        for key, code in zip(_PROFILE_COLS, row[:n], strict=True):
            if code is not None:
                out[key][str(code)] = out[key].get(str(code), 0) + int(row[n])
    return {key: dict(sorted(counts.items())) for key, counts in out.items()}


async def totals_by_profile(db: Database, where: Filter) -> dict[str, dict[str, ElementTotals]]:
    """Element sums and counts per category of every profile field ("" for blank), one pass."""
    keys = ", ".join(_PROFILE_COLS)
    condition, params = where.where()
    sql = (
        f"SELECT {keys}, count(*), {_TOTALS_COLS} FROM responses WHERE {condition} GROUP BY {keys}"
    )
    out: dict[str, dict[str, ElementTotals]] = {key: {} for key in _PROFILE_COLS}
    n = len(_PROFILE_COLS)
    for row in await db.rows(sql, params):
        totals = _totals(row, n)
        for key, code in zip(_PROFILE_COLS, row[:n], strict=True):
            group = out[key]
            name = str(code) if code is not None else ""
            group[name] = group[name] + totals if name in group else totals
    return {key: dict(sorted(groups.items())) for key, groups in out.items()}


# The columns `response_from` reads, in its order.
RESPONSE_FIELDS = ("unit", "office", "submitted_at", *_ANSWER_COLS, *_PROFILE_COLS, "suggestion")
RESPONSE_COLUMNS = ", ".join(RESPONSE_FIELDS)


def response_from(row: Sequence[Any], offset: int = 0) -> Response:
    """A Response from RESPONSE_COLUMNS, starting at a column of the row."""
    r = row[offset : offset + len(RESPONSE_FIELDS)]
    n = len(_ANSWER_COLS)
    return Response(
        from_epoch(r[2]),
        r[0],
        r[1],
        {c: r[3 + i] for i, c in enumerate(ELEMENT_CODES)},
        {k: r[3 + n + i] for i, k in enumerate(_PROFILE_COLS)},
        r[3 + n + len(_PROFILE_COLS)],
    )


async def fetch(db: Database, where: Filter, limit: int | None = None) -> list[Response]:
    """The matching responses themselves, oldest first (for exports and correlations)."""
    condition, params = where.where()
    sql = f"SELECT {RESPONSE_COLUMNS} FROM responses WHERE {condition} ORDER BY submitted_at, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [response_from(r) for r in await db.rows(sql, params)]


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
    row = await db.row(f"SELECT count(*) {base}", params)
    total = int(row[0]) if row else 0
    sql = (
        f"SELECT submitted_at, unit, office, suggestion {base} "
        "ORDER BY submitted_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    rows = await db.rows(sql, [*params, limit, offset])
    return [Suggestion(from_epoch(r[0]), r[1], r[2], r[3]) for r in rows], total


async def answer_patterns(db: Database, where: Filter) -> list[tuple[tuple[int | None, ...], int]]:
    """How many respondents gave each combination of the nine answers (U1..U9, None blank).

    Correlations need answers per respondent; with four scores there are at most 5^9
    combinations, so this stays small where the rows themselves would not.
    """
    cols = ", ".join(_ANSWER_COLS)
    condition, params = where.where()
    sql = f"SELECT {cols}, count(*) FROM responses WHERE {condition} GROUP BY {cols}"
    n = len(_ANSWER_COLS)
    return [(tuple(r[:n]), int(r[n])) for r in await db.rows(sql, params)]
