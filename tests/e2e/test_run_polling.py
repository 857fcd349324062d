"""`skm-bot run` as its own process against a fake Bot API on 127.0.0.1: two citizens, a crash."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import IO

import pytest

from skm.questionnaire import ELEMENT_CODES
from tests.e2e.fake_telegram import TOKEN, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
SECRET = "e2e-secret-for-pseudonyms-0123456789"
ANI, BAYU = 81000101, 81000202  # two citizens' Telegram ids

ANI_PROFILE = ["Perempuan", "26-35 tahun", "S1", "PNS"]
ANI_LABELS = ["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah",
              "Baik", "Dikelola dengan baik"]  # fmt: skip
ANI_SCORES = [3, 3, 3, 4, 3, 3, 3, 3, 4]
BAYU_PROFILE = ["Laki-laki", "46-55 tahun", "SMA/SMK", "Wiraswasta"]
BAYU_LABELS = ["Kurang sesuai", "Tidak mudah", "Kurang cepat", "Cukup mahal", "Tidak sesuai",
               "Kurang kompeten", "Kurang sopan dan ramah", "Buruk", "Tidak ada"]  # fmt: skip
BAYU_SCORES = [2, 1, 2, 2, 1, 2, 2, 1, 1]


class BotProcess:
    """`python -m bot run` in a working directory of its own, its output kept in a log."""

    def __init__(self, api: FakeTelegram, workdir: Path) -> None:
        self.api = api
        self.workdir = workdir
        self.log_path = workdir / "bot.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "SKM_"))}
        self.env.update(
            PYTHONPATH=str(ROOT),
            BOT_TOKEN=TOKEN,
            BOT_API_BASE_URL=api.base_url,
            SKM_DATABASE=str(workdir / "skm.db"),
            SKM_SECRET=SECRET,
            SKM_LOG_LEVEL="INFO",
        )

    def start(self) -> None:
        polls = self.api.polls
        self._log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=self.workdir,  # no .env here: only the settings above
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        proc = self.proc
        self.api.wait_for(
            "the bot to start polling", lambda: self.api.polls > polls or proc.poll() is not None
        )
        if proc.poll() is not None:
            raise AssertionError(f"the bot exited at start:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, as in a crash or a pulled plug."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._close_log()

    def stop(self) -> None:
        """SIGTERM, and SIGKILL if it does not end in time."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    with fake.running():
        yield fake


def stored(db: Path) -> dict[str, dict[str, object]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return {r["office"]: dict(r) for r in conn.execute("SELECT * FROM responses")}


def answer(api: FakeTelegram, uid: int, labels: list[str]) -> None:
    for label in labels:
        assert api.press(uid, label) == ""


def test_two_citizens_a_crash_and_a_resume_through_the_real_process(
    api: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(api, tmp_path)
    try:
        bot.start()
        api.type(ANI, "/start SKCK-POLRES")
        api.type(BAYU, "/start SPKT-PS_KOTA")
        assert "Polres Contoh" in api.last(ANI).text
        assert "Polsek Kota" in api.last(BAYU).text

        answer(api, ANI, ["Mulai survei", *ANI_PROFILE, *ANI_LABELS[:3]])
        answer(api, BAYU, ["Mulai survei", *BAYU_PROFILE, *BAYU_LABELS[:5]])
        ani_screen = api.last(ANI)
        assert "Pertanyaan 4/9" in ani_screen.text
        assert "Pertanyaan 6/9" in api.last(BAYU).text

        bot.kill()
        bot.start()

        # Ani goes on pressing the message she had before the crash.
        answer(api, ANI, [ANI_LABELS[3]])
        assert "Pertanyaan 5/9" in api.last(ANI).text
        assert api.last(ANI).message_id == ani_screen.message_id
        # Bayu scans the QR code again and is back at the same question.
        api.type(BAYU, "/start SPKT-PS_KOTA")
        resumed = api.last(BAYU)
        assert resumed.text.startswith("Melanjutkan survei Anda")
        assert "Pertanyaan 6/9" in resumed.text

        answer(api, ANI, ANI_LABELS[4:])
        api.type(ANI, "Ruang tunggu perlu kipas angin.")
        assert "Saran: Ruang tunggu perlu kipas angin." in api.last(ANI).text
        answer(api, BAYU, [*BAYU_LABELS[5:], "Lewati"])
        answer(api, ANI, ["Kirim jawaban"])
        summary = api.last(BAYU)
        answer(api, BAYU, ["Kirim jawaban"])
        assert api.last(ANI).text.startswith("Terima kasih!")
        assert api.last(BAYU).text.startswith("Terima kasih!")
        # The same confirm again stores nothing more and still says it is recorded.
        assert (
            api.press(BAYU, "Kirim jawaban", summary)
            == "Jawaban Anda sudah tersimpan. Terima kasih!"
        )
    finally:
        bot.stop()

    rows = stored(tmp_path / "skm.db")
    assert set(rows) == {"POLRES", "PS_KOTA"}
    ani, bayu = rows["POLRES"], rows["PS_KOTA"]
    assert [ani[c.lower()] for c in ELEMENT_CODES] == ANI_SCORES
    assert [bayu[c.lower()] for c in ELEMENT_CODES] == BAYU_SCORES
    assert (ani["unit"], ani["gender"], ani["age"], ani["education"], ani["occupation"]) == (
        "SKCK", "P", "26-35", "S1", "PNS"
    )  # fmt: skip
    assert (bayu["unit"], bayu["gender"], bayu["age"], bayu["education"], bayu["occupation"]) == (
        "SPKT", "L", "46-55", "SMA", "WIRASWASTA"
    )  # fmt: skip
    assert ani["suggestion"] == "Ruang tunggu perlu kipas angin."
    assert bayu["suggestion"] is None
    assert ani["respondent"] != bayu["respondent"]

    database = b"".join(p.read_bytes() for p in tmp_path.glob("skm.db*"))
    log = bot.log()
    for uid in (ANI, BAYU):
        assert str(uid).encode() not in database
        assert str(uid) not in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert "Response stored for SKCK at POLRES" in log
