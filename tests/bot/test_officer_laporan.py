"""/laporan: the Laporan SKM as a document, for what the officer may see, in private only."""

from __future__ import annotations

import io

import docx
from docx.text.paragraph import Paragraph

from tests.bot.officer_helpers import CITIZEN, KNOWN, SKCK_OFFICER, register, seed
from tests.support.harness import ADMIN_ID, BotHarness


def paragraphs(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [b.text for b in document.iter_inner_content() if isinstance(b, Paragraph)]


async def test_an_officer_gets_the_report_of_their_scope(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    before = len(bot.request.messages(SKCK_OFFICER))
    await bot.send(SKCK_OFFICER, "/laporan 2026-Q4")
    shown = bot.request.messages(SKCK_OFFICER)[before:]
    assert [s.kind for s in shown] == ["text", "document"]
    assert shown[0].text == ("Laporan SKM 2026-Q4 (01-10-2026 s.d. 31-12-2026) sedang disiapkan…")
    assert shown[1].filename == "laporan-skm-SKCK-2026-Q4.docx"
    assert shown[1].text.startswith("Laporan SKM, periode 2026-Q4")
    assert shown[1].file is not None
    lines = paragraphs(shown[1].file)
    assert "Triwulan IV Tahun 2026" in lines
    assert "3.2.1 Pelayanan SKCK (SKCK)" in lines
    # SIM is outside the officer's scope: not a word of it.
    assert [line for line in lines if "Pelayanan SIM" in line or "(SIM)" in line] == []
    # SKCK 2026-Q4 is 78,16 (B) in the known data (see officer_helpers).
    assert any(line.endswith("= 78,16") for line in lines)
    assert "Ruang tunggu panas & sempit" in lines


async def test_asking_for_a_unit_outside_the_scope_is_refused(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/laporan SIM 2026-Q4")
    assert bot.last(SKCK_OFFICER).text.startswith("Maaf, data itu di luar cakupan Anda.")
    assert bot.last(SKCK_OFFICER).kind == "text"


async def test_not_in_a_group(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/laporan 2026-Q4", chat_id=-100777, chat_type="group")
    shown = bot.request.messages(-100777)
    assert [s.kind for s in shown] == ["text"]
    assert shown[0].text.startswith("Laporan SKM berisi saran warga")


async def test_a_citizen_gets_no_report(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(CITIZEN, "/laporan")
    assert bot.last(CITIZEN).text.startswith("Maaf, perintah ini hanya untuk petugas SKM.")
    assert all(s.kind == "text" for s in bot.request.messages(CITIZEN))


async def test_an_empty_period_gives_one_sentence_and_no_file(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/laporan 2020")
    shown = bot.request.messages(ADMIN_ID)
    assert [s.kind for s in shown][-2:] == ["text", "text"]
    assert shown[-1].text == (
        "Tidak ada responden pada periode 2020 (01-01-2020 s.d. 31-12-2020) untuk pilihan "
        "ini; laporan tidak dibuat."
    )


async def test_the_default_is_last_year_and_an_admin_sees_every_unit(bot: BotHarness):
    await seed(bot, KNOWN)  # all in 2026
    await bot.send(ADMIN_ID, "/laporan 2026")
    assert bot.last(ADMIN_ID).filename == "laporan-skm-2026.docx"
    lines = paragraphs(bot.last(ADMIN_ID).file or b"")
    assert {"3.2.1 Pelayanan SIM (SIM)", "3.2.2 Pelayanan SKCK (SKCK)"} <= set(lines)
