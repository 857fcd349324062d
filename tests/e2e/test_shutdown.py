"""Stop signals: a second one during the shutdown (as `timeout` and systemd send) changes nothing.

Before, python-telegram-bot's handler raised SystemExit again in the middle of the shutdown,
the database was never closed, and its worker thread kept the process alive for ever (3 of
8 tries). Each case here signals a running bot twice, with gaps that land the second signal
at different stages of the shutdown, and wants the process gone within seconds with the
database closed cleanly: its write-ahead log checkpointed and removed, the file intact.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram

CITIZEN = 81000303
EXIT_WITHIN_S = 8.0
GAPS_S = (0.0, 0.02, 0.1, 0.3)


@pytest.mark.parametrize(
    "first, second",
    [(signal.SIGTERM, signal.SIGTERM), (signal.SIGINT, signal.SIGTERM)],
    ids=["TERM-TERM", "INT-TERM"],
)
def test_a_second_stop_signal_does_not_hang_the_shutdown(
    api: FakeTelegram, tmp_path: Path, first: signal.Signals, second: signal.Signals
) -> None:
    bot = BotProcess(api, tmp_path)
    try:
        for gap in GAPS_S:
            bot.start()
            api.type(CITIZEN, "/start SKCK-POLRES")  # something written, so the log has pages
            proc = bot.proc
            assert proc is not None
            proc.send_signal(first)
            time.sleep(gap)
            proc.send_signal(second)
            began = time.monotonic()
            try:
                proc.wait(timeout=EXIT_WITHIN_S)
            except subprocess.TimeoutExpired:
                raise AssertionError(
                    f"{first.name} then {second.name} {gap} s later: still running after "
                    f"{EXIT_WITHIN_S} s\n{bot.log()[-2000:]}"
                ) from None
            assert time.monotonic() - began < EXIT_WITHIN_S
            assert not Path(f"{bot.db_path}-wal").exists(), f"database left open (gap {gap})"
            with closing(sqlite3.connect(bot.db_path)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                assert conn.execute("SELECT count(*) FROM surveys").fetchone() == (1,)
            assert "Traceback" not in bot.log(), bot.log()[-2000:]
    finally:
        bot.stop()
