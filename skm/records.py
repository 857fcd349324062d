"""One completed response, and reading it from a row of the project's CSV format."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import lru_cache

from skm import forms
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
    """An ISO 8601 or Google Forms time as UTC; one without a zone is taken as local time."""
    text = value.strip()
    if not text:
        raise ValueError("is empty")
    try:
        moment = datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        try:
            form = forms.form_time(text, local)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real time ({exc})") from None
        if form is None:
            raise ValueError(
                f"{text!r} is not a time like 2026-11-23 09:30 or 23/11/2026 9:30:00"
            ) from None
        moment = form
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


def parse_answer(element: str, value: str) -> int | None:
    """An element's answer as 1-4 or its label as a form exports it ("Sangat sesuai"), or None."""
    score = forms.score_of_label(element, value)
    if score is not None:
        return score
    try:
        return parse_score(value)
    except ValueError:
        labels = forms.labels(element)
        raise ValueError(
            f"{value.strip()!r} is not an answer 1-4 (or its label: {labels}; or blank)"
        ) from None


def parse_category(field: str, value: str) -> str | None:
    """A profile category code from a code, a usual spelling or the form's label, or None."""
    return forms.category_of_label(field, value) or normalize(field, value)


# A large import repeats the same few codes, answers and categories on every line;
# remembering each one's reading makes parse_row several times faster.
_code = lru_cache(maxsize=1024)(normalize_code)
_score = lru_cache(maxsize=1024)(parse_answer)
_category = lru_cache(maxsize=4096)(parse_category)
_ANSWER_COLUMNS = tuple((c, c.lower()) for c in ELEMENT_CODES)
_PROFILE_KEYS = tuple(f.key for f in PROFILE_FIELDS)


def parse_row(row: Mapping[str, str], local: tzinfo) -> Response:
    """A Response from one CSV row keyed by lower-case column names; RowError otherwise."""
    get = row.get
    column = "submitted_at"  # the column being read, for the error
    try:
        submitted_at = parse_timestamp(get(column) or "", local)
        column = "unit"
        unit = _code(get(column) or "")
        column = "office"
        office = _code(get(column) or "")
        answers: dict[str, int | None] = {}
        for code, column in _ANSWER_COLUMNS:
            answers[code] = _score(code, get(column) or "")
        if all(v is None for v in answers.values()):
            raise RowError("u1", "every answer u1-u9 is blank")
        profile: dict[str, str | None] = {}
        for column in _PROFILE_KEYS:
            profile[column] = _category(column, get(column) or "")
    except RowError:
        raise
    except ValueError as exc:
        raise RowError(column, str(exc)) from None
    suggestion = (get("suggestion") or "").strip()[:SUGGESTION_LIMIT] or None
    return Response(submitted_at, unit, office, answers, profile, suggestion)
