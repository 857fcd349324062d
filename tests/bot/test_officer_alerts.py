"""Low-score alerts: the unit's officers hear at once, and never who the citizen is."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime
from pathlib import Path

from bot.context import BotContext
from skm.records import Response
from storage import alerts, surveys
from tests.bot import survey_helpers
from tests.bot.officer_helpers import (
    KOTA_OFFICER,
    SIM_OFFICER,
    SKCK_OFFICER,
    blocking_bot,
    register,
    response,
)
from tests.support.harness import BotHarness

_TOKENS = itertools.count(1)
NOW = datetime(2026, 11, 10, 2, 30, tzinfo=UTC)

LOW = response(
    "331433413",
    office="PS_KOTA",
    suggestion="Petugas <lambat>",
    gender="P",
    age="17-25",
    education="S2",
    occupation="PNS",
)


async def stored(bot: BotHarness, one: Response) -> None:
    """A citizen's response stored as the survey stores it, and the alerts it queued delivered."""
    assert bot.app is not None
    state = bot.app.bot_data
    token = f"t{next(_TOKENS)}"
    survey = await surveys.start(bot.db, f"p-{token}", token, one.unit, one.office, "id", NOW)
    assert await surveys.finish(bot.db, survey, one, alert=state.alert_rule(one))
    context = BotContext(bot.app)
    for listener in state.response_listeners:
        await listener(context, one)
    await delivered(bot)


async def delivered(bot: BotHarness) -> None:
    """Wait until the alert outbox is empty (the delivery job runs beside the handlers)."""
    for _ in range(500):
        if not await alerts.pending(bot.db):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("alerts still waiting after 5 s")


async def officers_of_skck_sim_and_kota(bot: BotHarness) -> None:
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await register(bot, SIM_OFFICER, "SIM", name="Joko")
    await register(bot, KOTA_OFFICER, "PS_KOTA", name="Wati")


async def test_a_score_of_one_alerts_the_officers_of_that_unit_and_office(bot: BotHarness):
    await officers_of_skck_sim_and_kota(bot)
    before = {uid: len(bot.request.messages(uid)) for uid in (SKCK_OFFICER, SIM_OFFICER)}
    await stored(bot, LOW)
    for officer in (SKCK_OFFICER, KOTA_OFFICER):
        text = bot.last(officer).text
        assert text.splitlines()[:3] == [
            "⚠️ <b>Perlu perhatian</b>: Pelayanan SKCK · Polsek Kota",
            "Nilai 1 (terendah) pada: Waktu Penyelesaian (U3), Sarana dan Prasarana (U8)",
            "Saran: “Petugas &lt;lambat&gt;”",
        ]
    assert len(bot.request.messages(SIM_OFFICER)) == before[SIM_OFFICER]
    assert len(bot.request.messages(SKCK_OFFICER)) == before[SKCK_OFFICER] + 1


async def test_the_notice_never_tells_who_answered_or_when(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await stored(bot, LOW)
    text = bot.last(SKCK_OFFICER).text
    for revealing in ("Perempuan", "17-25", "S2", "PNS", "2026", "09:30", "10-11"):
        assert revealing not in text
    assert "Identitas responden dirahasiakan." in text


async def test_a_suggestion_alone_alerts_and_a_good_response_does_not(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    count = len(bot.request.messages(SKCK_OFFICER))
    await stored(bot, response("333333333"))
    assert len(bot.request.messages(SKCK_OFFICER)) == count
    await stored(bot, response("444444444", suggestion="Terima kasih"))
    text = bot.last(SKCK_OFFICER).text
    assert "Saran: “Terima kasih”" in text and "Nilai 1" not in text


async def test_skm_alerts_false_turns_them_off(tmp_path: Path):
    bot = await BotHarness(tmp_path, skm_alerts=False).start()
    try:
        await register(bot, SKCK_OFFICER, "SKCK")
        count = len(bot.request.messages(SKCK_OFFICER))
        await stored(bot, LOW)
        assert len(bot.request.messages(SKCK_OFFICER)) == count
    finally:
        await bot.stop()


async def test_an_officer_who_blocked_the_bot_does_not_stop_the_others(tmp_path: Path):
    bot = await blocking_bot(tmp_path, {SKCK_OFFICER})
    try:
        await officers_of_skck_sim_and_kota(bot)
        await stored(bot, LOW)
        assert "Perlu perhatian" in bot.last(KOTA_OFFICER).text
    finally:
        await bot.stop()


async def test_a_citizens_survey_alerts_the_officer(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await survey_helpers.complete(bot, survey_helpers.CITIZEN, suggestion="Toilet kotor")
    await delivered(bot)
    text = bot.last(SKCK_OFFICER).text
    assert text.startswith("⚠️ <b>Perlu perhatian</b>: Pelayanan SKCK · Polres Contoh")
    assert "Produk Spesifikasi Jenis Pelayanan (U5), Sarana dan Prasarana (U8)" in text
    assert "Saran: “Toilet kotor”" in text
    assert str(survey_helpers.CITIZEN) not in text and "Budi" not in text
