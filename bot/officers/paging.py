"""The « and » buttons under a list shown a page at a time (/saran, /petugas)."""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardButton


def paging_row(
    data_for: Callable[[int], str], offset: int, page: int, total: int, earlier: str, later: str
) -> list[InlineKeyboardButton]:
    """Buttons to the page before and after the one at `offset`; `data_for(OFFSET)` is their data.

    Empty when everything fits on this page.
    """
    row: list[InlineKeyboardButton] = []
    if offset > 0:
        row.append(InlineKeyboardButton(earlier, callback_data=data_for(max(0, offset - page))))
    if offset + page < total:
        row.append(InlineKeyboardButton(later, callback_data=data_for(offset + page)))
    return row
