"""/qr UNIT [OFFICE]: the survey's printable poster, as a photo with its link and as a file."""

from __future__ import annotations

import io

from PIL import Image

from tests.bot.officer_helpers import KOTA_OFFICER, SKCK_OFFICER, register
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import Shown

STALE = "Tombol ini sudah tidak berlaku."


def posters(bot: BotHarness, chat: int) -> list[Shown]:
    return [m for m in bot.request.messages(chat) if m.kind in ("photo", "document")]


async def test_the_poster_is_a_photo_with_the_link_and_an_uncompressed_file(bot: BotHarness):
    await bot.send(ADMIN_ID, "/qr SIM")  # SIM is served at one office only
    photo, document = posters(bot, ADMIN_ID)
    assert photo.kind == "photo" and photo.file is not None
    assert "Poster QR survei: <b>Pelayanan SIM</b> · Polres Contoh" in photo.text
    assert "https://t.me/skm_test_bot?start=SIM-POLRES" in photo.text
    assert document.kind == "document" and document.filename == "qr-SIM-POLRES.png"
    assert document.text == "Berkas PNG untuk dicetak (tanpa kompresi)."
    assert document.file == photo.file
    image = Image.open(io.BytesIO(document.file or b""))
    assert image.format == "PNG" and image.width == 1240 and image.height > image.width
    sent = [c for c in bot.request.calls if c.method == "sendDocument"]
    assert sent[0].params.get("disable_content_type_detection") is True


async def test_a_unit_at_several_offices_offers_them_as_buttons(bot: BotHarness):
    await bot.send(ADMIN_ID, "/qr SKCK")
    asked = bot.last(ADMIN_ID)
    assert asked.text == "<b>Pelayanan SKCK</b> dilayani di beberapa kantor. Pilih kantornya:"
    assert asked.button_texts() == [
        *("Polres Contoh", "Polsek Kota", "Polsek Utara", "Polsek Selatan", "Polsek Barat")
    ]
    await bot.press(ADMIN_ID, "Polsek Kota", asked)
    photo, document = posters(bot, ADMIN_ID)
    assert "start=SKCK-PS_KOTA" in photo.text
    assert document.filename == "qr-SKCK-PS_KOTA.png"
    await bot.send(ADMIN_ID, "/qr")
    assert bot.last(ADMIN_ID).text.startswith("Tulis unitnya: /qr UNIT [KANTOR]")


async def test_an_office_button_is_checked_again_when_pressed(bot: BotHarness):
    await bot.send(ADMIN_ID, "/qr SKCK")
    asked = bot.last(ADMIN_ID)
    await register(bot, SKCK_OFFICER, "SKCK")
    # A button's data forged to another unit, or to an office that does not serve it.
    for forged in ("off:qr:SIM:PS_KOTA", "off:qr:SKCK:NOWHERE", "off:qr:skck:POLRES", "off:qr:"):
        await bot.press_data(ADMIN_ID, forged, asked)
        assert bot.request.notices()[-1] == STALE
    assert posters(bot, ADMIN_ID) == []


async def test_an_office_officer_gets_the_poster_of_their_office(bot: BotHarness):
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    await bot.send(KOTA_OFFICER, "/qr SKCK")
    [photo, _] = posters(bot, KOTA_OFFICER)
    assert "start=SKCK-PS_KOTA" in photo.text
    await bot.send(KOTA_OFFICER, "/qr SKCK POLRES")
    assert bot.last(KOTA_OFFICER).text.startswith("Maaf, data itu di luar cakupan Anda.")


async def test_an_office_button_outside_the_pressers_scope_sends_nothing(bot: BotHarness):
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    await bot.send(ADMIN_ID, "/qr SKCK", chat_id=-100321, chat_type="group")
    asked = bot.last(-100321)
    await bot.press_data(KOTA_OFFICER, asked.callback_for("Polres Contoh"), asked)
    assert bot.request.notices()[-1].startswith("Maaf, data itu di luar cakupan Anda.")
    assert posters(bot, -100321) == []


async def test_an_office_officer_gets_no_poster_for_a_unit_their_office_does_not_serve(
    bot: BotHarness,
):
    # A poster whose code the survey calls unknown would be printed and hung for nothing.
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    await bot.send(KOTA_OFFICER, "/qr SIM")
    assert bot.last(KOTA_OFFICER).text == "SIM tidak dilayani di Polsek Kota."
    assert posters(bot, KOTA_OFFICER) == []
