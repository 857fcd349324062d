"""The follow-up plan (Rencana Tindak Lanjut): statuses, deadlines, officers' text made plain."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Literal

Status = Literal["rencana", "berjalan", "selesai"]
STATUSES: tuple[Status, ...] = ("rencana", "berjalan", "selesai")
# What a citizen may read on the poster: actions done or under way, never mere plans.
PUBLISHED: tuple[Status, ...] = ("selesai", "berjalan")

MAX_TEXT = 500  # characters of an action or a person responsible
DUE_PRESETS = (7, 14, 30)  # days ahead offered as buttons
MAX_AHEAD_DAYS = 730  # a deadline at most two years ahead

_DATE = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
# Bidi overrides and isolates can make a line read backwards; U+FFFE/FFFF are no characters.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


class FollowUpInputError(ValueError):
    """Typed input that cannot be taken; `reason` names what is wrong (a catalogue key's tail)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def as_status(value: str) -> Status | None:
    """The status a word names, or None."""
    for status in STATUSES:
        if value == status:
            return status
    return None


def clean_text(text: str) -> str:
    """Typed text as one plain line: no control or invisible characters, at most MAX_TEXT.

    FollowUpInputError("empty") when nothing is left, ("long") when it is too long.
    """
    kept = "".join(
        " " if unicodedata.category(c) == "Cc" else c
        for c in text
        if unicodedata.category(c) != "Cs"  # lone surrogates cannot be stored or printed
    )
    line = _SPACES.sub(" ", _INVISIBLE.sub("", kept)).strip()
    if not line:
        raise FollowUpInputError("empty")
    if len(line) > MAX_TEXT:
        raise FollowUpInputError("long")
    return line


def check_due(day: date, today: date) -> date:
    """A deadline if it is today or later and at most two years ahead; else FollowUpInputError."""
    if day < today:
        raise FollowUpInputError("past")
    if day > today + timedelta(days=MAX_AHEAD_DAYS):
        raise FollowUpInputError("far")
    return day


def parse_due(text: str, today: date) -> date:
    """A deadline typed as DD-MM-YYYY (or with / or .), checked against today."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        raise FollowUpInputError("format")
    try:
        day = date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        raise FollowUpInputError("no_such_day") from None
    return check_due(day, today)


def due_in(days: int, today: date) -> date:
    """The deadline a preset button gives: today plus a number of days."""
    return check_due(today + timedelta(days=days), today)


# The dialogue that adds an action asks these in turn; editing asks one typed field.
Step = Literal["element", "action", "responsible", "due", "status"]
STEPS: tuple[Step, ...] = ("element", "action", "responsible", "due", "status")
TYPED: tuple[Step, ...] = ("action", "responsible", "due")  # answered by typing (due: or buttons)


def as_step(value: str) -> Step | None:
    """The step a word names, or None."""
    for step in STEPS:
        if value == step:
            return step
    return None


def next_step(step: Step) -> Step | None:
    """The step after this one in a new action's dialogue; None after the last."""
    at = STEPS.index(step)
    return STEPS[at + 1] if at + 1 < len(STEPS) else None
