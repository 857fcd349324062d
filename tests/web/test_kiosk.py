"""Kiosk mode: many citizens on one tablet, a fresh survey after each and when left idle."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import httpx
import pytest

from service.weblinks import new_kiosk_token
from storage import kiosks
from tests.web.conftest import (
    BASE,
    LABELS,
    PREFIX,
    PROFILE,
    WebWorld,
    form_of,
    press,
    texts,
)
from web.limits import Rate


async def kiosk_path(world: WebWorld) -> str:
    token = new_kiosk_token()
    await kiosks.create(world.db, token, "SKCK", "POLRES", 700101, datetime.now(UTC))
    return f"{PREFIX}/k/{token}"


async def test_one_tablet_takes_many_citizens_without_a_daily_limit(world: WebWorld) -> None:
    path = await kiosk_path(world)
    async with world.client() as tablet:
        for _ in range(3):
            start = (await tablet.get(path)).text
            assert 'class="kiosk"' in start and "Mulai survei" in texts(start)
            page = start
            for label in ["Mulai survei", *PROFILE, *LABELS, "Lewati"]:
                page = await press(tablet, page, label)
            thanks = await press(tablet, page, "Kirim jawaban")
            assert "Terima kasih!" in texts(thanks)
            # The thanks turn back into the start screen by themselves (no JavaScript needed).
            assert f'<meta http-equiv="refresh" content="8;url={path}">' in thanks
    rows = await world.rows(
        "SELECT channel, count(*) AS n, count(DISTINCT respondent) AS r FROM responses"
    )
    assert rows == [{"channel": "kiosk", "n": 3, "r": 1}]


async def test_a_kiosk_left_idle_starts_afresh(world: WebWorld) -> None:
    path = await kiosk_path(world)
    async with world.client() as tablet:
        page = (await tablet.get(path)).text
        for label in ["Mulai survei", *PROFILE[:2]]:
            page = await press(tablet, page, label)
        assert f'<meta http-equiv="refresh" content="121;url={path}">' in page
        world.clock.advance(seconds=60)
        assert "Tentang Anda (3/4)" in texts((await tablet.get(path)).text)
        world.clock.advance(seconds=120)
        fresh = (await tablet.get(path)).text
        assert "Mulai survei" in texts(fresh) and "refresh" not in fresh
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]


async def test_the_next_citizen_can_clear_a_survey_left_on_the_kiosk(world: WebWorld) -> None:
    """Someone walked away mid-survey: whoever comes next need not read or finish it."""
    path = await kiosk_path(world)
    async with world.client() as tablet:
        page = (await tablet.get(path)).text
        for label in ["Mulai survei", *PROFILE[:2]]:
            page = await press(tablet, page, label)
        assert "Tentang Anda (3/4)" in texts(page)
        fresh = await press(tablet, page, "Mulai dari awal (hapus jawaban ini)")
        assert "Mulai survei" in texts(fresh) and "Tentang Anda" not in texts(fresh)
        assert "Mulai dari awal" not in texts(fresh)  # nothing to clear on the start screen
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]
    assert await world.rows("SELECT count(*) AS n FROM responses") == [{"n": 0}]


async def test_a_phone_is_offered_no_clearing_and_a_forged_one_is_refused(
    world: WebWorld,
) -> None:
    async with world.client() as phone:
        page = (await phone.get(f"{PREFIX}/s/SKCK-POLRES")).text
        for label in ["Mulai survei", *PROFILE[:2]]:
            page = await press(phone, page, label)
        assert "Mulai dari awal" not in texts(page)
        form = form_of(page)
        forged = await phone.post(form.action, data={**form.fields, "do": "restart"})
        assert forged.status_code == 400
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 1}]


async def test_a_revoked_or_unknown_kiosk_token_opens_nothing(world: WebWorld) -> None:
    path = await kiosk_path(world)
    await kiosks.revoke(world.db, 1, datetime.now(UTC))
    async with world.client() as tablet:
        for address in (path, f"{PREFIX}/k/{new_kiosk_token()}"):
            response = await tablet.get(address)
            assert response.status_code == 404
            assert "tidak dikenal" in texts(response.text)
            posted = await tablet.post(address, data={"do": "start"})
            assert posted.status_code == 404
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]


async def test_a_failure_on_a_kiosk_page_logs_no_kiosk_token(
    world: WebWorld, caplog: pytest.LogCaptureFixture
) -> None:
    path = await kiosk_path(world)
    token = path.rsplit("/", 1)[1]
    async with world.db.transaction() as tx:  # the database breaks under the running bot
        await tx.execute("DROP TABLE surveys")
    caplog.set_level(logging.DEBUG)
    transport = httpx.ASGITransport(app=world.app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as tablet:
        failed = await tablet.get(path)
    assert failed.status_code == 500
    logged = "\n".join(
        logging.Formatter().format(r) for r in caplog.records if not r.name.startswith("httpx")
    )  # (httpx is the test's own client, logging the address it asked for)
    assert f"The web survey failed on GET {PREFIX}/k/" in logged
    assert token not in logged  # the token opens the kiosk: it is never logged


async def test_the_next_citizen_at_a_kiosk_is_welcomed_in_the_tablets_language(
    world: WebWorld,
) -> None:
    path = await kiosk_path(world)
    async with world.client() as tablet:
        page = (await tablet.get(path)).text
        page = await press(tablet, page, "Mulai survei")
        page = await press(tablet, page, "English")  # a visitor reads English
        assert "About you (1/4)" in texts(page)
        world.clock.advance(seconds=180)  # and walks away; the next citizen comes
        fresh = (await tablet.get(path)).text
    assert "Mulai survei" in texts(fresh) and 'lang="id"' in fresh


@pytest.mark.site(kiosk_starts=Rate(burst=3, per_s=3600.0))
async def test_a_kiosk_link_taken_away_cannot_start_surveys_without_end(world: WebWorld) -> None:
    # The link is on the tablet for anyone at the desk to copy: a script with it has no daily
    # limit, so new surveys from one address are limited (well above a desk's pace).
    path = await kiosk_path(world)
    statuses = []
    for _ in range(5):
        async with world.client("198.51.100.30") as script:
            page = (await script.get(path)).text
            answer = await script.post(form_of(page).action, data=form_of(page).do("Mulai survei"))
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                assert "Terlalu banyak permintaan" in texts(answer.text)
    assert statuses == [303, 303, 303, 429, 429]
    async with world.client("198.51.100.31") as tablet:  # the desk's own tablet goes on
        page = (await tablet.get(path)).text
        assert (await tablet.post(path, data=form_of(page).do("Mulai survei"))).status_code == 303
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 4}]
