"""`skm-bot web`: the web survey alone, beside one polling `skm-bot run` on one PostgreSQL database.

A citizen answers on the web-only process with a low score; the officer subscribed to the
unit hears of it from the Telegram process, which sends the alert the web response queued.
A Telegram citizen finishes meanwhile; each response is stored once, with its channel.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path

import asyncpg
import httpx
import pytest

from service.directory import load_directory
from service.i18n import t
from service.privacy import pseudonym
from tests.e2e.bot_process import SECRET, BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.test_webhook import free_port, listening
from tests.support.postgres import fresh_schema_sync
from tests.web.conftest import LABELS, PROFILE, form_of, texts

ADMIN = 5_570_000_001
OFFICER = 5_570_000_002
CITIZEN = 5_570_000_003
DESK = "SKCK-POLRES"
# The web citizen finds the requirements not suitable at all (U1 scores 1): an alert.
LOW_LABELS = ["Tidak sesuai", *LABELS[1:]]
TG_PROFILE = ["Laki-laki", "46-55 tahun", "SMA/SMK", "Wiraswasta"]
TG_LABELS = ["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah",
             "Baik", "Dikelola dengan baik"]  # fmt: skip
_INVITE = re.compile(r"start=(inv-[A-Za-z0-9_-]+)")


@pytest.fixture
def database() -> Iterator[str]:
    with fresh_schema_sync() as url:
        yield url


def web_process(api: FakeTelegram, workdir: Path, port: int) -> BotProcess:
    """`python -m bot web` in a directory of its own, with no BOT_TOKEN at all."""
    workdir.mkdir()
    web = BotProcess(api, workdir, command="web")
    del web.env["BOT_TOKEN"]
    web.env.update(SKM_WEB_URL=f"http://127.0.0.1:{port}", SKM_WEB_PORT=str(port))
    return web


def serve(api: FakeTelegram, web: BotProcess, port: int) -> None:
    web.spawn()
    proc = web.proc
    assert proc is not None
    api.wait_for("the web survey to listen", lambda: listening(port) or proc.poll() is not None)
    assert proc.poll() is None, f"the web process exited on its own:\n{web.log()[-3000:]}"


def press(client: httpx.Client, page: str, label: str, **extra: str) -> str:
    """Press a button by its label, as a browser posts the form; the next page's HTML."""
    form = form_of(page)
    response = client.post(form.action, data={**form.do(label), **extra})
    assert response.status_code == 303, (response.status_code, texts(response.text))
    following = client.get(response.headers["location"])
    assert following.status_code == 200
    return following.text


def web_survey(port: int) -> str:
    """A citizen answers the whole survey in a browser, low on U1; the thanks page."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        page = client.get(f"/s/{DESK}").text
        for label in ["Mulai survei", *PROFILE, *LOW_LABELS]:
            page = press(client, page, label)
        page = press(client, page, "Lanjut", text="Syaratnya tidak jelas.")
        return press(client, page, "Kirim jawaban")


def stored(url: str) -> list[dict[str, object]]:
    """Every stored response's channel, pseudonym and first answer."""

    async def fetch() -> list[dict[str, object]]:
        conn = await asyncpg.connect(url)
        try:
            rows = await conn.fetch("SELECT channel, respondent, u1 FROM responses ORDER BY id")
            return [dict(r) for r in rows]
        finally:
            await conn.close()

    return asyncio.run(fetch())


def test_a_web_only_process_beside_a_polling_one_shares_the_database_and_its_alerts(
    api: FakeTelegram, tmp_path: Path, database: str
) -> None:
    directory = load_directory(None)
    alert = t("id", "officer.alert_title", unit=escape(directory.unit_name("SKCK", "id")))
    thanks = "Terima kasih! Jawaban Anda untuk Pelayanan SKCK di Polres Contoh"
    (tmp_path / "tg").mkdir()
    bot = BotProcess(api, tmp_path / "tg")
    bot.env.update(SKM_DATABASE=database, SKM_ADMIN_IDS=str(ADMIN))
    port = free_port()
    web = web_process(api, tmp_path / "web", port)
    web.env.update(SKM_DATABASE=database)
    try:
        bot.start()
        api.type(ADMIN, "/undang SKCK")  # the admin invites an officer of the unit
        invite = _INVITE.search(api.last(ADMIN).text)
        assert invite, api.last(ADMIN).text
        api.type(OFFICER, f"/start {invite[1]}")
        polls = api.polls
        serve(api, web, port)

        assert thanks in texts(web_survey(port))
        api.wait_for(
            "the officer's alert from the Telegram process",
            lambda: any(text.startswith(alert) for text in api.texts(OFFICER)),
            timeout=90,  # the outbox job runs every 30 s
        )
        api.type(CITIZEN, f"/start {DESK}")
        api.press_through(
            CITIZEN, ["Mulai survei", *TG_PROFILE, *TG_LABELS, "Lewati", "Kirim jawaban"]
        )
        assert thanks in api.last(CITIZEN).text
        assert api.polls > polls  # the Telegram process went on polling all along
    finally:
        web.stop()
        bot.stop()

    assert web.proc is not None and web.proc.returncode == 0, web.log()[-2000:]
    rows = stored(database)
    assert [r["channel"] for r in rows] == ["web", "telegram"]
    assert rows[0]["u1"] == 1 and rows[1]["u1"] == 3
    assert rows[1]["respondent"] == pseudonym(SECRET.encode(), CITIZEN)
    assert sum(text.startswith(alert) for text in api.texts(OFFICER)) == 1
    log = web.log()
    assert "Web survey stopped" in log and "Database closed" in log
    for process in (bot, web):
        assert "Traceback" not in process.log() and "Unhandled error" not in process.log()


def test_skm_bot_web_starts_without_a_bot_token_and_never_loads_telegram(
    api: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    web = web_process(api, tmp_path / "web", port)
    # Python lists every module it imports on stderr, which goes to the log.
    web.env.update(PYTHONPROFILEIMPORTTIME="1")
    try:
        serve(api, web, port)
        page = httpx.get(f"http://127.0.0.1:{port}/s/{DESK}", timeout=30)
        assert "Mulai survei" in page.text
    finally:
        web.stop()
    assert web.proc is not None and web.proc.returncode == 0
    log = web.log()
    imported = re.findall(r"^import time:.*\|\s*(\S+)$", log, flags=re.MULTILINE)
    assert "web.app" in imported and "uvicorn" in imported  # the list is there
    assert [name for name in imported if name.split(".")[0] == "telegram"] == []
    assert api.polls == 0
    assert "Got SIGTERM; stopping" in log and "Database closed" in log
    assert "Traceback" not in log
