"""`python -m bot run` (or `web`) as its own process against the fake Bot API, started, killed,
restarted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from tests.e2e.fake_telegram import TOKEN, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
SECRET = "e2e-secret-for-pseudonyms-0123456789"
RECOVERED = b"recent survey(s) again after the start"  # bot/survey/recovery.py, at INFO


class BotProcess:
    """The bot in a working directory of its own, its output kept in a log.

    Each start is a new process with a number of its own, which it puts in the path of
    every Bot API call: the fake server then knows which process confirmed an update.
    """

    def __init__(self, api: FakeTelegram, workdir: Path, command: str = "run") -> None:
        self.api = api
        self.command = command  # `run`, or `web` for the web survey alone
        self.workdir = workdir
        self.db_path = workdir / "skm.db"
        self.log_path = workdir / "bot.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.number = 0  # of the newest process; 1 for the first start
        self._polls = 0
        self._log: IO[bytes] | None = None
        self._log_start = 0  # where the newest process's output begins in the log
        self._recovered = False
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "SKM_"))}
        self.env.update(
            PYTHONPATH=str(ROOT),
            BOT_TOKEN=TOKEN,
            SKM_DATABASE=str(self.db_path),
            SKM_SECRET=SECRET,
            SKM_LOG_LEVEL="INFO",
        )

    def spawn(self) -> None:
        """Start a new process without waiting for it to poll."""
        self.number += 1
        self._polls = self.api.polls
        self._log = self.log_path.open("ab")
        self._log_start, self._recovered = self._log.tell(), False
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", self.command],
            cwd=self.workdir,  # no .env here: only the settings above
            env={**self.env, "BOT_API_BASE_URL": self.api.base_url_for(self.number)},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def polling(self) -> bool:
        """Whether the newest process has asked for updates; fails if it has exited."""
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"the bot exited on its own:\n{self.log()[-3000:]}")
        return self.api.polls > self._polls

    def recovered(self) -> bool:
        """Whether the newest process has shown every recent survey again (its start's work)."""
        if not self._recovered:
            with self.log_path.open("rb") as log:
                log.seek(self._log_start)
                self._recovered = RECOVERED in log.read()
        return self._recovered

    def start(self) -> None:
        """Start a new process and wait until it polls for updates."""
        self.spawn()
        proc = self.proc
        assert proc is not None
        started = self._polls
        self.api.wait_for(
            "the bot to start polling", lambda: self.api.polls > started or proc.poll() is not None
        )
        self.polling()

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, as in a crash or a pulled plug."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.api.mark_dead(self.number)
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
