"""The « and » buttons under a list shown a page at a time (/saran, /petugas)."""

from __future__ import annotations

from telegram import InlineKeyboardButton


def paging_row(
    prefix: str, offset: int, page: int, total: int, earlier: str, later: str
) -> list[InlineKeyboardButton]:
    """Buttons to the page before and after the one at `offset`; their data is `prefix:OFFSET`.

    Empty when everything fits on this page.
    """
    row: list[InlineKeyboardButton] = []
    if offset > 0:
        row.append(InlineKeyboardButton(earlier, callback_data=f"{prefix}:{max(0, offset - page)}"))
    if offset + page < total:
        row.append(InlineKeyboardButton(later, callback_data=f"{prefix}:{offset + page}"))
    return row
