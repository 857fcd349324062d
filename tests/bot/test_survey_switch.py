"""Another desk's QR code, or an unknown one, in the middle of a survey loses nothing unasked."""

from __future__ import annotations

import pytest

from tests.bot.survey_helpers import (
    CITIZEN,
    ELEMENT_LABELS,
    SCORES,
    answers_of,
    db_file,
    rows,
    to_elements,
)
from tests.support.harness import BotHarness

STALE = "Tombol ini sudah tidak berlaku."
ASKED = (
    "Survei Anda untuk Pelayanan SKCK di Polres Contoh belum selesai.\n\n"
    "Mulai survei baru untuk Sentra Pelayanan Kepolisian Terpadu di Polsek Kota? "
    "Jawaban survei sebelumnya akan dihapus."
)


async def three_answered(bot: BotHarness) -> None:
    await to_elements(bot)
    for label in ELEMENT_LABELS[:3]:
        await bot.press(CITIZEN, label)
    assert "Pertanyaan 4/9" in bot.last(CITIZEN).text


async def test_another_desks_code_asks_before_dropping_the_survey(bot: BotHarness):
    await three_answered(bot)
    before = rows(db_file(bot), "surveys")
    await bot.send(CITIZEN, "/start SPKT-PS_KOTA")
    asked = bot.last(CITIZEN)
    assert asked.text == ASKED
    assert asked.button_texts() == ["Mulai survei baru", "Lanjutkan survei sebelumnya"]
    assert rows(db_file(bot), "surveys") == before  # nothing dropped yet


async def test_starting_the_new_survey_drops_the_first(bot: BotHarness):
    await three_answered(bot)
    old = bot.last(CITIZEN)
    await bot.send(CITIZEN, "/start SPKT-PS_KOTA")
    await bot.press(CITIZEN, "Mulai survei baru")
    fresh = bot.last(CITIZEN)
    assert fresh.text.startswith(
        "Terima kasih telah menggunakan Sentra Pelayanan Kepolisian Terpadu di Polsek Kota."
    )
    assert fresh.button_texts() == ["Mulai survei", "English"]
    assert old.buttons == []  # the first survey's screen offers nothing any more
    [survey] = rows(db_file(bot), "surveys")
    assert (survey["unit"], survey["office"], survey["step"]) == ("SPKT", "PS_KOTA", 0)
    assert survey["message_id"] == fresh.message_id


async def test_going_back_keeps_every_answer_of_the_first_survey(bot: BotHarness):
    await three_answered(bot)
    old = bot.last(CITIZEN)
    await bot.send(CITIZEN, "/start SPKT-PS_KOTA")
    await bot.press(CITIZEN, "Lanjutkan survei sebelumnya")
    back = bot.last(CITIZEN)
    assert back.text.startswith("Melanjutkan survei Anda dari pertanyaan terakhir.")
    assert "Pertanyaan 4/9" in back.text
    assert old.buttons == []  # only the newest message offers the survey's buttons
    for label in ELEMENT_LABELS[3:]:
        await bot.press(CITIZEN, label)
    await bot.press(CITIZEN, "Lewati")
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert (row["unit"], row["office"]) == ("SKCK", "POLRES")
    assert answers_of(row) == SCORES


async def test_picking_another_unit_by_button_asks_too(bot: BotHarness):
    await three_answered(bot)
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "Sentra Pelayanan Kepolisian Terpadu")
    await bot.press(CITIZEN, "Polsek Kota")
    assert bot.last(CITIZEN).text == ASKED


async def test_the_question_is_stale_once_the_survey_is_gone(bot: BotHarness):
    await three_answered(bot)
    await bot.send(CITIZEN, "/start SPKT-PS_KOTA")
    asked = bot.last(CITIZEN)
    await bot.send(CITIZEN, "/batal")
    await bot.press(CITIZEN, "Mulai survei baru", asked)
    assert bot.request.notices()[-1] == STALE
    await bot.press(CITIZEN, "Lanjutkan survei sebelumnya", asked)
    assert bot.request.notices()[-1] == STALE
    assert rows(db_file(bot), "surveys") == []


@pytest.mark.parametrize(
    "forged",
    ["sw|", "sw|abc", "sw|AAAAAAAA|SKCK", "sw|AAAAAAAA|SKCK|POLRES", "sw|AAAAAAAA|skck|x", "sw|²"],
)
async def test_forged_switch_buttons_get_the_stale_notice_and_change_nothing(
    bot: BotHarness, forged: str
):
    await three_answered(bot)
    before = rows(db_file(bot), "surveys")
    await bot.press_data(CITIZEN, forged)
    assert bot.request.notices()[-1] == STALE
    assert rows(db_file(bot), "surveys") == before


async def test_a_place_that_does_not_serve_the_unit_is_stale(bot: BotHarness):
    await three_answered(bot)
    [survey] = rows(db_file(bot), "surveys")
    await bot.press_data(CITIZEN, f"sw|{survey['token']}|SIM|PS_KOTA")  # SIM is Polres only
    assert bot.request.notices()[-1] == STALE
    assert rows(db_file(bot), "surveys") == [survey]


async def test_an_unknown_code_mid_survey_says_the_survey_is_still_open(bot: BotHarness):
    await three_answered(bot)
    await bot.send(CITIZEN, "/start NOPE-POLRES")
    shown = bot.last(CITIZEN)
    assert shown.text == (
        "Kode QR ini tidak dikenal. Survei Anda untuk Pelayanan SKCK di Polres Contoh "
        "masih terbuka."
    )
    assert shown.button_texts() == ["Lanjutkan survei"]
    await bot.press(CITIZEN, "Lanjutkan survei")
    assert "Pertanyaan 4/9" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, ELEMENT_LABELS[3])
    assert "Pertanyaan 5/9" in bot.last(CITIZEN).text
