"""After a start: recent surveys are shown again, abandoned ones expire at once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import timedelta

from bot.context import BotContext
from bot.survey import recovery, session
from service.privacy import unmask_chat
from storage import surveys
from tests.bot.survey_helpers import (
    CITIZEN,
    OTHER,
    QR,
    age_rows,
    db_file,
    rows,
    to_elements,
    to_first_question,
    to_summary,
)
from tests.support.harness import TEST_SECRET, BotHarness

HOUR = timedelta(hours=1)
SORRY = "Maaf, ada gangguan sebentar. Silakan lanjutkan:"


async def until(what: str, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 5
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what}")
        await asyncio.sleep(0.01)


async def test_a_submit_lost_in_a_crash_can_be_pressed_again(bot: BotHarness):
    await to_summary(bot)
    summary = bot.last(CITIZEN)
    summary_text = summary.text
    # The citizen presses "Kirim jawaban"; the process dies with the press unhandled.
    await bot.restart()
    await until("the apology", lambda: bot.last(CITIZEN).text.startswith(SORRY))
    again = bot.last(CITIZEN)
    assert again.message_id == summary.message_id  # the same message, drawn again
    assert again.text == f"{SORRY}\n\n{summary_text}"
    await bot.press(CITIZEN, "Kirim jawaban")
    assert bot.last(CITIZEN).text.startswith("Terima kasih!")
    assert len(rows(db_file(bot))) == 1


async def test_each_survey_is_shown_again_in_its_own_language(bot: BotHarness):
    await to_elements(bot)
    await bot.send(OTHER, QR)
    await bot.press(OTHER, "English")
    await bot.press(OTHER, "Start the survey")
    await bot.restart()
    await until("both apologies", lambda: bot.last(OTHER).text.startswith("Sorry"))
    assert bot.last(OTHER).text.startswith(
        "Sorry, there was a brief disruption. Please continue:\n\n"
    )
    assert bot.last(CITIZEN).text.startswith(SORRY) and "Pertanyaan 1/9" in bot.last(CITIZEN).text


async def test_a_survey_untouched_for_over_an_hour_is_left_alone(bot: BotHarness):
    await to_first_question(bot)
    age_rows(db_file(bot), "surveys", "updated_at", 3700)
    await to_first_question(bot, OTHER)
    before = bot.last(CITIZEN).text
    await bot.restart()
    await until("the recent one", lambda: bot.last(OTHER).text.startswith(SORRY))
    assert bot.last(CITIZEN).text == before


async def test_a_survey_moved_on_since_the_start_is_not_drawn_back(bot: BotHarness):
    await to_first_question(bot)
    now = session.now()
    listed = await surveys.touched_between(bot.db, now - HOUR, now + timedelta(seconds=1))
    await bot.press(CITIZEN, "Perempuan")
    assert bot.app is not None
    assert not await recovery.show_again(BotContext(bot.app), listed[0])
    assert "(2/4)" in bot.last(CITIZEN).text and SORRY not in bot.last(CITIZEN).text


async def test_the_chat_is_kept_masked_and_only_while_the_survey_is_open(bot: BotHarness):
    await to_summary(bot)
    [survey] = rows(db_file(bot), "surveys")
    assert survey["masked_chat"] not in (None, CITIZEN)
    assert unmask_chat(TEST_SECRET.encode(), survey["token"], survey["masked_chat"]) == CITIZEN
    await bot.press(CITIZEN, "Kirim jawaban")
    assert rows(db_file(bot), "surveys") == []
    [response] = rows(db_file(bot))
    assert CITIZEN not in response.values() and str(CITIZEN) not in map(str, response.values())


async def test_abandoned_surveys_expire_as_the_bot_starts(bot: BotHarness):
    await to_first_question(bot)
    age_rows(db_file(bot), "surveys", "updated_at", 25 * 3600)
    await bot.restart()  # not a quarter of an hour later: now
    await until("the expiry", lambda: rows(db_file(bot), "surveys") == [])
