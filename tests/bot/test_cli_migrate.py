"""`skm-bot migrate`: a SQLite database copied into an empty PostgreSQL one, all or nothing."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from skm.records import Response
from storage import followups, officers, responses, subscriptions, surveys
from storage.database import Database
from storage.responses import Filter
from tests.support.postgres import fresh_schema_sync

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
ANSWERS = dict.fromkeys(("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"), 2)
TABLES = ("responses", "surveys", "officers", "invites", "subscriptions", "followups")


@pytest.fixture
def url() -> Iterator[str]:
    with fresh_schema_sync() as found:
        yield found


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.delenv("SKM_DATABASE", raising=False)
    return tmp_path


async def _fill(path: Path) -> None:
    """A Polres's file: answers, open surveys, officers, an invite, subscriptions, actions."""
    db = await Database.open(path)
    try:
        rows = [
            (Response(NOW - timedelta(days=d), unit, "POLRES", ANSWERS), f"k{d}{unit}")
            for d in range(40)
            for unit in ("SIM", "SKCK")
        ]
        await responses.insert_many(db, rows)
        await officers.create_invite(db, "t1", "SIM", None, 1, NOW, NOW + timedelta(days=1))
        await officers.redeem_invite(db, "t1", 701, "Sari", "id", NOW)
        await officers.create_invite(db, "t2", None, None, 1, NOW, NOW + timedelta(days=7))
        await subscriptions.subscribe(db, -100123, "SIM", None, "id", 701, NOW)
        survey = await surveys.start(db, "r1", "tok1", "SIM", "POLRES", "id", NOW)
        assert await surveys.finish(db, survey, Response(NOW, "SIM", "POLRES", ANSWERS), True)
        await surveys.start(db, "r2", "tok2", "SKCK", "POLRES", "en", NOW, masked_chat=42)
        await followups.add(
            db, "SIM", None, "U3", "Tambah loket", "Kasat", date(2026, 12, 1), "rencana", 701, NOW
        )
    finally:
        await db.close()


async def _figures(target: str) -> dict[str, object]:
    db = await Database.open(target)
    try:
        out: dict[str, object] = {t: (await db.row(f"SELECT count(*) FROM {t}"))[0] for t in TABLES}
        out["totals"] = await responses.totals_by(db, "unit", Filter())
        out["open"] = await surveys.get(db, "r2")
        out["officer"] = await officers.get(db, 701)
        out["actions"] = await followups.for_units(db, None, None)
        out["alerts"] = (await db.row("SELECT count(*) FROM alert_outbox"))[0]
        return out
    finally:
        await db.close()


def test_migrate_copies_everything_then_refuses_a_second_time(
    workdir: Path, url: str, capsys: pytest.CaptureFixture[str]
):
    source = workdir / "skm.db"
    asyncio.run(_fill(source))
    assert main(["migrate", "--from", str(source), "--to", url]) == 0
    out = capsys.readouterr().out
    assert "  responses: 81 baris" in out
    assert "  surveys: 1 baris" in out
    assert "Selesai: " in out
    before = asyncio.run(_figures(str(source)))
    after = asyncio.run(_figures(url))
    assert after == before
    assert after["responses"] == 81 and after["alerts"] == 1

    assert main(["migrate", "--from", str(source), "--to", url]) == 2
    err = capsys.readouterr().err
    assert "the target database is not empty (" in err and "81 in responses" in err
    assert "nothing was copied" in err
    assert asyncio.run(_figures(url)) == before

    async def one_more() -> int:  # the copied ids go on where the file's stopped
        db = await Database.open(url)
        try:
            survey = await surveys.start(db, "r3", "tok3", "SIM", "POLRES", "id", NOW)
            assert await surveys.finish(db, survey, Response(NOW, "SIM", "POLRES", ANSWERS))
            found = await db.row("SELECT max(id), count(*) FROM responses")
            return int(found[0]) - int(found[1])
        finally:
            await db.close()

    assert asyncio.run(one_more()) == 0


def test_a_failing_copy_leaves_the_target_empty(
    workdir: Path, url: str, capsys: pytest.CaptureFixture[str]
):
    source = workdir / "skm.db"
    asyncio.run(_fill(source))
    with sqlite3.connect(source) as conn:  # text PostgreSQL refuses, in a late table
        conn.execute("UPDATE subscriptions SET lang = 'i' || char(0) || 'd'")
    assert main(["migrate", "--from", str(source), "--to", url]) == 2
    assert "the database cannot be used" in capsys.readouterr().err
    after = asyncio.run(_figures(url))
    assert [after[t] for t in TABLES] == [0] * len(TABLES)


def test_migrate_names_what_is_wrong_with_its_arguments(
    workdir: Path, url: str, capsys: pytest.CaptureFixture[str]
):
    assert main(["migrate", "--from", "missing.db", "--to", url]) == 2
    assert "--from missing.db is not a SQLite file." in capsys.readouterr().err
    assert main(["migrate", "--from", "missing.db", "--to", "other.db"]) == 2
    assert "--to other.db is not a postgresql:// URL." in capsys.readouterr().err
