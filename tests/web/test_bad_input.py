"""Forged, replayed, oversized and odd requests: a clear page in the citizen's language, a 4xx,
nothing stored, nothing logged that identifies the citizen."""

from __future__ import annotations

import logging

import httpx
import pytest
from starlette.types import Message

from tests.web.conftest import (
    LABELS,
    PREFIX,
    PROFILE,
    WebWorld,
    form_of,
    press,
    texts,
    whole_survey,
)
from web.cookies import COOKIE
from web.forms import MAX_BODY

DESK = f"{PREFIX}/s/SKCK-POLRES"


async def started(client: httpx.AsyncClient, answers: int = 2) -> str:
    """A survey begun and `answers` profile questions answered; the page of the next one."""
    page = (await client.get(DESK)).text
    for label in ["Mulai survei", *PROFILE[:answers]]:
        page = await press(client, page, label)
    return page


async def nothing_stored(world: WebWorld) -> None:
    assert await world.rows("SELECT count(*) AS n FROM responses") == [{"n": 0}]


async def test_a_post_without_the_csrf_token_or_with_another_browsers_is_refused(
    world: WebWorld,
) -> None:
    async with world.client() as client, world.client() as other:
        page = await started(client)
        theirs = form_of(await started(other)).fields["csrf"]
        form = form_of(page)
        fields = form.do(PROFILE[2])
        missing = await client.post(
            form.action, data={k: v for k, v in fields.items() if k != "csrf"}
        )
        wrong = await client.post(form.action, data={**fields, "csrf": theirs})
        for response in (missing, wrong):
            assert response.status_code == 403
            assert "formulir ini bukan dari halaman survei Anda" in texts(response.text)
        after = (await client.get(DESK)).text
        assert "Tentang Anda (3/4)" in texts(after)  # still where it was
    assert await world.rows("SELECT step FROM surveys") == [{"step": 3}, {"step": 3}]


async def test_a_tampered_or_missing_cookie_cannot_post(world: WebWorld) -> None:
    async with world.client() as client:
        page = await started(client)
        form = form_of(page)
        browser_id, _, signature = client.cookies[COOKIE].partition(".")
        forged = f"{browser_id[:-1]}{'A' if browser_id[-1] != 'A' else 'B'}.{signature}"
        client.cookies.set(COOKIE, forged, path=PREFIX)
        response = await client.post(form.action, data=form.do(PROFILE[2]))
        assert response.status_code == 403
        assert "sesi survei di browser ini tidak dikenali" in texts(response.text)
    async with world.client() as stranger:  # the same form, from a browser without a cookie
        response = await stranger.post(form.action, data=form.do(PROFILE[2]))
        assert response.status_code == 403
    assert await world.rows("SELECT step FROM surveys") == [{"step": 3}]


async def test_a_replayed_answer_changes_nothing_and_says_the_page_is_out_of_date(
    world: WebWorld,
) -> None:
    async with world.client() as client:
        page = await started(client, answers=0)
        form = form_of(page)
        first = await client.post(form.action, data=form.do("Laki-laki"))
        assert first.status_code == 303
        replay = await client.post(form.action, data=form.do("Perempuan"))
        assert replay.status_code == 409
        assert "Halaman ini sudah tidak berlaku" in texts(replay.text)
        assert "Lanjutkan survei" in texts(replay.text)
    assert await world.rows("SELECT step, state FROM surveys") == [
        {"step": 2, "state": '{"values": {"gender": "L"}, "suggestion": null}'}
    ]


async def test_a_replayed_submit_stores_one_response(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get(DESK)).text
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
        page = await press(client, page, "Lewati")
        form = form_of(page)
        assert (await client.post(form.action, data=form.do("Kirim jawaban"))).status_code == 303
        again = await client.post(form.action, data=form.do("Kirim jawaban"))
        assert again.status_code == 409
        assert "Jawaban Anda sudah tersimpan" in texts(again.text)
    assert await world.rows("SELECT count(*) AS n FROM responses") == [{"n": 1}]


@pytest.mark.parametrize(
    "change",
    [
        {"do": "choose:9"},  # no such answer
        {"do": "choose:L'; DROP TABLE responses; --"},
        {"do": "destroy"},
        {"extra": "field"},
    ],
    ids=["answer-out-of-range", "injection", "unknown-action", "unknown-field"],
)
async def test_forged_fields_are_refused(world: WebWorld, change: dict[str, str]) -> None:
    async with world.client() as client:
        page = await started(client)
        form = form_of(page)
        response = await client.post(form.action, data={**form.do(PROFILE[2]), **change})
        assert response.status_code == 400
        assert "isian ini tidak dapat dibaca dan tidak disimpan" in texts(response.text)
    assert await world.rows("SELECT step FROM surveys") == [{"step": 3}]
    await nothing_stored(world)


