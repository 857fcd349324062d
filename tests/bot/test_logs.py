"""The bot token never reaches the logs, whatever logs it."""

from __future__ import annotations

import logging

import pytest

from bot.logs import RedactTokens, setup_logging
from tests.bot.officer_helpers import KNOWN, SKCK_OFFICER, register, seed
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import TEST_TOKEN


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
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        setup_logging("DEBUG")
        logging.getLogger("anything").warning("token is %s", TEST_TOKEN)
        assert logging.getLogger("httpx").level == logging.WARNING
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    err = capsys.readouterr().err
    assert "token is [token]" in err
    assert TEST_TOKEN not in err


async def test_a_busy_session_logs_no_token_and_no_citizen_id(
    bot: BotHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    citizen = 612345678
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    setup_logging("DEBUG")  # the chattiest setting an admin can choose
    try:
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
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    text = capsys.readouterr().err
    assert "Response stored for SKCK at POLRES" in text  # the log does say what happens
    assert "Unhandled" not in text
    assert TEST_TOKEN not in text and TEST_TOKEN.split(":")[1] not in text
    assert str(citizen) not in text
