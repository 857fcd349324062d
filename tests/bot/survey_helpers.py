"""Shared steps for the survey's handler tests: a citizen's answers and reading them back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from skm.questionnaire import ELEMENT_CODES
from tests.support.harness import BotHarness

CITIZEN = 5550123
OTHER = 5550456
QR = "/start SKCK-POLRES"

# Labels the citizen presses, in Indonesian, and what they must be stored as.
PROFILE_LABELS = ["Perempuan", "26-35 tahun", "S1", "PNS"]
PROFILE_CODES = {"gender": "P", "age": "26-35", "education": "S1", "occupation": "PNS"}
ELEMENT_LABELS = [
    "Sesuai",
    "Kurang mudah",
    "Sangat cepat",
    "Gratis",
    "Tidak sesuai",
    "Kompeten",
    "Sopan dan ramah",
    "Buruk",
    "Dikelola dengan baik",
]
SCORES = dict(zip(ELEMENT_CODES, [3, 2, 4, 4, 1, 3, 3, 1, 4], strict=True))


async def to_first_question(bot: BotHarness, uid: int = CITIZEN, start: str | None = QR) -> None:
    """Scan the QR code (unless the welcome is already shown) and press the start button."""
    if start is not None:
        await bot.send(uid, start)
    await bot.press(uid, "Mulai survei")


async def to_elements(bot: BotHarness, uid: int = CITIZEN, start: str | None = QR) -> None:
    """Scan, start and give the profile: the survey stands on U1."""
    await to_first_question(bot, uid, start)
    for label in PROFILE_LABELS:
        await bot.press(uid, label)


async def to_suggestion(bot: BotHarness, uid: int = CITIZEN, start: str | None = QR) -> None:
    """Everything up to the optional suggestion."""
    await to_elements(bot, uid, start)
    for label in ELEMENT_LABELS:
        await bot.press(uid, label)


async def to_summary(
    bot: BotHarness, uid: int = CITIZEN, suggestion: str | None = None, start: str | None = QR
) -> None:
    """Everything up to the summary, with or without a typed suggestion."""
    await to_suggestion(bot, uid, start)
    if suggestion is None:
        await bot.press(uid, "Lewati")
    else:
        await bot.send(uid, suggestion)


async def complete(
    bot: BotHarness, uid: int = CITIZEN, suggestion: str | None = None, start: str | None = QR
) -> None:
    """A whole survey, confirmed."""
    await to_summary(bot, uid, suggestion, start)
    await bot.press(uid, "Kirim jawaban")


def rows(db_file: Path, table: str = "responses") -> list[dict[str, Any]]:
    """Every row of a table, read with plain sqlite3 beside the running bot."""
    with closing(sqlite3.connect(db_file)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]


def answers_of(row: dict[str, Any]) -> dict[str, int | None]:
    """A stored response's answers by element code."""
    return {code: row[code.lower()] for code in ELEMENT_CODES}


def age_rows(db_file: Path, table: str, column: str, seconds: int) -> None:
    """Move a table's times into the past, as if that much time had gone by."""
    with closing(sqlite3.connect(db_file)) as conn, conn:
        conn.execute(f"UPDATE {table} SET {column} = {column} - ?", (seconds,))


def db_file(bot: BotHarness) -> Path:
    return Path(bot.settings.skm_database)


def database_bytes(directory: Path) -> bytes:
    """Every byte of the SQLite files (database, WAL and shared memory) in a directory."""
    return b"".join(p.read_bytes() for p in sorted(directory.glob("skm.db*")))
