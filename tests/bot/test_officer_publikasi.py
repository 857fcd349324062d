"""/publikasi: a unit's poster as an uncompressed document, for what the officer may see."""

from __future__ import annotations

import io

from PIL import Image

from tests.bot.officer_helpers import CITIZEN, KNOWN, SKCK_OFFICER, register, seed
from tests.support.harness import ADMIN_ID, BotHarness


async def test_an_officer_gets_the_poster_of_their_unit(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    before = len(bot.request.messages(SKCK_OFFICER))
    await bot.send(SKCK_OFFICER, "/publikasi 2026-Q4")
    shown = bot.request.messages(SKCK_OFFICER)[before:]
    assert [s.kind for s in shown] == ["text", "document"]
    assert shown[0].text == (
        "Poster hasil SKM 2026-Q4 (01-10-2026 s.d. 31-12-2026) sedang disiapkan…"
    )
    assert shown[1].filename == "publikasi-skm-SKCK-2026-Q4.png"
    assert shown[1].text == (
        "Poster hasil SKM Pelayanan SKCK, periode 2026-Q4 (01-10-2026 s.d. 31-12-2026). "
        "Cetak A4 dan pasang di samping loket."
    )
    assert shown[1].file is not None
    assert Image.open(io.BytesIO(shown[1].file)).size == (2480, 3508)
    assert bot.request.count("sendPhoto") == 0  # a document: Telegram does not compress it


async def test_a_group_may_have_it_but_not_outside_the_scope(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/publikasi SKCK 2026-Q4", chat_id=-100777, chat_type="group")
    assert bot.last(-100777).kind == "document"
    await bot.send(SKCK_OFFICER, "/publikasi SIM 2026-Q4")
    assert bot.last(SKCK_OFFICER).text.startswith("Maaf, data itu di luar cakupan Anda.")


async def test_an_empty_period_or_no_unit_gives_one_sentence_and_no_file(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/publikasi SKCK 2020")
    assert bot.last(ADMIN_ID).text == (
        "Tidak ada responden pada periode 2020 (01-01-2020 s.d. 31-12-2020) untuk pilihan "
        "ini; poster tidak dibuat."
    )
    await bot.send(ADMIN_ID, "/publikasi 2026-Q4")
    assert bot.last(ADMIN_ID).text.startswith(
        "Poster dibuat per unit: tulis /publikasi UNIT [KANTOR] [PERIODE]. Unit: SIM, SKCK"
    )
    assert all(m.kind == "text" for m in bot.request.messages(ADMIN_ID))
    await bot.send(CITIZEN, "/publikasi SKCK")
    assert bot.last(CITIZEN).text.startswith("Maaf, perintah ini hanya untuk petugas SKM.")
