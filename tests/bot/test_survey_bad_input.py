"""Bad input changes nothing: typed text, stale, forged and repeated presses, duplicate updates."""

from __future__ import annotations

import pytest

from tests.bot.survey_helpers import (
    CITIZEN,
    ELEMENT_LABELS,
    OTHER,
    QR,
    db_file,
    rows,
    to_elements,
    to_first_question,
    to_suggestion,
    to_summary,
)
from tests.support.harness import BotHarness
from tests.support.telegram import feed

STALE = "Tombol ini sudah tidak berlaku."
INVALID = "Tombol ini tidak dikenal."


def survey_row(bot: BotHarness) -> dict[str, object]:
    [row] = rows(db_file(bot), "surveys")
    return row


async def test_text_where_a_button_is_expected_asks_the_question_again(bot: BotHarness):
    await to_elements(bot)
    await bot.press(CITIZEN, "Sesuai")
    before, old = survey_row(bot), bot.last(CITIZEN)
    await bot.send(CITIZEN, "pelayanannya bagus sekali")
    again = bot.last(CITIZEN)
    assert again.message_id != old.message_id
    assert again.text.startswith("Silakan jawab dengan menekan salah satu tombol")
    assert "Pertanyaan 2/9" in again.text
    assert again.button_texts()[:4] == ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"]
    assert old.buttons == []
    after = survey_row(bot)
    assert (after["step"], after["state"]) == (before["step"], before["state"])
    await bot.press(CITIZEN, "Mudah")
    assert "3/9" in bot.last(CITIZEN).text


async def test_text_on_the_welcome_and_summary_screens_shows_them_again(bot: BotHarness):
    await bot.send(CITIZEN, QR)
    await bot.send(CITIZEN, "halo")
    assert bot.last(CITIZEN).button_texts() == ["Mulai survei", "English"]
    await bot.send(CITIZEN, "/batal")
    await to_summary(bot)
    await bot.send(CITIZEN, "sudah benar")
    assert "Periksa jawaban Anda" in bot.last(CITIZEN).text
    assert rows(db_file(bot)) == []


async def test_text_without_a_survey_points_to_the_qr_code(bot: BotHarness):
    await bot.send(CITIZEN, "selamat pagi")
    assert "pindai kode QR" in bot.last(CITIZEN).text


async def test_a_button_pressed_twice_moves_the_survey_once(bot: BotHarness):
    await to_elements(bot)
    screen = bot.last(CITIZEN)
    data = screen.callback_for("Sesuai")
    await bot.press_data(CITIZEN, data, screen)
    await bot.press_data(CITIZEN, data, screen)
    assert bot.request.notices()[-2:] == ["", STALE]
    assert "2/9" in bot.last(CITIZEN).text
    assert survey_row(bot)["step"] == 6  # welcome, 4 profile questions, U1 answered


async def test_the_same_update_delivered_twice_counts_once(bot: BotHarness):
    await to_elements(bot)
    assert bot.app is not None
    raw = bot.updates.press(CITIZEN, bot.last(CITIZEN), bot.last(CITIZEN).callback_for("Sesuai"))
    await feed(bot.app, raw)
    await feed(bot.app, raw)
    assert bot.request.notices()[-1] == STALE
    assert survey_row(bot)["step"] == 6


async def test_a_confirm_delivered_twice_stores_one_row_and_still_thanks(bot: BotHarness):
    await to_summary(bot)
    assert bot.app is not None
    summary = bot.last(CITIZEN)
    raw = bot.updates.press(CITIZEN, summary, summary.callback_for("Kirim jawaban"))
    await feed(bot.app, raw)
    assert bot.last(CITIZEN).text.startswith("Terima kasih!")
    await feed(bot.app, raw)  # e.g. redelivered after a crash
    assert len(rows(db_file(bot))) == 1
    assert bot.request.notices()[-1] == "Jawaban Anda sudah tersimpan. Terima kasih!"
    assert bot.last(CITIZEN).text.startswith("Terima kasih!")


