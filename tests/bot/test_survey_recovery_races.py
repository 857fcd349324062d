"""The recovery after a start beside the citizen's own presses: the newest message is the survey's.

A citizen looks at the newest message of the chat. After a crash the bot draws each recent
survey again on the survey's message; that must be the newest one, or a citizen whose press
was lost sees nothing happen and walks away.
"""

from __future__ import annotations

import asyncio
import copy
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.survey import recovery
from tests.bot.survey_helpers import CITIZEN, OTHER, db_file, to_first_question, to_suggestion
from tests.bot.test_survey_recovery import SORRY, until
from tests.support.harness import BotHarness
from tests.support.telegram import RecordingRequest


def live(bot: BotHarness) -> list[int]:
    """The citizen's messages that still offer buttons."""
    return [m.message_id for m in bot.request.messages(CITIZEN) if m.buttons]


async def test_a_press_from_above_the_apology_moves_on_in_the_newest_message(bot: BotHarness):
    await to_first_question(bot)
    await bot.restart()
    await until("the apology", lambda: bot.last(CITIZEN).text.startswith(SORRY))
    pressed = copy.copy(bot.last(CITIZEN))  # the citizen presses "Perempuan" here...
    # ...as the bot restarts again: showing the same apology once more would look like
    # nothing happened, so it comes in a new message below; then the press comes through.
    await bot.restart()
    await until("a new message", lambda: bot.last(CITIZEN).message_id != pressed.message_id)
    await bot.press(CITIZEN, "Perempuan", pressed)
    newest = bot.last(CITIZEN)
    assert "(2/4)" in newest.text and "Usia" in newest.text
    assert live(bot) == [newest.message_id]


class Snapshots(RecordingRequest):
    """Copies the database whenever the citizen is sent a message: what a kill leaves there."""

    def __init__(self, db: Path, into: Path) -> None:
        super().__init__()
        self.db, self.into, self.taken = db, into, 0

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> Any:
        result = await super().do_request(url, method, *args, **kwargs)
        if url.endswith("/sendMessage") and self.calls[-1].params.get("chat_id") == CITIZEN:
            self.taken += 1
            with (
                closing(sqlite3.connect(self.db)) as src,
                closing(sqlite3.connect(self.into / "skm.db")) as dst,
            ):
                src.backup(dst)
        return result


async def test_killed_after_sending_a_new_screen_the_apology_comes_below_it(tmp_path: Path):
    alive, after = tmp_path / "alive", tmp_path / "after"
    alive.mkdir(), after.mkdir()
    bot = BotHarness(alive)
    bot.request = snapshots = Snapshots(alive / "skm.db", after)
    await bot.start()
    try:
        await to_suggestion(bot)
        taken = snapshots.taken
        await bot.send(CITIZEN, "Antrean terlalu panjang")  # the summary, in a new message
        assert snapshots.taken == taken + 1
    finally:
        await bot.stop()
    # The process is killed the moment Telegram has the new message: the citizen sees the
    # summary at the bottom, presses "Kirim jawaban", and the press is lost with it.
    restarted = await BotHarness(after).start()
    try:
        shown = restarted.request.messages
        await until("the apology", lambda: any(m.text.startswith(SORRY) for m in shown(CITIZEN)))
        [apology] = shown(CITIZEN)
        assert apology.text.startswith(SORRY) and "Kirim jawaban" in apology.button_texts()
        # Below the summary the dead process sent, not on a message above it: a new one.
        assert restarted.request.count("sendMessage") == 1
        assert restarted.request.count("editMessageText") == 0
    finally:
        await restarted.stop()


class Gated(RecordingRequest):
    """Holds the apology of a given start (counted by its getMe) until the test lets it through."""

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start, self.starts = start, 0
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> Any:
        self.starts += url.endswith("/getMe")
        data = kwargs.get("request_data")
        text = str(data.parameters.get("text", "")) if data is not None else ""
        if self.starts == self.start and text.startswith(SORRY) and not self.gate.is_set():
            self.waiting.set()
            await self.gate.wait()
        return await super().do_request(url, method, *args, **kwargs)


