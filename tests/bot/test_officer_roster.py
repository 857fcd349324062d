"""/undang names a wrong code; /petugas lists open invites (cancelled after asking) and
officers' NRPs (given once with /nrp); times say WIB, WITA or WIT."""

from __future__ import annotations

import pytest

from service.zones import zone_label
from storage import officers
from tests.bot.officer_helpers import CITIZEN, SKCK_OFFICER, invite_payload, register
from tests.bot.survey_helpers import rows
from tests.support.harness import ADMIN_ID, BotHarness

STALE = "Tombol ini sudah tidak berlaku."
CODES = (
    "Unit: SIM, SKCK, SPKT, SATRESKRIM, SATNARKOBA\n"
    "Kantor: POLRES, PS_KOTA, PS_UTARA, PS_SELATAN, PS_BARAT"
)


def officer_rows(bot: BotHarness) -> list[dict[str, object]]:
    return rows(bot.settings.skm_database, "officers")


async def test_a_word_that_is_no_unit_is_named_with_the_codes(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang PASPOR")
    assert bot.last(ADMIN_ID).text == f"PASPOR bukan kode unit atau kantor.\n{CODES}"
    await bot.send(ADMIN_ID, "/undang SKCK POLDA")
    assert bot.last(ADMIN_ID).text == (
        "POLDA bukan kode kantor.\nKantor: POLRES, PS_KOTA, PS_UTARA, PS_SELATAN, PS_BARAT"
    )
    assert rows(bot.settings.skm_database, "invites") == []


async def test_the_invite_says_until_when_in_wib(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang SKCK")
    text = bot.last(ADMIN_ID).text
    assert "berlaku sampai " in text and " WIB:\n" in text
    assert "Asia/Jakarta" not in text


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("Asia/Jakarta", "WIB"),
        ("Asia/Pontianak", "WIB"),
        ("Asia/Makassar", "WITA"),
        ("Asia/Jayapura", "WIT"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),
    ],
)
def test_zone_labels(zone, label):
    assert zone_label(zone) == label


async def test_subscribing_in_makassar_says_wita(tmp_path):
    bot = await BotHarness(tmp_path, skm_timezone="Asia/Makassar").start()
    try:
        await bot.send(ADMIN_ID, "/langganan")
        assert "setiap Senin pukul 07:00 WITA untuk" in bot.last(ADMIN_ID).text
    finally:
        await bot.stop()


