"""Stopping on a signal: the first stops the bot in order, later ones cannot cut that short.

python-telegram-bot answers every SIGINT, SIGTERM and SIGABRT by raising SystemExit in the
event loop. A second one (`timeout` and systemd send them, people press Ctrl-C twice)
lands in the middle of the shutdown and breaks it off before the database is closed; the
database's worker thread then kept the process alive for ever. Here only the first signal
stops the bot; the others are noted and ignored, and a watchdog ends the process should
the orderly shutdown itself hang.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)
GRACE_S = 10.0  # the longest an orderly shutdown may take once a signal came


class _Stopper:
    def __init__(self, grace_s: float) -> None:
        self.grace_s = grace_s
        self.stopping = False

    def __call__(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self.stopping:
            log.warning("Got %s while stopping; the shutdown goes on", name)
            return
        self.stopping = True
        log.info("Got %s; stopping", name)
        # Later signals need not wake the loop: they are only noted. Through the loop they
        # were written to its wake-up pipe, which the loop closes as the process ends, and
        # a signal in that moment printed "Exception ignored ... Bad file descriptor".
        signal.set_wakeup_fd(-1)
        for other in STOP_SIGNALS:
            signal.signal(other, self._later)
        watchdog = threading.Thread(target=self._watch, name="shutdown-watchdog", daemon=True)
        watchdog.start()
        # What python-telegram-bot's own handler does: run_polling and run_webhook take it
        # as the signal to stop, whatever stage they are at, and then shut down in order.
        raise SystemExit(128 + signum)

    def _later(self, signum: int, frame: object) -> None:
        log.warning("Got %s while stopping; the shutdown goes on", signal.Signals(signum).name)

    def _watch(self) -> None:
        threading.Event().wait(self.grace_s)
        log.error("Shutdown took longer than %.0f s; exiting without finishing it", self.grace_s)
        logging.shutdown()
        os._exit(1)  # SQLite keeps what was committed; the next start recovers the log


def guard(grace_s: float = GRACE_S) -> None:
    """Take the stop signals over from python-telegram-bot, in the running loop (post_init)."""
    loop = asyncio.get_running_loop()
    stopper = _Stopper(grace_s)
    for signum in STOP_SIGNALS:
        try:
            loop.add_signal_handler(signum, stopper, signum)
        except (NotImplementedError, RuntimeError):  # not the main thread, or no such loop
            return
