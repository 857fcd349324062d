"""Many citizens at once over a slow network: concurrent, yet in order for each person."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.processor import OrderedProcessor
from bot.survey.callbacks import Action, step_data
from tests.bot.survey_helpers import QR, rows
from tests.support.harness import BotHarness
from tests.support.slow_telegram import SlowRequest, enqueue, settle

FIRST = 6_100_000
PROFILES = [
    {"gender": "L", "age": "17-25", "education": "SMA", "occupation": "PNS"},
    {"gender": "P", "age": "26-35", "education": "S1", "occupation": "SWASTA"},
]


@pytest.fixture
async def slow(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """A started bot whose every Bot API call takes 100 ms, as over a real network."""
    bot = BotHarness(tmp_path)
    bot.request = SlowRequest(delay=0.1)
    await bot.start()
    yield bot


def request_of(bot: BotHarness) -> SlowRequest:
    assert isinstance(bot.request, SlowRequest)
    return bot.request


def token_of(bot: BotHarness, uid: int) -> str:
    """The survey token on the citizen's welcome screen's start button."""
    return bot.last(uid).callback_for("Mulai survei").split("|")[1]


def quick_presses(bot: BotHarness, uid: int, profile: dict[str, str]) -> list[dict[str, object]]:
    """Start and the four profile answers, pressed faster than the bot can answer."""
    token, shown = token_of(bot, uid), bot.last(uid)
    data = [step_data(token, "welcome", Action.START)]
    data += [step_data(token, key, Action.CHOOSE, value) for key, value in profile.items()]
    return [bot.updates.press(uid, shown, d) for d in data]


def open_surveys(db_file: Path) -> list[dict[str, object]]:
    return [{**r, "state": json.loads(str(r["state"]))} for r in rows(db_file, "surveys")]


async def test_twenty_citizens_are_served_at_once_and_each_in_order(
    slow: BotHarness, tmp_path: Path
):
    bot, request = slow, request_of(slow)
    assert bot.app is not None
    assert isinstance(bot.app.update_processor, OrderedProcessor)
    citizens = range(FIRST, FIRST + 20)
    for uid in citizens:
        await enqueue(bot.app, bot.updates.text(uid, QR))
    await settle(bot.app)
    # Everyone presses five buttons in quick succession, all at the same moment.
    presses = {uid: quick_presses(bot, uid, PROFILES[uid % 2]) for uid in citizens}
    for i in range(5):
        for uid in citizens:
            await enqueue(bot.app, presses[uid][i])
    await settle(bot.app)

    # Calls overlapped: the bot did not wait for one chat's round trip to serve the next.
    assert request.max_in_flight > 10
    # Each citizen's presses were applied in the order pressed: all five took effect,
    # none was refused as coming before its step, and the screen asks the first element.
    surveys = open_surveys(tmp_path / "skm.db")
    assert len(surveys) == 20
    given = sorted(json.dumps(s["state"]["values"], sort_keys=True) for s in surveys)
    assert given == sorted(json.dumps(PROFILES[uid % 2], sort_keys=True) for uid in citizens)
    assert {s["step"] for s in surveys} == {5}
    for uid in citizens:
        assert bot.last(uid).text.startswith("Pertanyaan 1/9"), bot.last(uid).text
    assert not [n for n in request.notices() if n]  # no "already answered" notice to anyone


async def test_one_citizens_quick_presses_are_stored_as_pressed(slow: BotHarness, tmp_path: Path):
    bot = slow
    assert bot.app is not None
    uid = FIRST
    await enqueue(bot.app, bot.updates.text(uid, QR))
    await settle(bot.app)
    for press in quick_presses(bot, uid, PROFILES[1]):
        await enqueue(bot.app, press)
    await settle(bot.app)
    (survey,) = open_surveys(tmp_path / "skm.db")
    assert survey["state"]["values"] == PROFILES[1]


async def test_queues_are_forgotten_once_idle(slow: BotHarness):
    bot = slow
    assert bot.app is not None
    processor = bot.app.update_processor
    assert isinstance(processor, OrderedProcessor)
    for uid in range(FIRST, FIRST + 50):
        await enqueue(bot.app, bot.updates.text(uid, QR))
    await settle(bot.app)
    assert processor.queues == 0
