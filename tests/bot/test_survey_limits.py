"""Nobody floods the index: the daily limit, groups, and the suggestion's length."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from service.privacy import pseudonym
from skm.records import Response
from storage import responses
from tests.bot.survey_helpers import (
    CITIZEN,
    OTHER,
    QR,
    SCORES,
    age_rows,
    complete,
    db_file,
    rows,
    to_suggestion,
    to_summary,
)
from tests.support.harness import TEST_SECRET, BotHarness

ALREADY = "Terima kasih, Anda sudah mengisi survei untuk Pelayanan SKCK hari ini."


async def test_a_second_survey_for_the_same_unit_on_the_same_day_is_declined(bot: BotHarness):
    await complete(bot)
    await bot.send(CITIZEN, QR)
    declined = bot.last(CITIZEN)
    assert declined.text.startswith(ALREADY)
    assert declined.buttons == []
    assert rows(db_file(bot), "surveys") == []
    # Another unit, or another citizen, is not limited.
    await bot.send(CITIZEN, "/start SPKT-POLRES")
    assert bot.last(CITIZEN).button_texts() == ["Mulai survei", "English"]
    await complete(bot, OTHER)
    assert len(rows(db_file(bot))) == 2


async def test_the_limit_holds_for_the_unit_at_another_office_too(bot: BotHarness):
    await complete(bot)
    await bot.send(CITIZEN, "/start SKCK-PS_KOTA")
    assert bot.last(CITIZEN).text.startswith(ALREADY)


async def test_the_next_day_the_citizen_may_answer_again(bot: BotHarness):
    await complete(bot)
    age_rows(db_file(bot), "responses", "submitted_at", 24 * 3600)
    await complete(bot)
    assert len(rows(db_file(bot))) == 2


async def test_the_limit_is_checked_again_at_confirm(bot: BotHarness):
    await to_summary(bot)
    # Meanwhile a response for the same citizen and unit was stored today.
    earlier = Response(datetime.now(UTC), "SKCK", "POLRES", SCORES)
    async with bot.db.atomic() as conn:
        who = pseudonym(TEST_SECRET.encode(), CITIZEN)
        await responses.insert_one(conn, earlier, who, "another-survey", "id")
    await bot.press(CITIZEN, "Kirim jawaban")
    assert bot.last(CITIZEN).text.startswith(ALREADY)
    assert len(rows(db_file(bot))) == 1
    assert rows(db_file(bot), "surveys") == []


async def test_a_configured_limit_of_two_allows_two(tmp_path: Path):
    bot = await BotHarness(tmp_path, skm_daily_limit=2).start()
    try:
        await complete(bot)
        await complete(bot)
        await bot.send(CITIZEN, QR)
        assert bot.last(CITIZEN).text.startswith(ALREADY)
        assert len(rows(db_file(bot))) == 2
    finally:
        await bot.stop()


async def test_no_limit_when_it_is_zero(tmp_path: Path):
    bot = await BotHarness(tmp_path, skm_daily_limit=0).start()
    try:
        for _ in range(3):
            await complete(bot)
        stored = rows(db_file(bot))
        assert len(stored) == 3
        assert len({r["respondent"] for r in stored}) == 1
        assert len({r["source_key"] for r in stored}) == 3
    finally:
        await bot.stop()


async def test_start_in_a_group_points_to_the_private_chat(bot: BotHarness):
    group = -1001234567
    await bot.send(CITIZEN, "/start SKCK-POLRES", chat_id=group, chat_type="supergroup")
    pointer = bot.last(group)
    assert "chat pribadi" in pointer.text
    assert "https://t.me/skm_test_bot?start=SKCK-POLRES" in pointer.text
    assert pointer.buttons == []
    assert rows(db_file(bot), "surveys") == []
    await bot.send(CITIZEN, "/start", chat_id=group, chat_type="group")
    assert bot.last(group).text.endswith("https://t.me/skm_test_bot")


async def test_a_long_suggestion_is_cut_to_a_thousand_characters_with_a_notice(bot: BotHarness):
    await to_suggestion(bot)
    await bot.send(CITIZEN, "antre " * 300)  # 1,800 characters
    summary = bot.last(CITIZEN)
    assert summary.text.startswith("Saran Anda lebih dari 1.000 karakter, jadi dipotong")
    assert "Periksa jawaban Anda" in summary.text
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert len(row["suggestion"]) == 1000
    assert row["suggestion"].startswith("antre antre")


async def test_a_typed_suggestion_moves_the_survey_to_a_new_summary_message(bot: BotHarness):
    await to_suggestion(bot)
    prompt = bot.last(CITIZEN)
    await bot.send(CITIZEN, "Parkir sempit.")
    summary = bot.last(CITIZEN)
    assert summary.message_id != prompt.message_id
    assert prompt.buttons == []
    assert "Saran: Parkir sempit." in summary.text
