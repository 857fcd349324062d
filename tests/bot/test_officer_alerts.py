"""Low-score alerts: the unit's officers hear of them at most hourly, never who answered."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.context import BotContext
from bot.officers import outbox
from service.listeners import StoredResponse, notify
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
    alert = state.alert_rule(one)
    row = await surveys.finish_stored(bot.db, survey, one, alert=alert)
    assert row is not None
    await notify(state.response_listeners, StoredResponse(row, one, "telegram", "id", alert))
    await delivered(bot)


async def stored_only(bot: BotHarness, one: Response) -> None:
    """A citizen's response stored as the survey stores it, its alerts queued, not sent."""
    assert bot.app is not None
    token = f"t{next(_TOKENS)}"
    survey = await surveys.start(bot.db, f"p-{token}", token, one.unit, one.office, "id", NOW)
    assert await surveys.finish(bot.db, survey, one, alert=bot.app.bot_data.alert_rule(one))


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
        assert text.splitlines()[:4] == [
            "⚠️ <b>Perlu perhatian</b>: Pelayanan SKCK",
            "1 respons memberi nilai 1 (terendah).",
            "Nilai 1 pada: Waktu Penyelesaian (U3) 1x, Sarana dan Prasarana (U8) 1x",
            "Kantor: Polsek Kota",
        ]
    assert len(bot.request.messages(SIM_OFFICER)) == before[SIM_OFFICER]
    assert len(bot.request.messages(SKCK_OFFICER)) == before[SKCK_OFFICER] + 1


async def test_the_notice_never_tells_who_answered_or_when(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await stored(bot, LOW)
    text = bot.last(SKCK_OFFICER).text
    for revealing in ("Perempuan", "17-25", "S2", "PNS", "2026", "09:30", "10-11", "lambat"):
        assert revealing not in text
    assert "Identitas responden dirahasiakan." in text


async def test_suggestions_and_praise_never_raise_an_alert(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    count = len(bot.request.messages(SKCK_OFFICER))
    await stored(bot, response("333333333"))
    await stored(bot, response("444444444", suggestion="Terima kasih, pelayanan cepat"))
    await stored(bot, response("333333333", suggestion="Antrean lama"))
    assert len(bot.request.messages(SKCK_OFFICER)) == count
    assert not any("⚠️" in m.text for m in bot.request.messages(SKCK_OFFICER))


async def test_alerts_gather_into_one_message_an_hour_per_unit(bot: BotHarness):
    await officers_of_skck_sim_and_kota(bot)
    assert bot.app is not None and bot.app.job_queue is not None
    bot.app.job_queue.scheduler.pause()  # only the calls below deliver
    context = BotContext(bot.app)
    before = len(bot.request.messages(SKCK_OFFICER))
    lows = [LOW, response("111333333"), response("331433413", office="POLRES")]
    for one in [*lows, response("111111111", unit="SIM")]:
        await stored_only(bot, one)
    moment = outbox.now()
    # Per (officer, unit): SKCK's officer, SIM's officer, Polsek Kota's officer (one SKCK).
    assert await outbox.deliver_due(context, moment) == 3
    [text] = [m.text for m in bot.request.messages(SKCK_OFFICER)[before:]]
    assert text.splitlines()[:4] == [
        "⚠️ <b>Perlu perhatian</b>: Pelayanan SKCK",
        "3 respons memberi nilai 1 (terendah).",
        "Nilai 1 pada: Persyaratan (U1) 1x, Sistem, Mekanisme, dan Prosedur (U2) 1x, "
        "Waktu Penyelesaian (U3) 3x, Sarana dan Prasarana (U8) 2x",
        "Kantor: Polres Contoh, Polsek Kota",
    ]
    # Two more within the hour wait for it, then go out together.
    await stored_only(bot, response("133333333"))
    await stored_only(bot, response("313333333"))
    assert await outbox.deliver_due(context, moment + timedelta(minutes=30)) == 0
    assert await alerts.pending(bot.db) == 2
    assert await outbox.deliver_due(context, moment + timedelta(minutes=61)) == 1
    assert "2 respons memberi nilai 1" in bot.last(SKCK_OFFICER).text
    assert len(bot.request.messages(SKCK_OFFICER)) == before + 2
    assert await alerts.pending(bot.db) == 0


async def test_the_window_is_a_setting(tmp_path: Path):
    bot = await BotHarness(tmp_path, skm_alert_every_minutes=0).start()
    try:
        await register(bot, SKCK_OFFICER, "SKCK")
        count = len(bot.request.messages(SKCK_OFFICER))
        await stored(bot, LOW)
        await stored(bot, LOW)
        assert len(bot.request.messages(SKCK_OFFICER)) == count + 2
    finally:
        await bot.stop()


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
    assert text.startswith("⚠️ <b>Perlu perhatian</b>: Pelayanan SKCK\n")
    assert "Produk Spesifikasi Jenis Pelayanan (U5) 1x, Sarana dan Prasarana (U8) 1x" in text
    assert "Kantor: Polres Contoh" in text and "Toilet" not in text
    assert str(survey_helpers.CITIZEN) not in text and "Budi" not in text
