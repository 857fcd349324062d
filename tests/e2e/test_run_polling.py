"""`skm-bot run` against a fake Bot API on 127.0.0.1: two citizens, a crash, a poison update."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from skm.questionnaire import ELEMENT_CODES
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import TOKEN, FakeTelegram

ANI, BAYU = 81000101, 81000202  # two citizens' Telegram ids
DEWI = 81000505  # a citizen whose message the library cannot read

ANI_PROFILE = ["Perempuan", "26-35 tahun", "S1", "PNS"]
ANI_LABELS = ["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten", "Sopan dan ramah",
              "Baik", "Dikelola dengan baik"]  # fmt: skip
ANI_SCORES = [3, 3, 3, 4, 3, 3, 3, 3, 4]
BAYU_PROFILE = ["Laki-laki", "46-55 tahun", "SMA/SMK", "Wiraswasta"]
BAYU_LABELS = ["Kurang sesuai", "Tidak mudah", "Kurang cepat", "Cukup mahal", "Tidak sesuai",
               "Kurang kompeten", "Kurang sopan dan ramah", "Buruk", "Tidak ada"]  # fmt: skip
BAYU_SCORES = [2, 1, 2, 2, 1, 2, 2, 1, 1]


def stored(db: Path) -> dict[str, dict[str, object]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return {r["office"]: dict(r) for r in conn.execute("SELECT * FROM responses")}


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

        api.press_through(ANI, ["Mulai survei", *ANI_PROFILE, *ANI_LABELS[:3]])
        api.press_through(BAYU, ["Mulai survei", *BAYU_PROFILE, *BAYU_LABELS[:5]])
        ani_screen = api.last(ANI)
        assert "Pertanyaan 4/9" in ani_screen.text
        assert "Pertanyaan 6/9" in api.last(BAYU).text

        bot.kill()
        bot.start()

        # Ani goes on pressing the message she had before the crash.
        api.press_through(ANI, [ANI_LABELS[3]])
        assert "Pertanyaan 5/9" in api.last(ANI).text
        assert api.last(ANI).message_id == ani_screen.message_id
        # Bayu scans the QR code again and is back at the same question.
        api.type(BAYU, "/start SPKT-PS_KOTA")
        resumed = api.last(BAYU)
        assert resumed.text.startswith("Melanjutkan survei Anda")
        assert "Pertanyaan 6/9" in resumed.text

        api.press_through(ANI, ANI_LABELS[4:])
        api.type(ANI, "Ruang tunggu perlu kipas angin.")
        assert "Saran: Ruang tunggu perlu kipas angin." in api.last(ANI).text
        api.press_through(BAYU, [*BAYU_LABELS[5:], "Lewati"])
        api.press_through(ANI, ["Kirim jawaban"])
        summary = api.last(BAYU)
        api.press_through(BAYU, ["Kirim jawaban"])
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


def test_an_update_the_library_cannot_read_is_skipped_once_and_the_next_citizen_served(
    api: FakeTelegram, tmp_path: Path
) -> None:
    # Ani, then Dewi's message the library cannot build, then Bayu: one batch, at start.
    api.send_text(ANI, "/start SKCK-POLRES")
    poison = api.send_unreadable(DEWI, "Dewi Lestari")
    api.send_text(BAYU, "/start SPKT-PS_KOTA")
    bot = BotProcess(api, tmp_path)
    try:
        bot.start()
        # Updates of different chats run at once: either may be answered first.
        api.wait_for(
            "both citizens to be served", lambda: api.sent_to(ANI) > 0 and api.sent_to(BAYU) > 0
        )
        assert "Polres Contoh" in api.last(ANI).text
        assert "Polsek Kota" in api.last(BAYU).text
        # One alone in a batch, the last the bot was given, is acknowledged too.
        last = api.send_unreadable(DEWI, "Dewi Lestari")
        api.wait_for("the next poll to confirm it", lambda: last in api.confirmed_by)
        api.type(ANI, "/batal")
    finally:
        bot.stop()

    assert {poison, last} <= set(api.confirmed_by)
    assert not api.redelivered  # nothing was fetched twice, let alone forever
    assert api.allowed_updates == ["message", "edited_message", "callback_query"]
    log = bot.log()
    skipped = [line for line in log.splitlines() if "Skipped update" in line]
    assert len(skipped) == 2, log[-3000:]
    assert f"Skipped update {poison} " in skipped[0] and f"Skipped update {last} " in skipped[1]
    assert "TypeError: Poll.__init__() missing" in skipped[0]
    for personal in (str(DEWI), "Dewi", "Lestari", str(ANI), str(BAYU)):
        assert personal not in log
    assert "Unhandled error" not in log
