"""The web survey in a real headless Chromium, served by the real `skm-bot run` process.

Each test starts the bot (against the fake Bot API) with SKM_WEB_URL on a free local
port and clicks through the survey by the labels a citizen reads. A screenshot of every
screen at 360×740 is written under the test's temporary folder (`screens/`).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from skm.questionnaire import ELEMENT_CODES
from tests.e2e.bot_process import ROOT, BotProcess
from tests.e2e.browser import Browser, chromium, require_chromium
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.test_webhook import free_port, listening

PROFILE = ["Perempuan", "36-45 tahun", "D1-D4", "Pegawai swasta"]
LABELS = ["Sangat sesuai", "Mudah", "Sangat cepat", "Gratis", "Sesuai", "Sangat kompeten",
          "Sangat sopan dan ramah", "Baik", "Dikelola dengan baik"]  # fmt: skip
SCORES = [4, 3, 4, 4, 3, 4, 4, 3, 4]
SUGGESTION = "Loket pengambilan perlu papan nomor antrean."
PAGE_LIMIT = 30 * 1024
KIOSK_IDLE_S = 5


@pytest.fixture(autouse=True)
def _chromium() -> None:
    require_chromium()


class WebBot:
    """`skm-bot run` serving the web survey on 127.0.0.1:port, and its database."""

    def __init__(self, api: FakeTelegram, tmp_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/survei"
        self.process = BotProcess(api, tmp_path)
        self.process.env.update(
            SKM_WEB_URL=self.url,
            SKM_WEB_PORT=str(self.port),
            SKM_BOT_USERNAME="SkmContohBot",
            SKM_KIOSK_IDLE_SECONDS=str(KIOSK_IDLE_S),
        )
        self.api = api
        self.db_path = self.process.db_path

    def start(self) -> None:
        self.process.start()
        proc = self.process.proc
        assert proc is not None
        self.api.wait_for(
            "the web survey to listen", lambda: listening(self.port) or proc.poll() is not None
        )
        self.process.polling()

    def rows(self, sql: str) -> list[dict[str, Any]]:
        with closing(sqlite3.connect(self.db_path)) as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(sql)]

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=self.process.workdir,
            env={**self.process.env},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return done.stdout

    def log(self) -> str:
        return self.process.log()


@pytest.fixture
def web(api: FakeTelegram, tmp_path: Path) -> Iterator[WebBot]:
    bot = WebBot(api, tmp_path)
    bot.start()
    try:
        yield bot
    finally:
        bot.process.stop()
    log = bot.log()
    assert "Traceback" not in log, log[-3000:]


def answer_questions(browser: Browser, labels: list[str], name: str) -> None:
    for n, label in enumerate(labels, start=1):
        browser.shot(f"{name}-{n}")
        assert browser.page_bytes() < PAGE_LIMIT
        browser.press(label)


def test_a_whole_survey_by_its_labels_resumes_after_a_reload_and_a_restart(
    web: WebBot, tmp_path: Path
) -> None:
    with chromium(tmp_path / "screens") as browser:
        browser.open(f"{web.url}/d/SKCK-POLRES")
        assert "Telegram tidak wajib" in browser.text()
        assert "Buka di Telegram" in browser.labels()
        browser.shot("landing")
        browser.press("Isi di browser")
        assert "Anonim" in browser.text()
        browser.shot("welcome")
        browser.press("Mulai survei")
        answer_questions(browser, PROFILE, "profile")
        answer_questions(browser, LABELS[:3], "element")
        assert "Pertanyaan 4/9" in browser.text()

        browser.driver.refresh()  # a reload comes back to the same question
        assert "Pertanyaan 4/9" in browser.text()
        web.process.stop()  # so does a restart of the whole bot
        web.start()
        browser.driver.refresh()
        assert "Pertanyaan 4/9" in browser.text()

        browser.press("« Kembali")
        assert "Pertanyaan 3/9" in browser.text()
        answer_questions(browser, LABELS[2:], "element")
        assert "Saran" in browser.text()
        browser.type(SUGGESTION)
        browser.shot("suggestion")
        browser.press("Lanjut")
        assert "Periksa jawaban Anda" in browser.text()
        assert SUGGESTION in browser.text()
        browser.shot("summary")
        browser.press("Kirim jawaban")
        assert "Terima kasih! Jawaban Anda untuk Pelayanan SKCK" in browser.text()
        browser.shot("thanks")

        # The daily limit: the same browser, the same desk, the same day.
        browser.open(f"{web.url}/s/SKCK-POLRES")
        assert "sudah mengisi survei untuk Pelayanan SKCK hari ini" in browser.text()
        assert "Mulai survei" not in browser.labels()
        browser.shot("limit")

    rows = web.rows("SELECT * FROM responses")
    assert len(rows) == 1
    row = rows[0]
    assert [row[c.lower()] for c in ELEMENT_CODES] == SCORES
    assert (row["unit"], row["office"], row["gender"], row["age"], row["education"]) == (
        "SKCK", "POLRES", "P", "36-45", "D1-D4"
    )  # fmt: skip
    assert row["suggestion"] == SUGGESTION
    assert row["channel"] == "web"
    assert web.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]
    shots = sorted((tmp_path / "screens").glob("*.png"))
    assert len(shots) >= 19
    from PIL import Image

    with Image.open(shots[0]) as first:
        assert first.size == (360, 740)


def test_english_from_the_browsers_language(web: WebBot, tmp_path: Path) -> None:
    with chromium(tmp_path / "screens-en", lang="en-US") as browser:
        browser.open(f"{web.url}/s/SKCK-POLRES")
        assert "Thank you for using the police certificate (SKCK) service" in browser.text()
        browser.shot("welcome-en")
        browser.press("Start the survey")
        assert "About you (1/4)" in browser.text()
        browser.press("Bahasa Indonesia")  # switchable on every page
        assert "Tentang Anda (1/4)" in browser.text()
        browser.press("English")
        assert "About you (1/4)" in browser.text()
        browser.shot("profile-en")
        # Readable at 320 px: nothing wider than the screen, so no sideways scrolling.
        browser.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True},
        )
        browser.driver.refresh()
        assert browser.driver.execute_script("return document.documentElement.scrollWidth") <= 320
        browser.shot("profile-en-320")


def test_the_whole_survey_with_javascript_off(web: WebBot, tmp_path: Path) -> None:
    with chromium(tmp_path / "screens-nojs", javascript=False) as browser:
        browser.open(f"{web.url}/s/SIM-POLRES")
        browser.press("Mulai survei")
        browser.press_through([*PROFILE, *LABELS])
        browser.type("Tanpa JavaScript pun bisa.")
        assert not browser.driver.find_element("css selector", ".count").is_displayed()
        browser.press("Lanjut")
        browser.shot("summary-nojs")
        browser.press("Kirim jawaban")
        assert "Terima kasih!" in browser.text()
    rows = web.rows("SELECT unit, suggestion FROM responses")
    assert rows == [{"unit": "SIM", "suggestion": "Tanpa JavaScript pun bisa."}]


def test_a_kiosk_starts_afresh_after_each_citizen_and_when_left_idle(
    web: WebBot, tmp_path: Path
) -> None:
    made = web.cli("kiosk", "add", "SKCK", "--office", "POLRES")
    link = next(word for word in made.split() if word.startswith("http"))
    assert link.startswith(f"{web.url}/k/")
    with chromium(tmp_path / "screens-kiosk") as browser:
        for citizen in range(2):  # no daily limit: one tablet, many citizens
            browser.open(link)
            assert "Mulai survei" in browser.labels()
            browser.shot(f"kiosk-start-{citizen}")
            browser.press("Mulai survei")
            browser.press_through([*PROFILE, *LABELS])
            browser.press("Lewati")
            browser.press("Kirim jawaban")
            assert "Terima kasih!" in browser.text()
            browser.shot(f"kiosk-thanks-{citizen}")
            browser.press("Mulai survei baru")
        # A citizen who walks away mid-survey: the tablet goes back to the start by itself.
        browser.press("Mulai survei")
        browser.press_through(PROFILE[:2])
        assert "Tentang Anda (3/4)" in browser.text()
        browser.wait_for_text("Anonim", timeout=KIOSK_IDLE_S + 20)
        assert "Mulai survei" in browser.labels()

        assert web.cli("kiosk", "revoke", "1").startswith("Tautan kiosk nomor 1")
        browser.open(link)
        assert "tidak dikenal" in browser.text()
    assert web.rows("SELECT channel, count(*) AS n FROM responses") == [
        {"channel": "kiosk", "n": 2}
    ]
    assert web.rows("SELECT count(*) AS n FROM surveys") == [{"n": 0}]


def test_the_readme_screenshot_is_the_welcome_at_phone_size() -> None:
    from PIL import Image

    with Image.open(ROOT / "docs" / "web-survey.png") as shot:
        assert shot.width <= 360 and shot.height <= 740


def test_a_long_suggestion_on_lines_of_its_own_fits_a_320_px_summary(
    web: WebBot, tmp_path: Path
) -> None:
    # A pasted link or a long run of letters must not push the page sideways on the
    # smallest phones, and the citizen's own line breaks are shown as they typed them.
    link = "https://contoh.go.id/" + "antrean" * 30
    with chromium(tmp_path / "screens-320") as browser:
        browser.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True},
        )
        browser.open(f"{web.url}/s/SKCK-POLRES")
        browser.press("Mulai survei")
        browser.press_through([*PROFILE, *LABELS])
        browser.type(f"Baris pertama.\n{link}")
        browser.press("Lanjut")
        browser.shot("summary-320")
        wide = browser.driver.execute_script("return document.documentElement.scrollWidth")
        shown = browser.driver.find_elements("css selector", ".summary dd")[-1].text
    assert wide <= 320
    assert shown.replace("\n", "").startswith("Baris pertama.https://")
    assert shown.startswith("Baris pertama.\n")
