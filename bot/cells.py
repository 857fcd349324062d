"""Values as spreadsheet cells: text from citizens, officers or imports never runs as a formula.

Every file the bot writes for a spreadsheet goes through here: CSV cells through
`csv_cell`, XLSX workbooks through `WORKBOOK_OPTIONS` and `write_cells`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from documents.plain import INVISIBLE

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's
# CSV-injection rule): = + - @, and a tab or carriage return before any of them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"

# xlsxwriter guesses by default: "=..." becomes a formula, "http://..." a live link and,
# with strings_to_numbers, "007" a number. Text stays text here.
WORKBOOK_OPTIONS: dict[str, bool] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def csv_cell(value: object) -> str:
    """A value as a CSV cell: blank for None, text that would start a formula quoted with '.

    Bidi overrides and isolates go (as from the report document): in a cell they make a
    citizen's words, or the cells beside them, read backwards.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        value = INVISIBLE.sub("", value)
        return _QUOTE + value if value.startswith(FORMULA_STARTS) else value
    return str(value)


def from_csv_cell(text: str) -> str:
    """The value `csv_cell` wrote: a ' that it put before a formula's first character removed."""
    if text.startswith(_QUOTE) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_cells(sheet: Any, row: int, values: Iterable[object], fmt: Any = None) -> None:
    """One row of an xlsxwriter sheet: text as text (never a formula or a link), numbers and
    times as such (a time naive, in local time, shown in its column's date format)."""
    for column, value in enumerate(values):
        if value is None or value == "":
            continue  # an empty cell, as xlsxwriter's own write() leaves it
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value, fmt)
        elif isinstance(value, date):  # a real date (or time) cell; its column's format shows it
            sheet.write_datetime(row, column, value, fmt)
        elif isinstance(value, int | float):
            sheet.write_number(row, column, value, fmt)
        else:
            sheet.write_string(row, column, INVISIBLE.sub("", str(value)), fmt)
