"""The web survey inside the real `skm-bot run`: big bodies refused unread, a clean stop."""

from __future__ import annotations

import select
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing, suppress
from pathlib import Path

from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.test_webhook import CITRA, free_port, listening, serve_webhook, webhook_bot

EXIT_WITHIN_S = 8.0


def web_bot(api: FakeTelegram, tmp_path: Path) -> tuple[BotProcess, int]:
    port = free_port()
    bot = BotProcess(api, tmp_path)
    bot.env.update(SKM_WEB_URL=f"http://127.0.0.1:{port}", SKM_WEB_PORT=str(port))
    bot.start()
    proc = bot.proc
    assert proc is not None
    api.wait_for("the web survey to listen", lambda: listening(port) or proc.poll() is not None)
    return bot, port


def raw_post(port: int, body_size: int, chunked: bool = False) -> tuple[int, int]:
    """Post a form body as a script would; (status, bytes of the body sent before the answer)."""
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {body_size}"
    head = (
        "POST /s/SKCK-POLRES HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n"
    )
    sent = 0
    piece = b"x" * 65536
    with closing(socket.create_connection(("127.0.0.1", port), timeout=30)) as sock:
        sock.sendall(head.encode())
        answered = bool(select.select([sock], [], [], 1.0)[0])
        while not answered and sent < body_size:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            except OSError:
                break
            sent += len(piece)
            answered = bool(select.select([sock], [], [], 0.05)[0])
        with suppress(OSError):
            status_line = sock.recv(4096).split(b"\r\n", 1)[0].decode()
            return (int(status_line.split()[1]) if status_line else 0), sent
    return 0, sent


def test_a_big_body_is_refused_before_it_is_read(api: FakeTelegram, tmp_path: Path) -> None:
    bot, port = web_bot(api, tmp_path)
    try:
        status, sent = raw_post(port, 50 * 1024 * 1024)
        assert status == 413 and sent == 0  # refused on its headers
        status, sent = raw_post(port, 50 * 1024 * 1024, chunked=True)
        assert status == 413 and sent < 2 * 1024 * 1024  # refused as it passes the limit
    finally:
        bot.stop()
    assert "Traceback" not in bot.log()


def test_two_stop_signals_stop_the_bot_and_its_web_survey_cleanly(
    api: FakeTelegram, tmp_path: Path
) -> None:
    bot, port = web_bot(api, tmp_path)
    proc = bot.proc
    assert proc is not None
    with closing(socket.create_connection(("127.0.0.1", port), timeout=5)) as idle:
        idle.sendall(b"GET /s/SKCK-POLRES HTTP/1.1\r\nHost: x\r\n")  # a request left half-sent
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=EXIT_WITHIN_S)
        except subprocess.TimeoutExpired:
            bot.stop()
            raise AssertionError(f"still running:\n{bot.log()[-2000:]}") from None
    assert not listening(port)
    assert not Path(f"{bot.db_path}-wal").exists(), "database left open"
    with closing(sqlite3.connect(bot.db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    log = bot.log()
    assert "Web survey stopped" in log and "Traceback" not in log, log[-2000:]


def test_a_port_in_use_stops_the_start_with_one_sentence(api: FakeTelegram, tmp_path: Path) -> None:
    with closing(socket.socket()) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        bot = BotProcess(api, tmp_path)
        bot.env.update(SKM_WEB_URL=f"http://127.0.0.1:{port}", SKM_WEB_PORT=str(port))
        bot.spawn()
        assert bot.proc is not None
        code = bot.proc.wait(timeout=30)
        bot.stop()
    assert code == 2
    assert f"is another program using SKM_WEB_PORT {port}?" in bot.log()
    assert "Traceback" not in bot.log()


def test_the_web_survey_runs_beside_a_webhook(api: FakeTelegram, tmp_path: Path) -> None:
    web_port, hook_port = free_port(), free_port()
    bot = webhook_bot(api, tmp_path, hook_port)
    bot.env.update(SKM_WEB_URL=f"http://127.0.0.1:{web_port}", SKM_WEB_PORT=str(web_port))
    try:
        serve_webhook(bot, api, hook_port)
        api.wait_for("the web survey to listen", lambda: listening(web_port))
        with urllib.request.urlopen(f"http://127.0.0.1:{web_port}/s/SKCK-POLRES") as page:
            assert "Mulai survei" in page.read().decode()
        api.type(CITRA, "/start SKCK-POLRES")  # Telegram's updates still come in
        assert "Polres Contoh" in api.last(CITRA).text
    finally:
        bot.stop()
    assert "Traceback" not in bot.log()
