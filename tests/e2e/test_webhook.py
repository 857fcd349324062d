"""`skm-bot run` in webhook mode, as its own process: Telegram posts updates to it over HTTP."""

from __future__ import annotations

import json
import select
import socket
import sqlite3
import threading
import time
from contextlib import closing, suppress
from pathlib import Path

from skm.questionnaire import ELEMENT_CODES
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import TOKEN, FakeTelegram, post_webhook

CITRA, FORGER = 81000303, 81000404  # a citizen, and someone posting to the URL directly
DEWI = 81000505  # a citizen whose message the library cannot read
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


def webhook_bot(api: FakeTelegram, tmp_path: Path, port: int) -> BotProcess:
    """A bot process set up to serve a webhook on 127.0.0.1:port (not started)."""
    bot = BotProcess(api, tmp_path)
    bot.env.update(
        SKM_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram/skm",
        SKM_WEBHOOK_LISTEN="127.0.0.1",
        SKM_WEBHOOK_PORT=str(port),
        SKM_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    return bot


def test_a_survey_over_the_webhook_survives_a_restart_and_refuses_forged_posts(
    api: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/skm"
    bot = webhook_bot(api, tmp_path, port)
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


def forged_start(padding: int) -> bytes:
    """A /start from the forger, as Telegram would post it, padded with JSON whitespace."""
    update = {
        "update_id": 999_998,
        "message": {
            "message_id": 1,
            "date": 1_700_000_000,
            "chat": {"id": FORGER, "type": "private"},
            "from": {"id": FORGER, "is_bot": False, "first_name": "Palsu"},
            "text": "/start SKCK-POLRES",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    return json.dumps(update).encode() + b" " * padding


def raw_post(port: int, secret: str, body: bytes, chunked: bool = False) -> tuple[int, int]:
    """Post a body the way an attacker would: it is sent only while the server stays quiet.

    Returns the HTTP status (0: the connection was dropped) and how many bytes of the body
    went out before the server answered.
    """
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(body)}"
    head = (
        f"POST /telegram/skm HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n{framing}\r\n\r\n"
    )
    sent = 0
    with closing(socket.create_connection(("127.0.0.1", port), timeout=30)) as sock:
        sock.sendall(head.encode())
        # A server that decides on the headers answers now, before any of the body.
        answered = bool(select.select([sock], [], [], 1.0)[0])
        while not answered and sent < len(body):
            piece = body[sent : sent + 65536]
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            except OSError:
                break
            sent += len(piece)
            answered = bool(select.select([sock], [], [], 0)[0])
        if chunked and sent == len(body):
            with suppress(OSError):
                sock.sendall(b"0\r\n\r\n")
        try:
            status_line = sock.recv(4096).split(b"\r\n", 1)[0].decode()
        except OSError:
            return 0, sent
    return (int(status_line.split()[1]) if status_line else 0), sent


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_the_webhook_refuses_big_or_unsigned_bodies_unread_and_acknowledges_a_poison_update(
    api: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    bot = webhook_bot(api, tmp_path, port)
    try:
        serve_webhook(bot, api, port)
        assert api.allowed_updates == ["message", "edited_message", "callback_query"]
        assert bot.proc is not None
        pid = bot.proc.pid

        # Telegram posts Dewi's unreadable message, then Citra's /start: the bot takes both.
        poison = api.send_unreadable(DEWI, "Dewi Lestari")
        api.type(CITRA, "/start SKCK-POLRES")
        assert "Polres Contoh" in api.last(CITRA).text
        assert api.webhook_posts == [200, 200]  # the poison acknowledged, never posted again

        # Four 95 MB posts without the secret at once: refused on their headers, unread.
        before = rss_kb(pid)
        huge = b" " * (95 * 1024 * 1024)
        results: list[tuple[int, int]] = []

        def attack() -> None:
            results.append(raw_post(port, "not-the-secret", huge))

        started = time.monotonic()
        threads = [threading.Thread(target=attack) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert results == [(403, 0)] * 4
        assert time.monotonic() - started < 5
        assert rss_kb(pid) - before < 20 * 1024, (before, rss_kb(pid))

        # With the secret, a body over 1 MiB is refused too: 413 on its length, unread...
        assert raw_post(port, WEBHOOK_SECRET, forged_start(2 * 1024 * 1024)) == (413, 0)
        # ...and a chunked one, which has no length, is cut off at the limit.
        status, _ = raw_post(port, WEBHOOK_SECRET, forged_start(4 * 1024 * 1024), True)
        assert status in (0, 400, 413)  # dropped, or refused: never taken

        # Citra's survey goes on to the end.
        api.press_through(CITRA, ["Mulai survei", *PROFILE, *LABELS, "Lewati", "Kirim jawaban"])
        assert api.last(CITRA).text.startswith("Terima kasih!")
        assert rss_kb(pid) - before < 20 * 1024
    finally:
        bot.stop()

    assert api.sent_to(FORGER) == 0  # no oversized body was read as an update
    with closing(sqlite3.connect(tmp_path / "skm.db")) as conn:
        assert conn.execute("SELECT count(*) FROM responses").fetchone() == (1,)
    log = bot.log()
    skipped = [line for line in log.splitlines() if "Skipped update" in line]
    assert len(skipped) == 1 and f"Skipped update {poison} " in skipped[0], log[-3000:]
    for personal in (str(DEWI), "Dewi", "Lestari", str(CITRA), str(FORGER), "Palsu"):
        assert personal not in log
    assert WEBHOOK_SECRET not in log and TOKEN.split(":")[1] not in log
    assert "Unhandled error" not in log