async def test_a_press_while_the_apology_is_on_its_way_leaves_its_step_shown(tmp_path: Path):
    bot = BotHarness(tmp_path)
    bot.request = gated = Gated(start=2)
    await bot.start()
    try:
        await to_first_question(bot)
        await bot.restart()
        await asyncio.wait_for(gated.waiting.wait(), 5)  # the recovery is drawing step 1
        press = asyncio.create_task(bot.press(CITIZEN, "Perempuan"))
        await asyncio.sleep(0.1)
        gated.gate.set()
        await asyncio.wait_for(press, 5)
        await bot.stop()  # once the recovery is over too
        newest = bot.last(CITIZEN)
        # The press's step, not the apology for the step it answered.
        assert "(2/4)" in newest.text and "Usia" in newest.text, newest.text
        assert live(bot) == [newest.message_id]
        [survey] = [dict(r) for r in _surveys(db_file(bot))]
        assert survey["step"] == 2 and survey["message_id"] == newest.message_id
    finally:
        await bot.stop()


def _surveys(path: Path) -> list[sqlite3.Row]:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return list(conn.execute("SELECT step, message_id FROM surveys"))


class OverANetwork(RecordingRequest):
    """Every Bot API call takes a while, as it does over a real network."""

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(0.02)
        return await super().do_request(url, method, *args, **kwargs)


async def test_after_a_start_the_waiting_citizens_are_shown_before_anyone_new(tmp_path: Path):
    """A recovery running beside new updates got a small share of the flood limit under
    load (in the crash test, 90 surveys took 22 s): citizens waiting on a lost press gave
    up. New updates wait until every recent survey is shown again."""
    bot = BotHarness(tmp_path)
    bot.request = request = OverANetwork()
    waiting = [CITIZEN + i for i in range(40)]
    newcomer = OTHER
    await bot.start()
    try:
        for uid in waiting:
            await to_first_question(bot, uid)
        await bot.stop()
        await bot.start()  # as a restarted process: the recovery is under way
        assert bot.app is not None
        # A citizen scans the QR code at once; it goes through the update queue, as
        # polling delivers it, and so through the update processor.
        raw = bot.updates.text(newcomer, "/start SKCK-POLRES")
        await bot.app.update_queue.put(Update.de_json(raw, bot.app.bot))
        await until("the newcomer's welcome", lambda: bool(request.messages(newcomer)))
    finally:
        await bot.stop()
    drawn = [
        int(c.params["chat_id"])
        for c in request.calls
        if c.method in ("editMessageText", "sendMessage") and SORRY in str(c.params["text"])
    ]
    assert sorted(drawn) == waiting  # everyone shown again, once
    welcome = next(
        i
        for i, c in enumerate(request.calls)
        if c.method == "sendMessage" and int(c.params["chat_id"]) == newcomer
    )
    last_apology = max(
        i for i, c in enumerate(request.calls) if SORRY in str(c.params.get("text", ""))
    )
    assert last_apology < welcome


async def test_a_long_recovery_holds_new_updates_no_longer_than_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Sixty surveys at 30 messages a second take two seconds: new updates go on after
    HOLD, beside the rest of the recovery, which still shows every survey."""
    monkeypatch.setattr(recovery, "HOLD", timedelta(seconds=0.2))
    bot = BotHarness(tmp_path)
    bot.request = request = OverANetwork()
    waiting = [CITIZEN + i for i in range(60)]
    await bot.start()
    try:
        for uid in waiting:
            await bot.send(uid, "/start SKCK-POLRES")
        await bot.stop()
        await bot.start()
        assert bot.app is not None
        raw = bot.updates.text(OTHER, "/start SKCK-POLRES")
        await bot.app.update_queue.put(Update.de_json(raw, bot.app.bot))
        await until("the newcomer's welcome", lambda: bool(request.messages(OTHER)))

        def apologies() -> int:
            return sum(SORRY in str(c.params.get("text", "")) for c in request.calls)

        assert apologies() < len(waiting)  # the welcome came before the last of them
        await until("every apology", lambda: apologies() == len(waiting))
    finally:
        await bot.stop()
