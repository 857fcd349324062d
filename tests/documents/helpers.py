"""A known year of responses (363 respondents, five units), and reading a DOCX back."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from bot.cli import main
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response
from storage import responses
from storage.database import Database

JAKARTA = ZoneInfo("Asia/Jakarta")
# Respondents per unit in 2025 (363 in all, as in the Polres Magelang Kota 2024 report).
PER_UNIT = {"SIM": 80, "SKCK": 90, "SPKT": 70, "SATRESKRIM": 65, "SATNARKOBA": 58}
HOSTILE = [
    '=HYPERLINK("http://evil.example","klik")',
    "Antrean\x07 lama\x1b[31m\x00 sekali",
    "<w:p><w:r><w:t>sisipan</w:t></w:r></w:p>",
    "Tolong\u202e lebih cepat",
]
SKCK_SUGGESTION = "Ruang tunggu SKCK panas; tambah kipas"


def _response(rng: random.Random, unit: str, when: datetime, skew: int) -> Response:
    weights = [1, 3, 9 + skew, 7 + skew]
    answers: dict[str, int | None] = {
        c: rng.choices([1, 2, 3, 4], weights)[0] for c in ELEMENT_CODES
    }
    if rng.random() < 0.05:
        answers[rng.choice(ELEMENT_CODES)] = None  # a blank answer counts nowhere
    profile = {
        f.key: rng.choice([*f.codes, None] if f.key == "occupation" else f.codes)
        for f in PROFILE_FIELDS
    }
    office = "PS_KOTA" if unit in ("SKCK", "SPKT") and rng.random() < 0.3 else "POLRES"
    return Response(when.astimezone(UTC), unit, office, answers, profile, None)


def known_year() -> list[Response]:
    """363 responses in 2025, 40 in 2024 (the period before), with suggestions."""
    rng = random.Random(363)
    rows: list[Response] = []
    start = datetime(2025, 1, 1, 8, tzinfo=JAKARTA)
    for skew, (unit, count) in enumerate(PER_UNIT.items()):
        for i in range(count):
            rows.append(_response(rng, unit, start + timedelta(days=i * 4, hours=i % 7), skew))
    for i in range(40):
        when = datetime(2024, 3, 1, 9, tzinfo=JAKARTA) + timedelta(days=i * 7)
        rows.append(_response(rng, ("SIM", "SKCK")[i % 2], when, 0))
    skck = [i for i, r in enumerate(rows) if r.unit == "SKCK" and r.submitted_at.year == 2025]
    texts = [SKCK_SUGGESTION, *HOSTILE]
    for index, text in zip(skck[-len(texts) :], texts, strict=True):
        r = rows[index]
        rows[index] = Response(r.submitted_at, r.unit, r.office, r.answers, r.profile, text)
    return rows


async def _seed(path: Path, rows: list[Response]) -> None:
    db = await Database.open(path)
    try:
        await responses.insert_many(db, [(r, f"doc:{i}") for i, r in enumerate(rows)])
    finally:
        await db.close()


def seed(path: Path, rows: list[Response]) -> None:
    """A database file holding the rows."""
    asyncio.run(_seed(path, rows))


def cli(*args: str) -> tuple[int, str, str]:
    """Run `skm-bot` in-process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def report_json(db: Path, period: str, *more: str) -> dict[str, Any]:
    """`skm-bot report --json` for the same data."""
    code, out, err = cli("report", "--json", "--db", str(db), "--period", period, *more)
    assert code == 0, err
    return dict(json.loads(out))


def blocks(path: Path) -> list[Paragraph | Table]:
    """The document's paragraphs and tables in reading order."""
    document: Document = docx.Document(str(path))
    return list(document.iter_inner_content())


def texts(path: Path) -> list[str]:
    """Every paragraph's text, in order (tables left out)."""
    return [b.text for b in blocks(path) if isinstance(b, Paragraph)]


def rows(table: Table) -> list[list[str]]:
    """A table's cells as text."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def after(path: Path, start: str) -> Iterator[Paragraph | Table]:
    """The blocks after the first paragraph that begins with `start`."""
    found = False
    for block in blocks(path):
        if found:
            yield block
        elif isinstance(block, Paragraph) and block.text.startswith(start):
            found = True
    assert found, f"no paragraph starting {start!r}"


def next_table(path: Path, start: str) -> list[list[str]]:
    """The first table after the paragraph that begins with `start`."""
    for block in after(path, start):
        if isinstance(block, Table):
            return rows(block)
    raise AssertionError(f"no table after {start!r}")
