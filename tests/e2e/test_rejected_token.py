"""A token Telegram refuses stops `skm-bot run` with one sentence, and the token is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import BOT_USER, FakeTelegram
from tests.e2e.test_webhook import free_port, webhook_bot

REVOKED = f"{BOT_USER['id']}:AAHrevokedREVOKEDrevokedREVOKED12345"
SENTENCE = (
    "skm-bot: Telegram refused BOT_TOKEN: copy the token again from @BotFather into .env "
    "(it may have been revoked)."
)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_a_rejected_token_ends_the_process_with_one_sentence_and_never_prints_it(
    api: FakeTelegram, tmp_path: Path, mode: str
) -> None:
    bot = (
        webhook_bot(api, tmp_path, free_port()) if mode == "webhook" else BotProcess(api, tmp_path)
    )
    bot.env["BOT_TOKEN"] = REVOKED  # well-formed, so only Telegram's 401 tells
    bot.spawn()
    assert bot.proc is not None
    try:
        code = bot.proc.wait(timeout=30)
    finally:
        bot.stop()

    output = bot.log()  # stdout and stderr, as the operator sees them
    assert REVOKED.split(":")[1] not in output
    assert "Traceback" not in output
    assert output.strip().splitlines()[-1] == SENTENCE
    assert code == 2
