"""/kiosk: an officer's link for a desk's tablet, listed by officers, revoked by an admin."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.bot.officer_helpers import KOTA_OFFICER, SKCK_OFFICER, register
from tests.e2e.test_webhook import free_port
from tests.support.harness import ADMIN_ID, BotHarness

CITIZEN = 81000101
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/survei/k/[A-Za-z0-9_-]+)")


@pytest.fixture
async def webbot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """The bot with the web survey on: it serves on a free local port while it runs."""
    port = free_port()
    harness = await BotHarness(
        tmp_path, skm_web_url=f"http://127.0.0.1:{port}/survei", skm_web_port=port
    ).start()
    yield harness
    await harness.stop()


async def test_an_officer_makes_a_kiosk_link_that_opens_the_survey_until_revoked(
    webbot: BotHarness,
) -> None:
    await register(webbot, SKCK_OFFICER, "SKCK")
    await webbot.send(SKCK_OFFICER, "/kiosk SKCK POLRES")
    made = webbot.last(SKCK_OFFICER).text
    assert made.startswith("Tautan kiosk nomor 1 untuk <b>Pelayanan SKCK</b> · Polres Contoh:")
    found = LINK.search(made)
    assert found is not None
    link = found.group(1)
    rows = await webbot.db.rows("SELECT unit, office, created_by, token_hash FROM kiosks")
    assert [tuple(r)[:3] for r in rows] == [("SKCK", "POLRES", SKCK_OFFICER)]
    assert link.rsplit("/", 1)[1] not in rows[0][3]  # only the token's hash is kept

    async with httpx.AsyncClient() as browser:
        page = await browser.get(link)
        assert page.status_code == 200 and "Mulai survei" in page.text

        await webbot.send(SKCK_OFFICER, "/kiosk daftar")
        assert "1. Pelayanan SKCK · Polres Contoh, dibuat" in webbot.last(SKCK_OFFICER).text
        await webbot.send(SKCK_OFFICER, "/kiosk cabut 1")  # officers cannot revoke
        assert webbot.last(SKCK_OFFICER).text == "Maaf, perintah ini hanya untuk admin SKM."
        await webbot.send(ADMIN_ID, "/kiosk cabut 1")
        assert webbot.last(ADMIN_ID).text == "Tautan kiosk nomor 1 (SKCK · POLRES) dicabut."
        await webbot.send(ADMIN_ID, "/kiosk cabut 1")
        assert webbot.last(ADMIN_ID).text == "Tidak ada tautan kiosk aktif bernomor 1."

        gone = await browser.get(link)
        assert gone.status_code == 404 and "tidak dikenal" in gone.text


async def test_kiosk_links_stay_within_the_officers_scope(webbot: BotHarness) -> None:
    await register(webbot, KOTA_OFFICER, "SKCK PS_KOTA")
    await webbot.send(KOTA_OFFICER, "/kiosk SKCK POLRES")
    assert webbot.last(KOTA_OFFICER).text.startswith("Maaf")
    await webbot.send(KOTA_OFFICER, "/kiosk SKCK")  # their own office
    assert "Polsek Kota" in webbot.last(KOTA_OFFICER).text
    await webbot.send(ADMIN_ID, "/kiosk SKCK")
    assert webbot.last(ADMIN_ID).text.startswith("Unit SKCK dilayani di beberapa kantor")
    await webbot.send(ADMIN_ID, "/kiosk")
    assert webbot.last(ADMIN_ID).text.startswith("Tulis unitnya: /kiosk UNIT [KANTOR]")
    await webbot.send(CITIZEN, "/kiosk SKCK POLRES")
    assert webbot.last(CITIZEN).text.startswith("Maaf, perintah ini hanya untuk petugas SKM.")
    assert [tuple(r) for r in await webbot.db.rows("SELECT office FROM kiosks")] == [("PS_KOTA",)]


async def test_without_the_web_survey_there_are_no_kiosk_links(bot: BotHarness) -> None:
    await bot.send(ADMIN_ID, "/kiosk SIM")
    assert bot.last(ADMIN_ID).text.startswith("Survei web belum aktif")
    assert await bot.db.rows("SELECT * FROM kiosks") == []


async def test_with_the_web_survey_the_poster_opens_the_desks_page(webbot: BotHarness) -> None:
    await webbot.send(ADMIN_ID, "/qr SIM")
    photo = next(m for m in webbot.request.messages(ADMIN_ID) if m.kind == "photo")
    assert re.search(r"http://127\.0\.0\.1:\d+/survei/d/SIM-POLRES", photo.text)
