"""One completed response, and reading it from a row of the project's CSV format."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import TypeVar

from skm.profile import PROFILE_FIELDS, normalize
from skm.questionnaire import ELEMENT_CODES, SCORES

CSV_COLUMNS: tuple[str, ...] = (
    "submitted_at",
    "unit",
    "office",
    *(c.lower() for c in ELEMENT_CODES),
    *(f.key for f in PROFILE_FIELDS),
    "suggestion",
)
CODE_PATTERN = re.compile(r"^[A-Z0-9_]{1,24}$")
SUGGESTION_LIMIT = 1000

T = TypeVar("T")


@dataclass(frozen=True)
class Response:
    """A completed survey: answers by element code, profile by field key, time in UTC."""

    submitted_at: datetime
    unit: str
    office: str
    answers: Mapping[str, int | None]
    profile: Mapping[str, str | None] = field(default_factory=dict)
    suggestion: str | None = None


class RowError(ValueError):
    """A value in a row that cannot be read; names the column."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"column {column}: {message}")
        self.column = column
        self.message = message


def normalize_code(value: str) -> str:
    """A unit or office code as stored: trimmed, upper case, spaces as underscores."""
    code = "_".join(value.strip().upper().replace("-", " ").split())
    if not CODE_PATTERN.match(code):
        raise ValueError(f"{value.strip()!r} is not a code (letters, digits and _, at most 24)")
    return code


def parse_timestamp(value: str, local: tzinfo) -> datetime:
    """An ISO 8601 time as UTC; a time without a zone is taken as local (Jakarta) time."""
    text = value.strip()
    if not text:
        raise ValueError("is empty")
    try:
        moment = datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 time like 2026-11-23 09:30") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local)
    return moment.astimezone(UTC)


def parse_score(value: str) -> int | None:
    """An answer 1-4, or None when blank."""
    text = value.strip()
    if not text:
        return None
    if text.endswith(".0"):  # spreadsheets write whole numbers as 3.0
        text = text[:-2]
    if not text.isdigit() or int(text) not in SCORES:
        raise ValueError(f"{text!r} is not an answer 1-4 (or blank)")
    return int(text)


def parse_row(row: Mapping[str, str], local: tzinfo) -> Response:
    """A Response from one CSV row keyed by lower-case column names; RowError otherwise."""

    def read(column: str, parse: Callable[[str], T]) -> T:
        try:
            return parse(row.get(column, "") or "")
        except ValueError as exc:
            raise RowError(column, str(exc)) from None

    submitted_at = read("submitted_at", lambda v: parse_timestamp(v, local))
    unit = read("unit", normalize_code)
    office = read("office", normalize_code)
    answers = {c: read(c.lower(), parse_score) for c in ELEMENT_CODES}
    if all(v is None for v in answers.values()):
        raise RowError("u1", "every answer u1-u9 is blank")
    profile = {f.key: read(f.key, partial(normalize, f.key)) for f in PROFILE_FIELDS}
    suggestion = (row.get("suggestion") or "").strip()[:SUGGESTION_LIMIT] or None
    return Response(submitted_at, unit, office, answers, profile, suggestion)