async def test_open_invites_are_listed_and_one_is_cancelled_after_asking(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang SKCK")
    skck_link = invite_payload(bot.last(ADMIN_ID).text)
    await bot.send(ADMIN_ID, "/undang SEMUA PS_KOTA")
    await bot.send(ADMIN_ID, "/petugas")
    roster = bot.last(ADMIN_ID)
    assert "Undangan yang masih berlaku: 2" in roster.text
    lines = roster.text.splitlines()
    assert any(
        line.startswith("Undangan 1: Pelayanan SKCK · semua kantor, berlaku sampai ")
        and line.endswith(" WIB")
        for line in lines
    )
    assert any(line.startswith("Undangan 2: Semua unit · Polsek Kota, berlaku") for line in lines)
    assert roster.button_texts() == ["Batalkan undangan 1", "Batalkan undangan 2"]

    await bot.press(ADMIN_ID, "Batalkan undangan 1")
    question = bot.last(ADMIN_ID)
    assert question.text.startswith(
        "Batalkan undangan untuk <b>Pelayanan SKCK · semua kantor</b> (berlaku sampai "
    )
    assert question.text.endswith("WIB)? Tautannya tidak akan bisa dipakai lagi.")
    assert len(rows(bot.settings.skm_database, "invites")) == 2  # nothing until confirmed
    asked = question.callback_for("Ya, batalkan")
    await bot.press(ADMIN_ID, "Ya, batalkan")
    assert bot.request.notices()[-1] == "Undangan dibatalkan."
    after = bot.last(ADMIN_ID)
    assert "Undangan yang masih berlaku: 1" in after.text
    assert "Undangan 1: Semua unit · Polsek Kota" in after.text
    [kept] = rows(bot.settings.skm_database, "invites")
    assert (kept["unit"], kept["office"]) == (None, "PS_KOTA")

    # The cancelled link registers nobody; its confirm pressed again is no longer valid.
    await bot.send(SKCK_OFFICER, f"/start {skck_link}")
    assert "tidak berlaku lagi" in bot.last(SKCK_OFFICER).text
    assert await officers.get(bot.db, SKCK_OFFICER) is None
    await bot.press_data(ADMIN_ID, asked, after)
    assert bot.request.notices()[-1] == "Undangan itu sudah tidak berlaku."
    assert len(rows(bot.settings.skm_database, "invites")) == 1


async def test_back_from_the_cancel_question_keeps_the_invite(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang SKCK")
    await bot.send(ADMIN_ID, "/petugas")
    await bot.press(ADMIN_ID, "Batalkan undangan 1")
    await bot.press(ADMIN_ID, "Kembali")
    assert "Undangan yang masih berlaku: 1" in bot.last(ADMIN_ID).text
    assert len(rows(bot.settings.skm_database, "invites")) == 1


async def test_forged_cancel_buttons_are_stale_and_for_admins_only(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang SKCK")
    await bot.send(ADMIN_ID, "/petugas")
    roster = bot.last(ADMIN_ID)
    confirm = roster.callback_for("Batalkan undangan 1").replace("off:inv:", "off:ivc:")
    for forged in ("off:ivc:0123456789abcdef:0", "off:inv:0123456789abcde:0", "off:ivc:x"):
        await bot.press_data(ADMIN_ID, forged, roster)
    assert bot.request.notices()[-3:] == ["Undangan itu sudah tidak berlaku.", STALE, STALE]
    await bot.press_data(CITIZEN, confirm, roster)
    assert bot.request.notices()[-1] == "Maaf, perintah ini hanya untuk admin SKM."
    assert len(rows(bot.settings.skm_database, "invites")) == 1


async def test_an_officer_gives_the_nrp_once_and_the_roster_shows_it(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    for bad in ("/nrp", "/nrp 1234567", "/nrp 1234567890123456789", "/nrp 1234abcd",
                "/nrp ١٢٣٤٥٦٧٨", "/nrp 12345678 9"):  # fmt: skip
        await bot.send(SKCK_OFFICER, bad)
        assert bot.last(SKCK_OFFICER).text == "Tulis NRP Anda (8-18 angka), mis. /nrp 12345678."
    assert officer_rows(bot)[0]["nrp"] is None
    await bot.send(SKCK_OFFICER, "/nrp 87050123")
    assert bot.last(SKCK_OFFICER).text == (
        "NRP Anda tercatat: 87050123. NRP ditampilkan di daftar petugas."
    )
    assert officer_rows(bot)[0]["nrp"] == "87050123"
    await bot.send(ADMIN_ID, "/petugas")
    assert "1. Sari (NRP 87050123) — Pelayanan SKCK · semua kantor (sejak " in (
        bot.last(ADMIN_ID).text
    )
    # A new invite changes the scope and keeps the NRP.
    await register(bot, SKCK_OFFICER, "SIM", name="Sari")
    [row] = officer_rows(bot)
    assert (row["unit"], row["nrp"]) == ("SIM", "87050123")


async def test_only_registered_officers_record_an_nrp(bot: BotHarness):
    await bot.send(CITIZEN, "/nrp 87050123")
    assert bot.last(CITIZEN).text.startswith("Maaf, perintah ini hanya untuk petugas SKM.")
    await bot.send(ADMIN_ID, "/nrp 87050123")  # an admin by setting, not by invite
    assert bot.last(ADMIN_ID).text == (
        "NRP hanya dicatat untuk petugas yang terdaftar lewat undangan."
    )
    assert officer_rows(bot) == []
