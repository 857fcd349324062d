"""Updates python-telegram-bot cannot build: skipped, acknowledged, logged by their id alone."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from telegram.request import BaseRequest, RequestData

from bot.transport import SkmBot, clean_error
from tests.support.telegram import TEST_TOKEN

DEWI = 81000505


def start(update_id: int, user_id: int = 81000101) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_700_000_000,
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "Warga"},
            "text": "/start",
        },
    }


def poison(update_id: int) -> dict[str, Any]:
    """Dewi's message with a poll the library cannot build."""
    update = start(update_id, DEWI)
    update["message"]["from"]["first_name"] = "Dewi Lestari"
    update["message"]["poll"] = {"id": "1", "question": "Dewi Lestari?", "options": []}
    return update


class Batches(BaseRequest):
    """getUpdates offline: hands out the batches given, in turn, and keeps each offset asked."""

    def __init__(self, *batches: list[dict[str, Any]]) -> None:
        self.batches = list(batches)
        self.offsets: list[int | None] = []

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        assert url.endswith("/getUpdates")
        self.offsets.append(request_data.parameters.get("offset") if request_data else None)
        batch = self.batches.pop(0) if self.batches else []
        return 200, json.dumps({"ok": True, "result": batch}).encode()


async def test_a_batch_keeps_its_good_updates_and_the_next_poll_moves_past_a_skipped_last(
    caplog: pytest.LogCaptureFixture,
) -> None:
    network = Batches([start(1), poison(2), start(3), poison(4)], [], [poison(5)], [])
    bot = SkmBot(TEST_TOKEN, "https://api.telegram.org/bot", network)
    with caplog.at_level(logging.INFO):
        # As the Updater polls: its offset passes the last update it was given.
        assert [u.update_id for u in await bot.get_updates(offset=0)] == [1, 3]
        assert await bot.get_updates(offset=4) == ()  # moved past 4, which came last
        assert await bot.get_updates(offset=4) == ()  # 5 alone: the offset stays 4...
        assert await bot.get_updates(offset=4) == ()  # ...and moves past it
    assert network.offsets == [0, 5, 5, 6]
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert lines[0].startswith("Skipped update 2 that python-telegram-bot cannot read: TypeError")
    for personal in (str(DEWI), "Dewi", "Lestari"):
        assert not any(personal in line for line in lines)


async def test_a_batch_the_updater_did_not_take_comes_again_in_full() -> None:
    # Stopping, the Updater drops a batch and asks again with its old offset.
    network = Batches([start(1), poison(2)], [start(1), poison(2)])
    bot = SkmBot(TEST_TOKEN, "https://api.telegram.org/bot", network)
    await bot.get_updates(offset=0)
    assert [u.update_id for u in await bot.get_updates(offset=0)] == [1]
    assert network.offsets == [0, 0]


def test_an_error_loses_every_value_the_update_carried() -> None:
    update = poison(7)
    error = ValueError("invalid literal for int() with base 10: 'Dewi Lestari' (81000505)")
    assert clean_error(error, update) == "invalid literal for int() with base 10: '…' (…)"
    # Field names stay, even where a short value ("id", a language) is part of them; the
    # message is one line.
    update = {"update_id": 9, "message": {"from": {"language_code": "id"}}}
    error = TypeError("Message.__init__() got an unexpected keyword argument\n 'chat_id'")
    assert clean_error(error, update) == (
        "Message.__init__() got an unexpected keyword argument 'chat_id'"
    )
