"""`skm-bot run` in webhook mode, as its own process: Telegram posts updates to it over HTTP."""

from __future__ import annotations

import socket
import sqlite3
from contextlib import closing
from pathlib import Path

from skm.questionnaire import ELEMENT_CODES
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import TOKEN, FakeTelegram, post_webhook

CITRA, FORGER = 81000303, 81000404  # a citizen, and someone posting to the URL directly
WEBHOOK_SECRET = "e2e-webhook-secret_0123456789"
PROFILE = ["Perempuan", "36-45 tahun", "D1-D4", "Pegawai swasta"]
LABELS = ["Sangat sesuai", "Mudah", "Sangat cepat", "Gratis", "Sesuai", "Sangat kompeten",
          "Sangat sopan dan ramah", "Baik", "Dikelola dengan baik"]  # fmt: skip
SCORES = [4, 3, 4, 4, 3, 4, 4, 3, 4]


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def listening(port: int) -> bool:
    with closing(socket.socket()) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def serve_webhook(bot: BotProcess, api: FakeTelegram, port: int) -> None:
    """Start a bot process; wait until it has told Telegram where to post, and listens there."""
    api.webhook = None
    bot.spawn()
    proc = bot.proc
    assert proc is not None

    def up() -> bool:
        return proc.poll() is not None or (api.webhook is not None and listening(port))

    api.wait_for("the bot to set its webhook and listen", up)
    assert proc.poll() is None, f"the bot exited on its own:\n{bot.log()[-3000:]}"


def test_a_survey_over_the_webhook_survives_a_restart_and_refuses_forged_posts(
    api: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/skm"
    bot = BotProcess(api, tmp_path)
    bot.env.update(
        SKM_WEBHOOK_URL=url,
        SKM_WEBHOOK_LISTEN="127.0.0.1",
        SKM_WEBHOOK_PORT=str(port),
        SKM_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    forged = {
        "update_id": 999_999,
        "message": {
            "message_id": 1,
            "date": 1_700_000_000,
            "chat": {"id": FORGER, "type": "private"},
            "from": {"id": FORGER, "is_bot": False, "first_name": "Palsu"},
            "text": "/start SKCK-POLRES",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    try:
        serve_webhook(bot, api, port)
        assert api.webhook == (url, WEBHOOK_SECRET)

        # Without Telegram's secret, a post is refused before the bot looks at it.
        assert post_webhook(url, "not-the-secret", forged) == 403
        assert post_webhook(url, None, forged) == 403

        api.type(CITRA, "/start SKCK-POLRES")
        assert "Polres Contoh" in api.last(CITRA).text
        api.press_through(CITRA, ["Mulai survei", *PROFILE, *LABELS[:4]])
        assert "Pertanyaan 5/9" in api.last(CITRA).text

        # The bot goes down; Telegram keeps posting the next press until it is taken.
        bot.kill()
        refused = len(api.webhook_posts)
        screen = api.last(CITRA)
        _, query_id = api.send_press(CITRA, screen, screen.data_for(LABELS[4]))
        api.wait_for("a post that finds nobody", lambda: len(api.webhook_posts) > refused)
        assert api.webhook_posts[-1] == 0
        serve_webhook(bot, api, port)
        api.wait_for("the press to be answered", lambda: query_id in api.answers)
        assert "Pertanyaan 6/9" in api.last(CITRA).text

        api.press_through(CITRA, LABELS[5:])
        api.type(CITRA, "Loket pengambilan perlu papan nomor antrean.")
        api.press_through(CITRA, ["Kirim jawaban"])
        assert api.last(CITRA).text.startswith("Terima kasih!")
    finally:
        bot.stop()

    with closing(sqlite3.connect(tmp_path / "skm.db")) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM responses")]
    assert len(rows) == 1  # Citra's, and nothing of the forged posts
    row = rows[0]
    assert [row[c.lower()] for c in ELEMENT_CODES] == SCORES
    assert (row["unit"], row["office"], row["gender"], row["age"], row["education"]) == (
        "SKCK", "POLRES", "P", "36-45", "D1-D4"
    )  # fmt: skip
    assert row["suggestion"] == "Loket pengambilan perlu papan nomor antrean."
    assert api.sent_to(FORGER) == 0
    log = bot.log()
    assert "Starting with a webhook on 127.0.0.1" in log
    assert WEBHOOK_SECRET not in log and TOKEN.split(":")[1] not in log
    assert str(CITRA) not in log
