"""An export of many rows is built in a worker: citizens are answered while it is made."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from service.i18n import t
from tests.bot.officer_helpers import SKCK_Q4, seed
from tests.bot.survey_helpers import CITIZEN, QR
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.slow_telegram import SlowRequest, enqueue, settle

ROWS = 20_000


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    harness = BotHarness(tmp_path)
    harness.request = SlowRequest(delay=0.001)
    await harness.start()
    yield harness
    await harness.stop()


async def test_a_citizen_is_answered_while_an_export_is_built(bot: BotHarness):
    assert bot.app is not None
    base = SKCK_Q4[0]
    many = [
        replace(base, submitted_at=base.submitted_at + timedelta(seconds=i)) for i in range(ROWS)
    ]
    await seed(bot, many, "bulk")
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)

    await enqueue(bot.app, bot.updates.text(ADMIN_ID, "/ekspor 2026-Q4"))
    start = bot.last(CITIZEN)
    await enqueue(bot.app, bot.updates.press(CITIZEN, start, start.callback_for("Mulai survei")))
    # The citizen's next step shows while the export is still being built...
    for _ in range(2000):
        if "Perempuan" in bot.last(CITIZEN).button_texts():
            break
        await asyncio.sleep(0.005)
    assert "Perempuan" in bot.last(CITIZEN).button_texts()
    assert not [m for m in bot.request.messages(ADMIN_ID) if m.kind == "document"]
    # ...and the officer gets the whole file afterwards.
    await settle(bot.app)
    preparing, shown = bot.request.messages(ADMIN_ID)
    assert preparing.text == t("id", "officer.export_preparing")
    assert shown.kind == "document" and shown.file is not None
    book = load_workbook(io.BytesIO(shown.file), read_only=True)
    assert book.worksheets[0].max_row == 1 + ROWS
