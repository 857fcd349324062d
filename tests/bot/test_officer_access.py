"""Who may see what: invites, scopes, refusals for citizens, and revoking officers."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.officers.access import Scope
from service.directory import load_directory
from storage import officers
from tests.bot.officer_helpers import (
    CITIZEN,
    KNOWN,
    KOTA_OFFICER,
    SKCK_OFFICER,
    invite_payload,
    register,
    seed,
)
from tests.support.harness import ADMIN_ID, BotHarness

REFUSED = "Maaf, perintah ini hanya untuk petugas SKM."
OUT_OF_SCOPE = "Maaf, data itu di luar cakupan Anda."
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
OFFICER_COMMANDS = ["/ikm", "/ikm SKCK 2026-Q4", "/saran", "/qr SKCK POLRES", "/ekspor", "/export"]


def test_scope_rules():
    directory = load_directory(None)
    skck = Scope("SKCK")
    assert skck.covers("SKCK", "PS_KOTA") and not skck.covers("SIM", "POLRES")
    assert skck.narrow("SIM", None) is None
    assert skck.narrow(None, None) == (None, None)
    kota = Scope(None, "PS_KOTA")
    assert kota.narrow("SKCK", None) == ("SKCK", "PS_KOTA")
    assert kota.narrow("SKCK", "POLRES") is None
    assert kota.units(directory) == ["SKCK", "SPKT", "SATRESKRIM"]
    assert Scope().units(directory) == list(directory.units)


async def test_a_citizen_gets_a_polite_refusal_and_no_figure(bot: BotHarness):
    await seed(bot, KNOWN)
    for command in [*OFFICER_COMMANDS, "/langganan", "/berhenti"]:
        before = len(bot.request.messages(CITIZEN))
        await bot.send(CITIZEN, command)
        shown = bot.request.messages(CITIZEN)
        assert len(shown) == before + 1, command
        assert shown[-1].text.startswith(REFUSED), command
        assert not re.search(r"\d", shown[-1].text), command
        assert shown[-1].kind == "text"


async def test_a_citizen_cannot_use_admin_commands(bot: BotHarness):
    await bot.send(CITIZEN, "/undang SKCK")
    assert bot.last(CITIZEN).text == "Maaf, perintah ini hanya untuk admin SKM."
    await bot.send(CITIZEN, "/petugas")
    assert bot.last(CITIZEN).text == "Maaf, perintah ini hanya untuk admin SKM."
    assert await officers.count_open_invites(bot.db, LONG_AGO) == 0


async def test_an_invite_link_registers_the_officer_once(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang SKCK")
    invite = bot.last(ADMIN_ID).text
    assert "https://t.me/skm_test_bot?start=inv-" in invite
    assert "Pelayanan SKCK · semua kantor" in invite
    payload = invite_payload(invite)
    await bot.send(SKCK_OFFICER, f"/start {payload}", name="Sari")
    assert "Anda terdaftar sebagai petugas SKM" in bot.last(SKCK_OFFICER).text
    assert "Sari kini terdaftar" in bot.last(ADMIN_ID).text
    stored = await officers.get(bot.db, SKCK_OFFICER)
    assert stored is not None and (stored.unit, stored.office) == ("SKCK", None)
    # The same link a second time registers nobody.
    await bot.send(CITIZEN, f"/start {payload}")
    assert "tidak berlaku lagi" in bot.last(CITIZEN).text
    await bot.send(CITIZEN, "/ikm")
    assert bot.last(CITIZEN).text.startswith(REFUSED)


async def test_a_made_up_invite_is_refused(bot: BotHarness):
    await bot.send(CITIZEN, "/start inv-made-up-token")
    assert "tidak berlaku lagi" in bot.last(CITIZEN).text
    assert await officers.get(bot.db, CITIZEN) is None


async def test_the_invite_handler_leaves_survey_links_alone(bot: BotHarness):
    await bot.send(CITIZEN, "/start SKCK-POLRES")
    texts = [m.text for m in bot.request.messages(CITIZEN)]
    assert texts, "the survey answers its own /start"
    assert not any("tidak berlaku lagi" in t or "terdaftar" in t for t in texts)


async def test_undang_explains_its_words(bot: BotHarness):
    await bot.send(ADMIN_ID, "/undang")
    assert "/undang UNIT [KANTOR]" in bot.last(ADMIN_ID).text
    await bot.send(ADMIN_ID, "/undang SIM PS_KOTA")
    assert bot.last(ADMIN_ID).text == "SIM tidak dilayani di Polsek Kota."
    await bot.send(ADMIN_ID, "/invite SEMUA PS_KOTA")
    assert "Semua unit · Polsek Kota" in bot.last(ADMIN_ID).text


async def test_an_officer_is_no_admin(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/undang SIM")
    assert bot.last(SKCK_OFFICER).text == "Maaf, perintah ini hanya untuk admin SKM."


async def test_a_skck_officer_cannot_read_sim(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    for command in ["/ikm SIM 2026-Q4", "/saran SIM", "/qr SIM POLRES", "/ekspor SIM 2026-Q4"]:
        await bot.send(SKCK_OFFICER, command)
        assert bot.last(SKCK_OFFICER).text.startswith(OUT_OF_SCOPE), command
    await bot.send(SKCK_OFFICER, "/ikm 2026-Q4")
    overview = bot.last(SKCK_OFFICER).text
    assert "Pelayanan SKCK" in overview and "78,16" in overview
    assert "SIM" not in overview and "99,90" not in overview
    await bot.send(SKCK_OFFICER, "/saran")
    assert "Mantap" not in bot.last(SKCK_OFFICER).text


async def test_an_office_officer_reads_only_that_office(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    await bot.send(KOTA_OFFICER, "/ikm SKCK 2026-Q4")
    detail = bot.last(KOTA_OFFICER).text  # two respondents: no chart
    assert "Polsek Kota" in detail and "Responden: 2" in detail
    assert "IKM: <b>72,15</b>" in detail
    assert "Per kantor" not in detail
    await bot.send(KOTA_OFFICER, "/ikm SKCK POLRES 2026-Q4")
    assert bot.last(KOTA_OFFICER).text.startswith(OUT_OF_SCOPE)
    await bot.send(KOTA_OFFICER, "/ikm 2026-Q4")
    overview = bot.last(KOTA_OFFICER).text
    assert "Kantor: Polsek Kota" in overview
    assert "Pelayanan SKCK" in overview and "Pelayanan SIM" not in overview


async def test_an_office_officer_naming_a_unit_their_office_does_not_serve_is_told_so(
    bot: BotHarness,
):
    # Not an empty page (nor, for /tindaklanjut, an add button that is then refused).
    await seed(bot, KNOWN)
    await register(bot, KOTA_OFFICER, "PS_KOTA")
    for command in ["/ikm SIM", "/saran SIM", "/ekspor SIM", "/tindaklanjut SIM", "/laporan SIM"]:
        await bot.send(KOTA_OFFICER, command)
        assert bot.last(KOTA_OFFICER).text == "SIM tidak dilayani di Polsek Kota.", command
    await bot.send(KOTA_OFFICER, "/publikasi SIM")
    assert bot.last(KOTA_OFFICER).text == "SIM tidak dilayani di Polsek Kota."


async def test_an_admin_revokes_an_officer_from_the_roster(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await bot.send(ADMIN_ID, "/petugas")
    roster = bot.last(ADMIN_ID)
    assert "Petugas terdaftar</b> (1)" in roster.text
    assert "1. Sari — Pelayanan SKCK · semua kantor" in roster.text
    await bot.press(ADMIN_ID, "Cabut 1. Sari")
    assert "Cabut Sari (Pelayanan SKCK · semua kantor)" in bot.last(ADMIN_ID).text
    await bot.press(ADMIN_ID, "Ya, cabut")
    assert "Petugas terdaftar</b> (0)" in bot.last(ADMIN_ID).text
    assert "Sari dicabut." in bot.request.notices()
    assert await officers.get(bot.db, SKCK_OFFICER) is None
    await bot.send(SKCK_OFFICER, "/ikm")
    assert bot.last(SKCK_OFFICER).text.startswith(REFUSED)
    reset = [c for c in bot.request.calls if c.method == "deleteMyCommands"]
    assert reset and all(c.params["scope"]["chat_id"] == SKCK_OFFICER for c in reset)


async def test_roster_buttons_are_for_admins_only(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(ADMIN_ID, "/petugas")
    roster = bot.last(ADMIN_ID)
    await bot.press_data(CITIZEN, f"off:rvk:{SKCK_OFFICER}", shown=roster)
    assert bot.request.notices()[-1] == "Maaf, perintah ini hanya untuk admin SKM."
    assert await officers.get(bot.db, SKCK_OFFICER) is not None


async def test_back_from_the_revoke_question_keeps_the_officer(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await bot.send(ADMIN_ID, "/petugas")
    await bot.press(ADMIN_ID, "Cabut 1. Sari")
    await bot.press(ADMIN_ID, "Kembali")
    assert "1. Sari — Pelayanan SKCK · semua kantor" in bot.last(ADMIN_ID).text
    assert await officers.get(bot.db, SKCK_OFFICER) is not None


async def test_the_roster_goes_a_page_at_a_time_and_revoking_stays_on_the_page(bot: BotHarness):
    first = 83_000_000
    for n in range(23):  # all SKCK, so ordered by name
        await register(bot, first + n, "SKCK", name=f"Petugas {n + 1:02d}")
    await bot.send(ADMIN_ID, "/petugas")
    page = bot.last(ADMIN_ID)
    assert "Petugas terdaftar</b> (23)" in page.text and "1-10 dari 23" in page.text
    assert "10. Petugas 10" in page.text and "11. Petugas 11" not in page.text
    assert page.button_texts()[-1:] == ["Berikutnya »"]
    assert len(page.button_texts()) == 11  # ten revoke buttons and the next page

    await bot.press(ADMIN_ID, "Berikutnya »")
    page = bot.last(ADMIN_ID)
    assert "11-20 dari 23" in page.text and "11. Petugas 11" in page.text
    assert page.button_texts()[-2:] == ["« Sebelumnya", "Berikutnya »"]
    # Revoking someone on page two comes back to page two, which moves up by one.
    await bot.press(ADMIN_ID, "Cabut 12. Petugas 12")
    await bot.press(ADMIN_ID, "Ya, cabut")
    page = bot.last(ADMIN_ID)
    assert "Petugas terdaftar</b> (22)" in page.text and "11-20 dari 22" in page.text
    assert "12. Petugas 13" in page.text and "Petugas 12 " not in page.text
    assert await officers.get(bot.db, first + 11) is None

    await bot.press(ADMIN_ID, "Berikutnya »")
    page = bot.last(ADMIN_ID)
    assert "21-22 dari 22" in page.text and "Berikutnya »" not in page.button_texts()
    # "Kembali" from the question returns to the page it was asked on.
    await bot.press(ADMIN_ID, "Cabut 22. Petugas 23")
    await bot.press(ADMIN_ID, "Kembali")
    assert "21-22 dari 22" in bot.last(ADMIN_ID).text
    # Both on the last page revoked (say, from another phone), the page is pressed again:
    # the last page left is shown.
    for user_id in (first + 21, first + 22):
        await officers.revoke(bot.db, user_id)
    await bot.press_data(ADMIN_ID, "off:lst:20")
    page = bot.last(ADMIN_ID)
    assert "11-20 dari 20" in page.text and "Berikutnya »" not in page.button_texts()


async def test_roster_buttons_with_malformed_data_change_nothing(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await bot.send(ADMIN_ID, "/petugas")
    roster = bot.last(ADMIN_ID)
    for data in ("off:rvk", "off:rvk:abc", "off:rvk:-5", f"off:rvk:{SKCK_OFFICER}:1:2",
                 "off:lst:x:y", "off:rvk:" + "9" * 40):  # fmt: skip
        await bot.press_data(ADMIN_ID, data, shown=roster)
    assert await officers.get(bot.db, SKCK_OFFICER) is not None
    assert "1. Sari — Pelayanan SKCK · semua kantor" in bot.last(ADMIN_ID).text
    # A button from before the roster had pages still works.
    await bot.press_data(ADMIN_ID, f"off:rvk:{SKCK_OFFICER}", shown=roster)
    assert await officers.get(bot.db, SKCK_OFFICER) is None
