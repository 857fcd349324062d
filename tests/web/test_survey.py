"""The web survey through its HTTP interface: screens, resume, language, limits, pages."""

from __future__ import annotations

import html
import re

import pytest

from tests.web.conftest import LABELS, PREFIX, PROFILE, WebWorld, press, texts, whole_survey


async def test_a_whole_survey_is_stored_once_with_what_was_answered(world: WebWorld) -> None:
    async with world.client() as client:
        thanks = await whole_survey(client)
        assert "Terima kasih! Jawaban Anda untuk Pelayanan SKCK di Polres Contoh" in texts(thanks)
    rows = await world.rows("SELECT * FROM responses")
    assert len(rows) == 1
    row = rows[0]
    assert [row[f"u{i}"] for i in range(1, 10)] == [4, 3, 4, 4, 3, 4, 4, 3, 4]
    assert (row["gender"], row["age"], row["education"], row["occupation"]) == (
        "P", "36-45", "D1-D4", "SWASTA"
    )  # fmt: skip
    assert row["suggestion"] == "Antrean rapi."
    assert row["channel"] == "web"
    assert len(row["respondent"]) == 32  # a keyed pseudonym, nothing of the browser
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]
    assert len(world.stored) == 1  # the officers' side heard of it


async def test_every_screen_is_small_and_asks_one_thing(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get("/survei/s/SKCK-POLRES")).text
        seen = [page]
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
            seen.append(page)
        assert "Periksa jawaban Anda" not in texts(page)  # the suggestion comes first
        page = await press(client, page, "Lewati")
        seen.append(page)
    assert all(len(p.encode()) < 30 * 1024 for p in seen)
    assert all(p.count("<form") <= 1 for p in seen)
    element = texts(seen[5])  # the first element, with its official name
    assert "Pertanyaan 1/9" in element and "Persyaratan" in element
    summary = texts(seen[-1])
    assert "Periksa jawaban Anda sebelum dikirim" in summary
    assert "Pegawai swasta" in summary and "Dikelola dengan baik" in summary


async def test_a_reload_shows_the_same_question_and_back_goes_back(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get("/survei/s/SKCK-POLRES")).text
        for label in ["Mulai survei", *PROFILE, *LABELS[:2]]:
            page = await press(client, page, label)
        again = (await client.get("/survei/s/SKCK-POLRES")).text
        assert "Pertanyaan 3/9" in texts(again)
        page = await press(client, again, "« Kembali")
        assert "Pertanyaan 2/9" in texts(page)


async def test_english_comes_from_the_browser_and_can_be_switched(world: WebWorld) -> None:
    async with world.client() as client:
        headers = {"accept-language": "en-GB,en;q=0.9,id;q=0.5"}
        page = (await client.get("/survei/s/SKCK-POLRES", headers=headers)).text
        assert "Thank you for using the police certificate (SKCK) service" in texts(page)
        page = await press(client, page, "Start the survey")
        assert "About you (1/4)" in texts(page)
        page = await press(client, page, "Bahasa Indonesia")
        assert "Tentang Anda (1/4)" in texts(page)
        # The language is the survey's now, whatever the browser says.
        assert "Tentang Anda" in texts(
            (await client.get("/survei/s/SKCK-POLRES", headers=headers)).text
        )


async def test_the_daily_limit_applies_to_the_browser(world: WebWorld) -> None:
    async with world.client() as client:
        await whole_survey(client)
        page = (await client.get("/survei/s/SKCK-POLRES")).text
        assert "sudah mengisi survei untuk Pelayanan SKCK hari ini" in texts(page)
        assert "<form" not in page
        # Another unit is another survey; the next day the limit is over.
        assert "Mulai survei" in texts((await client.get("/survei/s/SIM-POLRES")).text)
        world.clock.advance(days=1)
        assert "Mulai survei" in texts((await client.get("/survei/s/SKCK-POLRES")).text)
    async with world.client() as other:  # another browser has its own limit
        assert "Mulai survei" in texts((await other.get("/survei/s/SKCK-POLRES")).text)


async def test_the_cookie_is_signed_httponly_and_samesite(world: WebWorld) -> None:
    async with world.client() as client:
        response = await client.get("/survei/s/SKCK-POLRES")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/survei" in cookie
    assert "Secure" not in cookie  # http on localhost; Secure with an https address
    assert response.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in response.headers["content-security-policy"]


@pytest.mark.site(base_url="https://skm.example.go.id/survei")
async def test_the_cookie_is_secure_on_https(world: WebWorld) -> None:
    async with world.client() as client:
        response = await client.get("/survei/s/SKCK-POLRES")
    assert "Secure" in response.headers["set-cookie"]


async def test_a_survey_open_at_another_desk_is_kept_unless_the_citizen_switches(
    world: WebWorld,
) -> None:
    async with world.client() as client:
        page = (await client.get("/survei/s/SKCK-POLRES")).text
        for label in ["Mulai survei", *PROFILE[:2]]:
            page = await press(client, page, label)
        other = (await client.get("/survei/s/SIM-POLRES")).text
        assert "belum selesai" in texts(other)
        assert "Lanjutkan survei sebelumnya" in texts(other)
        page = await press(client, other, "Mulai survei baru")
        assert "Terima kasih telah menggunakan Pelayanan SIM" in texts(page)
    rows = await world.rows("SELECT unit FROM surveys")
    assert rows == [{"unit": "SIM"}]


async def test_the_landing_page_offers_the_browser_and_telegram(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get("/survei/d/SKCK-POLRES")).text
    assert "Telegram tidak wajib" in texts(page)
    assert 'href="/survei/s/SKCK-POLRES?lang=id"' in page
    assert 'href="https://t.me/SkmContohBot?start=SKCK-POLRES"' in page


async def test_the_index_lists_every_desk(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get("/survei/")).text
    assert 'href="/survei/d/SKCK-POLRES?lang=id"' in page


async def test_the_stylesheet_and_script_are_served_by_the_bot(world: WebWorld) -> None:
    async with world.client() as client:
        css = await client.get("/survei/static/skm.css")
        js = await client.get("/survei/static/skm.js")
        missing = await client.get("/survei/static/..%2Fapp.py")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert js.status_code == 200 and "use strict" in js.text
    assert missing.status_code == 404 and "tidak dikenal" in texts(missing.text)


async def test_going_back_from_the_summary_keeps_the_suggestion_in_its_box(
    world: WebWorld,
) -> None:
    # A citizen who goes back to fix a typo finds their words there, not an empty box.
    async with world.client() as client:
        page = (await client.get(f"{PREFIX}/s/SKCK-POLRES")).text
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
        page = await press(client, page, "Lanjut", text='Antrean <rapi> & "cepat"')
        page = await press(client, page, "« Kembali")
    assert "Saran dan masukan" in texts(page)
    box = re.search(r"<textarea[^>]*>([^<]*)</textarea>", page)
    assert box is not None and html.unescape(box.group(1)) == 'Antrean <rapi> & "cepat"'
