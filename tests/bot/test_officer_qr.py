"""/qr UNIT [OFFICE]: the survey's printable poster, sent as a photo with its link."""

from __future__ import annotations

import io

from PIL import Image

from tests.bot.officer_helpers import KOTA_OFFICER, register
from tests.support.harness import ADMIN_ID, BotHarness


async def test_the_poster_is_a_photo_with_the_survey_link(bot: BotHarness):
    await bot.send(ADMIN_ID, "/qr SIM")  # SIM is served at one office only
    shown = bot.last(ADMIN_ID)
    assert shown.kind == "photo" and shown.file is not None
    assert "Poster QR survei: <b>Pelayanan SIM</b> · Polres Contoh" in shown.text
    assert "https://t.me/skm_test_bot?start=SIM-POLRES" in shown.text
    image = Image.open(io.BytesIO(shown.file))
    assert image.format == "PNG" and image.width == 1240 and image.height > image.width


async def test_a_unit_at_several_offices_needs_the_office(bot: BotHarness):
    await bot.send(ADMIN_ID, "/qr SKCK")
    text = bot.last(ADMIN_ID).text
    assert "sebutkan kantornya: /qr SKCK KANTOR" in text
    assert "POLRES, PS_KOTA, PS_UTARA, PS_SELATAN, PS_BARAT" in text
    await bot.send(ADMIN_ID, "/qr SKCK PS_KOTA")
    assert "start=SKCK-PS_KOTA" in bot.last(ADMIN_ID).text
    await bot.send(ADMIN_ID, "/qr")
    assert bot.last(ADMIN_ID).text.startswith("Tulis unitnya: /qr UNIT [KANTOR]")


async def test_an_office_officer_gets_the_poster_of_their_office(bot: BotHarness):
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    await bot.send(KOTA_OFFICER, "/qr SKCK")
    assert "start=SKCK-PS_KOTA" in bot.last(KOTA_OFFICER).text
    await bot.send(KOTA_OFFICER, "/qr SKCK POLRES")
    assert bot.last(KOTA_OFFICER).text.startswith("Maaf, data itu di luar cakupan Anda.")
