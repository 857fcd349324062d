"""The survey end to end through the real Application, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from service.privacy import pseudonym
from tests.bot.officer_helpers import SKCK_OFFICER, register
from tests.bot.survey_helpers import CITIZEN, PROFILE_CODES, QR, SCORES, answers_of, complete
from tests.bot.test_officer_export import export
from tests.support.harness import ADMIN_ID, TEST_SECRET, BotHarness
from tests.support.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgres"])
async def bot(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[BotHarness]:
    """A started bot on a fresh SQLite file, or on a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        harness = await BotHarness(tmp_path).start()
        yield harness
        await harness.stop()
        return
    async with fresh_schema() as url:
        harness = await BotHarness(tmp_path, skm_database=url).start()
        try:
            yield harness
        finally:
            await harness.stop()


async def test_a_survey_is_stored_once_counted_limited_and_reported(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await complete(bot, suggestion="Ruang tunggu kurang kursi.")
    assert bot.last(CITIZEN).text.startswith("Terima kasih!")

    [row] = [dict(r) for r in await bot.db.rows("SELECT * FROM responses")]
    assert (row["unit"], row["office"], row["channel"], row["lang"]) == (
        "SKCK", "POLRES", "telegram", "id"
    )  # fmt: skip
    assert answers_of(row) == SCORES
    assert {key: row[key] for key in PROFILE_CODES} == PROFILE_CODES
    assert row["suggestion"] == "Ruang tunggu kurang kursi."
    assert row["respondent"] == pseudonym(TEST_SECRET.encode(), CITIZEN)
    assert await bot.db.rows("SELECT * FROM surveys") == []

    # The daily limit: the same citizen, the same unit, the same day.
    await bot.send(CITIZEN, QR)
    assert "sudah mengisi survei untuk" in bot.last(CITIZEN).text
    assert len(await bot.db.rows("SELECT * FROM responses")) == 1

    # An officer's figures and the suggestion, read back through the commands.
    await bot.send(SKCK_OFFICER, "/ikm SKCK")
    shown = bot.last(SKCK_OFFICER).text.splitlines()
    assert shown[0] == "<b>Pelayanan SKCK</b> (SKCK) · semua kantor"
    assert "Responden: 1" in shown
    await bot.send(ADMIN_ID, "/saran")
    assert "Ruang tunggu kurang kursi." in bot.last(ADMIN_ID).text

    # The export, built in a worker process that opens the database on its own.
    book = await export(bot, ADMIN_ID, "/ekspor")
    cells = {
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    }
    assert "Ruang tunggu kurang kursi." in cells