async def test_a_repeated_field_is_refused(world: WebWorld) -> None:
    async with world.client() as client:
        form = form_of(await started(client))
        body = "&".join(f"{k}={v}" for k, v in form.do(PROFILE[2]).items()) + "&do=choose:P"
        response = await client.post(
            form.action,
            content=body.encode(),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
    assert response.status_code == 400


async def test_an_oversized_suggestion_is_refused_and_the_survey_waits(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get(DESK)).text
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
        form = form_of(page)
        response = await client.post(form.action, data={**form.do("Lanjut"), "text": "x" * 1001})
        assert response.status_code == 413
        assert "saran paling banyak 1.000 karakter" in texts(response.text)
        # 1,000 characters with new lines, which browsers send as two, fit.
        text = ("a" * 99 + "\n") * 10
        response = await client.post(
            form.action, data={**form.do("Lanjut"), "text": text.replace("\n", "\r\n")}
        )
        assert response.status_code == 303
    rows = await world.rows("SELECT state FROM surveys")
    assert '"suggestion": "' + ("a" * 99 + "\\n") * 9 + "a" * 99 + '"' in rows[0]["state"]


async def test_control_characters_in_a_suggestion_are_not_stored(world: WebWorld) -> None:
    # A browser can post what no keyboard types: NUL (which PostgreSQL refuses in text, so
    # the survey would fail at its last step), a bell, a terminal's escape sequences.
    async with world.client() as client:
        page = (await client.get(DESK)).text
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
        typed = "Antrean\x00 rapi\x07\x1b[31m.\r\n\tTerima kasih"
        page = await press(client, page, "Lanjut", text=typed)
        assert "Antrean rapi[31m. Terima kasih" in texts(page)  # the summary
        await press(client, page, "Kirim jawaban")
    async with world.client() as other:
        empty = await started(other, answers=0)
        for label in PROFILE + LABELS:
            empty = await press(other, empty, label)
        empty = await press(other, empty, "Lanjut", text="\x00\x1b")
        assert "Kotak saran masih kosong" in texts(empty)
    rows = await world.rows("SELECT suggestion FROM responses")
    assert rows == [{"suggestion": "Antrean rapi[31m.\n\tTerima kasih"}]


async def test_an_empty_suggestion_asks_again(world: WebWorld) -> None:
    async with world.client() as client:
        page = (await client.get(DESK)).text
        for label in ["Mulai survei", *PROFILE, *LABELS]:
            page = await press(client, page, label)
        page = await press(client, page, "Lanjut", text="   ")
        assert "Kotak saran masih kosong" in texts(page)


async def test_a_body_over_the_limit_is_refused_before_it_is_read(world: WebWorld) -> None:
    async with world.client() as client:
        form = form_of(await started(client))
        big = await client.post(form.action, data={**form.do(PROFILE[2]), "text": "x" * MAX_BODY})
        assert big.status_code == 413
        assert "terlalu besar" in texts(big.text)

        sent: list[int] = []

        async def chunks():  # no length up front: reading stops at the limit
            for _ in range(1000):
                sent.append(1)
                yield b"x" * 1024

        chunked = await client.post(
            form.action,
            content=chunks(),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert chunked.status_code == 413
        assert len(sent) < 40
        json = await client.post(form.action, json=form.do(PROFILE[2]))
        assert json.status_code == 415
    assert await world.rows("SELECT step FROM surveys") == [{"step": 3}]


async def test_unknown_units_paths_and_methods_get_a_page_in_the_citizens_language(
    world: WebWorld,
) -> None:
    english = {"accept-language": "en"}
    async with world.client() as client:
        for path in (
            f"{PREFIX}/s/NOPE-POLRES",
            f"{PREFIX}/s/SKCK-NOPE",
            f"{PREFIX}/s/SKCK",
            f"{PREFIX}/s/..%2F..%2Fetc%2Fpasswd",
            f"{PREFIX}/static/..%2F..%2Fservice%2Fconfig.py",
            f"{PREFIX}/k/not-a-kiosk-token-at-all",
            "/s/SKCK-POLRES",  # outside the site's path
        ):
            response = await client.get(path, headers=english)
            assert response.status_code == 404, path
            assert "this page or service code is not known" in texts(response.text), path
        for method in ("PUT", "DELETE", "PATCH"):
            response = await client.request(method, DESK)
            assert response.status_code == 405
            assert "tidak dapat dibuka dengan cara itu" in texts(response.text)
        response = await client.post(f"{PREFIX}/d/SKCK-POLRES", data={"do": "start"})
        assert response.status_code == 405
    assert await world.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]


async def test_nothing_identifying_is_logged(
    world: WebWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with world.client("203.0.113.77") as client:
        await whole_survey(client)
        cookie = client.cookies[COOKIE]
        form = form_of((await client.get(f"{PREFIX}/s/SIM-POLRES")).text)
        await client.post(form.action, data={**form.do("Mulai survei"), "csrf": "forged"})
    logged = caplog.text
    assert "Response stored for SKCK at POLRES (web)" in logged
    for secret in ("203.0.113.77", cookie, cookie.split(".")[0], "Antrean rapi."):
        assert secret not in logged
    rows = await world.rows("SELECT respondent FROM responses")
    assert cookie.split(".")[0] not in rows[0]["respondent"]


async def test_a_wrong_method_names_the_ones_allowed(world: WebWorld) -> None:
    async with world.client() as client:
        landing = await client.post(f"{PREFIX}/d/SKCK-POLRES", data={"do": "start"})
        desk = await client.delete(DESK)
    assert landing.status_code == 405 and "POST" not in landing.headers["allow"]
    assert desk.status_code == 405 and "POST" in desk.headers["allow"]


async def test_a_post_cut_off_midway_is_no_error(
    world: WebWorld, caplog: pytest.LogCaptureFixture
) -> None:
    # A phone losing its signal (or a slow client cut off) mid-post: nothing to answer, and
    # nothing for the log's errors, which a script could otherwise fill with tracebacks.
    caplog.set_level(logging.DEBUG)
    sent: list[Message] = []
    parts: list[Message] = [
        {"type": "http.request", "body": b"csrf=abc&do=st", "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> Message:
        return parts.pop(0) if parts else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": DESK,
        "raw_path": DESK.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"200"),
        ],
        "client": ("203.0.113.8", 40000),
        "server": ("127.0.0.1", 8080),
    }
    await world.app(scope, receive, send)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    await nothing_stored(world)
