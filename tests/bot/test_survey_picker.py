"""Without a usable QR payload the citizen picks the unit and the office from buttons."""

from __future__ import annotations

import pytest

from tests.bot.survey_helpers import CITIZEN, complete, db_file, rows
from tests.support.harness import BotHarness

UNITS_ID = [
    "Pelayanan SIM",
    "Pelayanan SKCK",
    "Sentra Pelayanan Kepolisian Terpadu",
    "Satuan Reserse Kriminal",
    "Satuan Reserse Narkoba",
]


async def test_start_without_a_payload_offers_the_units(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    picker = bot.last(CITIZEN)
    assert "Pilih unit layanan" in picker.text
    assert "tidak dikenal" not in picker.text
    assert picker.button_texts() == [*UNITS_ID, "English"]


@pytest.mark.parametrize(
    "payload",
    ["NOPE-POLRES", "SKCK-NOWHERE", "SIM-PS_KOTA", "SKCK", "a" * 64, "SKCK-POLRES!", "inv"],
)
async def test_an_unknown_payload_says_so_and_offers_the_units(bot: BotHarness, payload: str):
    await bot.send(CITIZEN, f"/start {payload}")
    picker = bot.last(CITIZEN)
    assert picker.text.startswith("Kode QR ini tidak dikenal.")
    assert picker.button_texts() == [*UNITS_ID, "English"]
    assert rows(db_file(bot), "surveys") == []


async def test_picking_a_unit_then_an_office_opens_the_survey_there(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "Pelayanan SKCK")
    offices = bot.last(CITIZEN)
    assert "Di kantor mana" in offices.text
    assert offices.button_texts() == [
        "Polres Contoh",
        "Polsek Kota",
        "Polsek Utara",
        "Polsek Selatan",
        "Polsek Barat",
        "« Kembali",
    ]
    await bot.press(CITIZEN, "Polsek Kota")
    welcome = bot.last(CITIZEN)
    assert "Pelayanan SKCK" in welcome.text and "Polsek Kota" in welcome.text
    assert bot.request.count("sendMessage") == 1  # the picker became the survey message
    await bot.send(CITIZEN, "/batal")
    await bot.send(CITIZEN, "/start skck-ps_kota")  # a payload typed in lower case works too
    await bot.press(CITIZEN, "Mulai survei")
    [survey] = rows(db_file(bot), "surveys")
    assert (survey["unit"], survey["office"]) == ("SKCK", "PS_KOTA")


async def test_a_unit_served_at_one_office_only_opens_the_survey_at_once(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "Pelayanan SIM")
    assert bot.last(CITIZEN).button_texts() == ["Mulai survei", "English"]
    [survey] = rows(db_file(bot), "surveys")
    assert (survey["unit"], survey["office"]) == ("SIM", "POLRES")


async def test_back_from_the_offices_returns_to_the_units(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "Satuan Reserse Kriminal")
    await bot.press(CITIZEN, "« Kembali")
    assert bot.last(CITIZEN).button_texts() == [*UNITS_ID, "English"]


async def test_the_picker_in_english_opens_an_english_survey(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "English")
    picker = bot.last(CITIZEN)
    assert "Which service" in picker.text
    assert picker.button_texts()[1] == "Police certificate (SKCK)"
    assert picker.button_texts()[-1] == "Bahasa Indonesia"
    await bot.press(CITIZEN, "Driving licence (SIM)")
    assert bot.last(CITIZEN).button_texts() == ["Start the survey", "Bahasa Indonesia"]
    [survey] = rows(db_file(bot), "surveys")
    assert survey["lang"] == "en"


async def test_a_picked_survey_is_stored_like_a_scanned_one(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "Pelayanan SKCK")
    await bot.press(CITIZEN, "Polsek Barat")
    await complete(bot, start=None)
    [row] = rows(db_file(bot))
    assert (row["unit"], row["office"]) == ("SKCK", "PS_BARAT")
