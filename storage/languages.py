"""The survey language each citizen chose, kept by pseudonym for their later surveys."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.responses import to_epoch


async def get(db: Database, respondent: str) -> str | None:
    """The language the citizen last chose, if any."""
    row = await db.point("SELECT lang FROM citizen_langs WHERE respondent = ?", (respondent,))
    return None if row is None else str(row[0])


async def remember(db: Database, respondent: str, lang: str, now: datetime) -> None:
    """Keep the citizen's language for their next survey (replacing an earlier choice)."""
    await db.write(
        "INSERT INTO citizen_langs (respondent, lang, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (respondent) DO UPDATE SET lang = excluded.lang, "
        "updated_at = excluded.updated_at",
        (respondent, lang, to_epoch(now)),
    )
