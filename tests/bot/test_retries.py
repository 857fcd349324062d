"""429s and network failures: tried again, and never answered with an apology."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application
from bot.retries import RetryingRateLimiter
from service.i18n import t
from tests.bot.survey_helpers import CITIZEN, QR
from tests.support.harness import BotHarness
from tests.support.slow_telegram import SlowRequest, enqueue, settle

APOLOGY = t("id", "error.generic")


class RetryingHarness(BotHarness):
    """The bot with a given request class and a rate limiter that retries quickly."""

    def __init__(self, tmp_path: Path, request: SlowRequest, max_retries: int = 3) -> None:
        super().__init__(tmp_path)
        self.request = request
        self.limiter = RetryingRateLimiter(max_retries=max_retries, backoff=(0.05, 0.1))

    async def start(self) -> RetryingHarness:
        self.app = build_application(self.settings, self.directory, self.request, self.limiter)
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        await self.app.start()
        return self


def every_other(method: str) -> Any:
    """Refuse the first call of `method`, then every other one."""
    seen = [0]

    def refuse(called: str, params: dict[str, Any]) -> bool:
        if called != method:
            return False
        seen[0] += 1
        return seen[0] % 2 == 1

    return refuse


def apologies(request: SlowRequest) -> list[Any]:
    tried = [c.params for c in request.calls] + [p for _, p in request.refused]
    return [p for p in tried if p.get("text") == APOLOGY]


@pytest.fixture
async def stopping() -> AsyncIterator[list[BotHarness]]:
    started: list[BotHarness] = []
    yield started
    for bot in started:
        await bot.stop()


async def start(tmp_path: Path, request: SlowRequest, stopping: list[BotHarness], **kw: Any):
    bot = await RetryingHarness(tmp_path, request, **kw).start()
    stopping.append(bot)
    return bot


async def test_a_429_is_waited_out_and_the_citizen_gets_the_step(tmp_path: Path, stopping):
    request = SlowRequest(delay=0, too_many=every_other("editMessageText"), retry_after=1)
    bot = await start(tmp_path, request, stopping)
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    await enqueue(
        bot.app,
        bot.updates.press(
            CITIZEN, bot.last(CITIZEN), bot.last(CITIZEN).callback_for("Mulai survei")
        ),
    )
    await settle(bot.app)
    assert [m for m, _ in request.refused] == ["editMessageText"]
    assert (
        bot.last(CITIZEN).text.startswith("Jenis kelamin")
        or "Perempuan" in bot.last(CITIZEN).button_texts()
    )
    assert apologies(request) == []


async def test_no_apology_when_telegram_keeps_refusing(tmp_path: Path, stopping):
    request = SlowRequest(delay=0, too_many=lambda m, p: m == "sendMessage", retry_after=1)
    bot = await start(tmp_path, request, stopping, max_retries=1)
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    assert len(request.refused) == 2  # the welcome, and its one retry; then the log, no more
    assert apologies(request) == []


async def test_a_connection_failure_is_tried_again(tmp_path: Path, stopping):
    request = SlowRequest(delay=0, unreachable=every_other("sendMessage"))
    bot = await start(tmp_path, request, stopping)
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    assert [m for m, _ in request.refused] == ["sendMessage"]
    assert "Mulai survei" in bot.last(CITIZEN).button_texts()
    assert apologies(request) == []


async def test_no_apology_when_the_network_stays_down(tmp_path: Path, stopping):
    request = SlowRequest(delay=0, unreachable=lambda m, p: m == "sendMessage")
    bot = await start(tmp_path, request, stopping)
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    assert len(request.refused) == 3  # the first try and the two pauses of this backoff
    assert apologies(request) == []
