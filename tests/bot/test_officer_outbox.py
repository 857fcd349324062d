"""The alert outbox: written with the response, delivered by a job, late at worst, never twice."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from telegram.request import RequestData

from bot.context import BotContext
from bot.officers import outbox
from tests.bot import survey_helpers
from tests.bot.officer_helpers import KOTA_OFFICER, SKCK_OFFICER, register
from tests.bot.survey_helpers import CITIZEN, OTHER, db_file, rows
from tests.bot.test_officer_alerts import delivered
from tests.support.harness import BotHarness
from tests.support.telegram import Call, RecordingRequest

THIRD = 5550789


class FlakyRequest(RecordingRequest):
    """The network where messages to some chats first fail: each planned status once, in turn.

    Every call is recorded; a failed one leaves nothing in the chat.
    """

    def __init__(self) -> None:
        super().__init__()
        self.failures: dict[int, list[int]] = {}
        self.retry_after = 1
        self.delay = 0.0

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kw: Any
    ) -> tuple[int, bytes]:
        chat = request_data.parameters.get("chat_id") if request_data else None
        planned = self.failures.get(int(chat)) if chat is not None else None
        if url.endswith("/sendMessage") and planned:
            self.calls.append(Call("sendMessage", {"chat_id": chat}, {}))
            status = planned.pop(0)
            error: dict[str, Any] = {"ok": False, "error_code": status, "description": "failed"}
            if status == 429:
                error["description"] = f"Too Many Requests: retry after {self.retry_after}"
                error["parameters"] = {"retry_after": self.retry_after}
            return status, json.dumps(error).encode()
        if url.endswith("/sendMessage") and self.delay:
            await asyncio.sleep(self.delay)  # a real round trip: sends overlap
        return await super().do_request(url, method, request_data, *args, **kw)

    def sends_to(self, chat: int) -> int:
        return sum(
            1
            for c in self.calls
            if c.method == "sendMessage" and int(c.params.get("chat_id", 0)) == chat
        )


async def flaky_bot(tmp_path: Path) -> tuple[BotHarness, FlakyRequest]:
    harness = BotHarness(tmp_path)
    request = FlakyRequest()
    harness.request = request
    return await harness.start(), request


def alert_texts(bot: BotHarness, officer: int) -> list[str]:
    return [m.text for m in bot.request.messages(officer) if "Perlu perhatian" in m.text]


def outbox_rows(bot: BotHarness) -> list[dict[str, Any]]:
    return rows(db_file(bot), "alert_outbox")


async def until(what: str, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 5.0
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what}")
        await asyncio.sleep(0.01)


def pause_delivery(bot: BotHarness) -> None:
    """The process dies right after storing: no job of it runs any more."""
    assert bot.app is not None and bot.app.job_queue is not None
    bot.app.job_queue.scheduler.pause()


async def test_a_low_score_is_stored_with_its_alert_and_delivered_after_a_restart(
    bot: BotHarness,
):
    await register(bot, SKCK_OFFICER, "SKCK")
    pause_delivery(bot)
    await survey_helpers.complete(bot)  # scores U5 and U8 with 1
    [response] = rows(db_file(bot))
    [queued] = outbox_rows(bot)
    assert (queued["response_id"], queued["officer_id"]) == (response["id"], SKCK_OFFICER)
    assert queued["delivered_at"] is None and alert_texts(bot, SKCK_OFFICER) == []

    await bot.restart()  # the delivery job runs first thing after a start
    await delivered(bot)
    [text] = alert_texts(bot, SKCK_OFFICER)
    assert "Sarana dan Prasarana (U8)" in text and str(CITIZEN) not in text
    [sent] = outbox_rows(bot)
    assert sent["delivered_at"] is not None
    await bot.restart()
    await delivered(bot)
    assert len(alert_texts(bot, SKCK_OFFICER)) == 1  # marked: never again


async def test_a_failing_send_waits_and_tries_again_until_it_goes_through(tmp_path: Path):
    bot, request = await flaky_bot(tmp_path)
    try:
        await register(bot, SKCK_OFFICER, "SKCK")
        request.failures[SKCK_OFFICER] = [500, 502]
        await survey_helpers.complete(bot)
        await until("the first try", lambda: any(r["attempts"] for r in outbox_rows(bot)))
        assert alert_texts(bot, SKCK_OFFICER) == []
        [row] = outbox_rows(bot)
        assert row["next_try_at"] - row["created_at"] in range(29, 32)  # 30 s later

        assert bot.app is not None
        context = BotContext(bot.app)
        later = outbox.now()
        assert await outbox.deliver_due(context, later) == 0  # not yet due
        later += timedelta(seconds=31)
        assert await outbox.deliver_due(context, later) == 0  # due, and fails again (502)
        [row] = outbox_rows(bot)
        assert row["attempts"] == 2 and row["next_try_at"] - to_epoch(later) in range(59, 62)
        later += timedelta(seconds=61)
        assert await outbox.deliver_due(context, later) == 1
        assert await outbox.deliver_due(context, later + timedelta(hours=2)) == 0
        assert len(alert_texts(bot, SKCK_OFFICER)) == 1
        assert request.sends_to(SKCK_OFFICER) == 1 + 3  # the welcome, then three tries
    finally:
        await bot.stop()


async def test_a_429_holds_the_alert_for_the_time_telegram_asks(tmp_path: Path):
    bot, request = await flaky_bot(tmp_path)
    try:
        await register(bot, SKCK_OFFICER, "SKCK")
        request.failures[SKCK_OFFICER] = [429]
        request.retry_after = 1
        await survey_helpers.complete(bot)
        refused = time.monotonic()
        await until("the refused try", lambda: request.sends_to(SKCK_OFFICER) >= 2)
        assert alert_texts(bot, SKCK_OFFICER) == []
        await delivered(bot)  # the job comes back by itself once the wait is over
        assert time.monotonic() - refused >= 0.9
        assert len(alert_texts(bot, SKCK_OFFICER)) == 1
        [row] = outbox_rows(bot)
        assert row["attempts"] == 0  # flood control is no failure of the alert's
    finally:
        await bot.stop()


async def test_runs_that_overlap_deliver_each_alert_once(tmp_path: Path):
    bot, request = await flaky_bot(tmp_path)
    try:
        await register(bot, SKCK_OFFICER, "SKCK")
        await register(bot, KOTA_OFFICER, "SEMUA")
        pause_delivery(bot)
        for citizen in (CITIZEN, OTHER, THIRD):
            await survey_helpers.complete(bot, citizen, suggestion=f"Saran {citizen}")
        assert len(outbox_rows(bot)) == 6
        request.delay = 0.02
        assert bot.app is not None
        context = BotContext(bot.app)
        sent = await asyncio.gather(*(outbox.deliver_due(context, outbox.now()) for _ in range(4)))
        # One message per officer and unit, covering the three responses, sent once.
        assert sum(sent) == 2
        for officer in (SKCK_OFFICER, KOTA_OFFICER):
            [text] = alert_texts(bot, officer)
            assert "3 respons memberi nilai 1 (terendah)." in text
        assert all(r["delivered_at"] is not None for r in outbox_rows(bot))
    finally:
        await bot.stop()


def to_epoch(moment: Any) -> int:
    return int(moment.timestamp())
