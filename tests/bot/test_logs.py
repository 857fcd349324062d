"""The bot token never reaches the logs, whatever logs it."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from telegram.error import InvalidToken

from bot.logs import RedactTokens, setup_logging
from tests.bot.officer_helpers import KNOWN, SKCK_OFFICER, register, seed
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import TEST_TOKEN


@contextmanager
def logging_as_run(level: str = "INFO") -> Iterator[None]:
    """setup_logging as `skm-bot run` calls it; what it replaces is put back after."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, sys.excepthook, threading.excepthook)
    setup_logging(level)  # in the test, so that its handler writes to the captured stderr
    try:
        yield
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        sys.excepthook, threading.excepthook = saved[2], saved[3]


def test_a_url_with_the_token_is_masked() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        "HTTP Request: POST %s",
        (f"https://api.telegram.org/bot{TEST_TOKEN}/getUpdates",),
        None,
    )
    assert RedactTokens().filter(record)
    assert TEST_TOKEN not in record.getMessage()
    assert "/bot[token]/getUpdates" in record.getMessage()


def test_setup_logging_installs_the_mask_and_quietens_httpx(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with logging_as_run("DEBUG"):
        logging.getLogger("anything").warning("token is %s", TEST_TOKEN)
        assert logging.getLogger("httpx").level == logging.WARNING
    err = capsys.readouterr().err
    assert "token is [token]" in err
    assert TEST_TOKEN not in err


def test_a_token_in_an_exception_and_its_traceback_is_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with logging_as_run():
        try:
            try:
                raise OSError(f"cannot reach https://api.telegram.org/bot{TEST_TOKEN}/getMe")
            except OSError as cause:
                raise RuntimeError(f"the token `{TEST_TOKEN}` failed") from cause
        except RuntimeError:
            logging.getLogger("telegram.ext").exception("Network loop failed")
    err = capsys.readouterr().err
    assert "Traceback" in err and "the token `[token]` failed" in err
    assert "/bot[token]/getMe" in err
    assert TEST_TOKEN.split(":")[1] not in err


def test_an_uncaught_exception_goes_through_the_mask(capsys: pytest.CaptureFixture[str]) -> None:
    # What Python would print straight to stderr at exit, and what a thread would.
    error = ValueError(f"bad token {TEST_TOKEN}")
    with logging_as_run():
        sys.excepthook(ValueError, error, error.__traceback__)
        thread = threading.Thread(target=lambda: (_ for _ in ()).throw(error))
        thread.start()
        thread.join()
    err = capsys.readouterr().err
    assert err.count("Uncaught exception") == 2
    assert err.count("ValueError: bad token [token]") == 2
    assert TEST_TOKEN.split(":")[1] not in err


def test_a_rejected_token_is_one_line_without_its_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with logging_as_run():
        try:
            raise InvalidToken(f"The token `{TEST_TOKEN}` was rejected by the server.")
        except InvalidToken:
            logging.getLogger("telegram.ext").exception("Invalid token. Aborting retry loop.")
    err = capsys.readouterr().err
    assert err.strip().endswith("ERROR telegram.ext: Invalid token. Aborting retry loop.")
    assert "Traceback" not in err and TEST_TOKEN.split(":")[1] not in err


async def test_a_busy_session_logs_no_token_and_no_citizen_id(
    bot: BotHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    citizen = 612345678
    with logging_as_run("DEBUG"):  # the chattiest setting an admin can choose
        await seed(bot, KNOWN)
        await register(bot, SKCK_OFFICER, "SKCK")
        await bot.send(citizen, "/start SKCK-POLRES")
        await bot.press(citizen, "Mulai survei")
        answers = ["Perempuan", "26-35", "S1", "PNS", *["Sangat"] * 8, "Dikelola", "Lewati"]
        for label in [*answers, "Kirim"]:
            await bot.press(citizen, label)
        assert bot.last(citizen).text.startswith("Terima kasih")
        for command in ["/ikm SKCK 2026-Q4", "/saran", "/ekspor 2026-Q4"]:
            await bot.send(ADMIN_ID, command)
    text = capsys.readouterr().err
    assert "Response stored for SKCK at POLRES" in text  # the log does say what happens
    assert "Unhandled" not in text
    assert TEST_TOKEN not in text and TEST_TOKEN.split(":")[1] not in text
    assert str(citizen) not in text
