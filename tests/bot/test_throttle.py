"""A person flooding the bot is answered a few times a second and holds up nobody else."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.processor import OrderedProcessor
from bot.throttle import BURST, RATE_PER_S, Throttle
from tests.bot.survey_helpers import (
    ELEMENT_LABELS,
    PROFILE_CODES,
    PROFILE_LABELS,
    QR,
    SCORES,
    rows,
)
from tests.support.harness import BotHarness
from tests.support.slow_telegram import SlowRequest, enqueue, settle

FLOODER, CITIZEN = 6_200_001, 6_200_002


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_the_rate():
    clock = Clock()
    throttle = Throttle(rate=5, burst=10, clock=clock)
    assert [throttle.allow(1) for _ in range(12)] == [True] * 10 + [False] * 2
    clock.now += 1.0  # five more tokens
    assert [throttle.allow(1) for _ in range(6)] == [True] * 5 + [False]
    assert throttle.allow(2)  # someone else has a bucket of their own


def test_memory_holds_only_recent_people():
    clock = Clock()
    throttle = Throttle(rate=5, burst=10, max_people=500, clock=clock)
    for person in range(1000):
        throttle.allow(person)
    assert len(throttle) == 500  # the cap
    clock.now += 2.0  # everyone's bucket of 10 is full again: nothing to remember
    throttle.allow(5000)
    assert len(throttle) == 1


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    harness = BotHarness(tmp_path)
    harness.request = SlowRequest(delay=0.02)
    await harness.start()
    yield harness
    await harness.stop()


def flooder_answers(bot: BotHarness, ids: set[str]) -> int:
    calls = bot.request.calls
    return sum(
        1
        for c in calls
        if c.method == "answerCallbackQuery" and c.params["callback_query_id"] in ids
    )


async def press_and_wait(bot: BotHarness, uid: int, label: str) -> None:
    assert bot.app is not None
    await enqueue(bot.app, bot.updates.press(uid, bot.last(uid), bot.last(uid).callback_for(label)))
    await settle(bot.app)


async def test_a_thousand_presses_do_not_hold_up_a_citizen(bot: BotHarness, tmp_path: Path):
    assert bot.app is not None
    await enqueue(bot.app, bot.updates.text(FLOODER, QR))
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    stale = bot.last(FLOODER)
    flood = [bot.updates.press(FLOODER, stale, "s|xxxxxxxx|U1|c|4") for _ in range(1000)]
    ids = {str(p["callback_query"]["id"]) for p in flood}  # type: ignore[index]
    loop = asyncio.get_running_loop()
    started = loop.time()
    for press in flood:
        await enqueue(bot.app, press)
    # Meanwhile the citizen takes the whole survey, faster than anyone reads (4 a second).
    for label in ["Mulai survei", *PROFILE_LABELS, *ELEMENT_LABELS, "Lewati", "Kirim jawaban"]:
        await press_and_wait(bot, CITIZEN, label)
        await asyncio.sleep(1 / 4)
    elapsed = loop.time() - started
    await settle(bot.app)

    (stored,) = rows(tmp_path / "skm.db")
    assert {k: stored[k.lower()] for k in SCORES} == SCORES
    assert {k: stored[k] for k in PROFILE_CODES} == PROFILE_CODES
    # The flooder got its burst, then at most the rate; the rest were dropped unanswered.
    assert flooder_answers(bot, ids) <= BURST + RATE_PER_S * elapsed + 1
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedProcessor)
    assert processor.dropped >= 1000 - BURST - RATE_PER_S * elapsed - 1


async def test_a_dropped_press_loses_no_answer(bot: BotHarness, tmp_path: Path):
    assert bot.app is not None
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedProcessor)
    clock = Clock()
    processor.throttle = Throttle(clock=clock)
    await enqueue(bot.app, bot.updates.text(CITIZEN, QR))
    await settle(bot.app)
    await press_and_wait(bot, CITIZEN, "Mulai survei")
    # A nervous citizen taps "Perempuan" forty times: one counts, the rest are no-ops or dropped.
    shown = bot.last(CITIZEN)
    tap = shown.callback_for("Perempuan")
    for _ in range(40):
        await enqueue(bot.app, bot.updates.press(CITIZEN, shown, tap))
    await settle(bot.app)
    assert processor.dropped == 40 - (BURST - 2)  # the QR code and the start took two
    clock.now += 1.0  # a second later, the next real press works
    await press_and_wait(bot, CITIZEN, PROFILE_LABELS[1])
    (survey,) = rows(tmp_path / "skm.db", "surveys")
    assert json.loads(str(survey["state"]))["values"] == {"gender": "P", "age": "26-35"}
