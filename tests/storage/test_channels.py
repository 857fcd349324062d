"""Migration 11: responses from the web survey and a desk's kiosk beside Telegram's."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from skm.records import Response
from storage import surveys
from storage.database import Database
from storage.migrations import MIGRATIONS, script
from storage.sqlite import _statements

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
ANSWERS = {f"U{i}": 1 for i in range(1, 10)}


def version_10_file(path: Path) -> None:
    """A database as the bot left it before migration 11: a response and its alert queued."""
    with sqlite3.connect(path, isolation_level=None) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        for number in range(1, 11):
            for statement in _statements(script(number, "sqlite")):
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 10")
        conn.execute(
            "INSERT INTO responses (unit, office, submitted_at, channel, source_key, u1) "
            "VALUES ('SKCK', 'POLRES', 1, 'telegram', 'old', 1)"
        )
        conn.execute(
            "INSERT INTO alert_outbox (response_id, officer_id, created_at, next_try_at) "
            "VALUES (1, 42, 1, 1)"
        )


async def test_an_old_file_takes_web_and_kiosk_responses_and_keeps_what_it_had(tmp_path: Path):
    path = tmp_path / "old.db"
    version_10_file(path)
    db = await Database.open(path)
    try:
        assert await db.schema_version() == len(MIGRATIONS) >= 11
        for channel in ("web", "kiosk"):
            survey = await surveys.start(
                db, f"p-{channel}", f"t-{channel}", "SKCK", "POLRES", "en", NOW
            )
            response = Response(NOW, "SKCK", "POLRES", ANSWERS)
            assert await surveys.finish(db, survey, response, alert=False, channel=channel)
    finally:
        await db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT channel, lang FROM responses ORDER BY id").fetchall() == [
            ("telegram", None),
            ("web", "en"),
            ("kiosk", "en"),
        ]
        assert conn.execute("SELECT response_id, officer_id FROM alert_outbox").fetchall() == [
            (1, 42)
        ]
        # The daily totals kept counting through the change of the table's text.
        assert conn.execute("SELECT sum(respondents) FROM daily_totals").fetchone() == (3,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(
                "INSERT INTO responses (unit, office, submitted_at, channel) "
                "VALUES ('SKCK', 'POLRES', 1, 'fax')"
            )