async def test_a_stale_button_from_an_earlier_question_changes_nothing(bot: BotHarness):
    await to_first_question(bot)
    gender = bot.last(CITIZEN)
    old_data = gender.callback_for("Laki-laki")
    await bot.press(CITIZEN, "Perempuan")
    await bot.press(CITIZEN, "36-45 tahun")
    before = survey_row(bot)
    await bot.press_data(CITIZEN, old_data, gender)
    assert bot.request.notices()[-1] == STALE
    assert survey_row(bot) == before
    assert '"gender": "P"' in str(before["state"])


async def test_a_button_from_a_finished_survey_does_not_touch_the_next(tmp_path):
    bot = await BotHarness(tmp_path, skm_daily_limit=0).start()
    try:
        await to_summary(bot)
        summary = bot.last(CITIZEN)
        old_confirm = summary.callback_for("Kirim jawaban")
        await bot.press(CITIZEN, "Kirim jawaban")
        await to_first_question(bot)
        before = survey_row(bot)
        await bot.press_data(CITIZEN, old_confirm, summary)
        assert bot.request.notices()[-1] == "Jawaban Anda sudah tersimpan. Terima kasih!"
        assert survey_row(bot) == before
        assert len(rows(db_file(bot))) == 1
    finally:
        await bot.stop()


@pytest.mark.parametrize(
    "forge",
    [  # (Telegram never sends empty data: PTB would hand it to any pattern handler)
        "s|",
        "s|{token}|U1|c|5",  # no such answer
        "s|{token}|U1|c|",
        "s|{token}|U1|z|3",  # no such action
        "s|{token}|U99|c|3",  # no such step
        "s|{token}|U1|l|fr",  # no such language
        "s|{token}|U1|g|3",  # start carries no value
        "s|AAAAAAAA|U1|c|3",  # somebody else's or an invented survey
        "s|{token}|U1|c|3|extra",
        "sp|id|NOPE",
        "sp|id|SIM|PS_KOTA",  # that office does not serve that unit
        "sp|xx",
        "{token}" * 20,
        "s|{token}|U1|c|3\n",
        "s|{token}|U1|c|🙂",
    ],
)
async def test_forged_or_malformed_callback_data_changes_nothing(bot: BotHarness, forge: str):
    await to_elements(bot)
    screen = bot.last(CITIZEN)
    before = survey_row(bot)
    token = str(before["token"])
    await bot.press_data(CITIZEN, forge.format(token=token), screen)
    assert bot.request.notices()[-1] in (STALE, INVALID)
    assert survey_row(bot) == before
    assert bot.last(CITIZEN).text == screen.text


async def test_another_citizen_cannot_press_a_citizens_buttons(bot: BotHarness):
    await to_elements(bot)
    screen = bot.last(CITIZEN)
    before = survey_row(bot)
    await bot.press_data(OTHER, screen.callback_for("Sesuai"), screen)
    assert bot.request.notices()[-1].startswith("Survei ini sudah berakhir")
    assert survey_row(bot) == before


async def test_other_commands_during_a_survey_are_not_taken_as_answers(bot: BotHarness):
    await to_elements(bot)
    screen, before = bot.last(CITIZEN), survey_row(bot)
    for command in ("/bantuan", "/ikm", "/tidakada"):
        await bot.send(CITIZEN, command)
        assert survey_row(bot) == before
    assert screen.button_texts()[0] == "Tidak sesuai"  # the question still offers its buttons
    await bot.press(CITIZEN, ELEMENT_LABELS[0], screen)
    assert "2/9" in screen.text


async def test_a_blank_suggestion_is_asked_for_again(bot: BotHarness):
    await to_suggestion(bot)
    await bot.send(CITIZEN, "   ")
    assert "Saran dan masukan" in bot.last(CITIZEN).text
    assert bot.last(CITIZEN).button_texts()[0] == "Lewati"
    assert survey_row(bot)["step"] == 14  # still on the suggestion
