"""Fuzz: arbitrary update sequences never reach the error handler and keep the database sound.

SKM_FUZZ_EXAMPLES raises the example count (CI keeps it small; e.g. 500 for a long run).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.harness import BotHarness
from tests.support.telegram import feed

USERS = (611000111, 611000222, 611000333)
NAME = "Zuliantoro"  # a citizen's name that must never reach the database
EXAMPLES = int(os.environ.get("SKM_FUZZ_EXAMPLES", "25"))

commands = st.sampled_from(
    [
        "/start",
        "/start SKCK-POLRES",
        "/start SIM-PS_KOTA",
        "/start x",
        "/batal",
        "/ikm",
        "/ikm SKCK",
        "/saran",
        "/bantuan",
        "/help",
        "/ekspor",
        "/qr SKCK",
        "/undang SKCK",
        "/petugas",
        "/langganan",
        "/berhenti",
        "/start inv-bogus",
        "/start " + "A" * 64,
    ]
)
texts = st.one_of(commands, st.text(max_size=80), st.just("x" * 5000))
forged = st.one_of(
    st.text(max_size=64),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
    st.builds(lambda a, b: f"s|{a}|{b}|1", st.text(max_size=20), st.text(max_size=10)),
)
actions = st.lists(
    st.one_of(
        st.tuples(st.just("text"), st.sampled_from(USERS), texts),
        st.tuples(st.just("button"), st.sampled_from(USERS), st.integers(0, 20)),
        st.tuples(st.just("forged"), st.sampled_from(USERS), forged),
        st.tuples(st.just("old"), st.sampled_from(USERS), st.integers(0, 5)),
        st.tuples(st.just("edited"), st.sampled_from(USERS), texts),
        st.tuples(st.just("group"), st.sampled_from(USERS), commands),
    ),
    max_size=40,
)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def _play(tmp: Path, steps: list[tuple[str, int, Any]]) -> list[logging.LogRecord]:
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    harness = await BotHarness(tmp).start()
    assert harness.app is not None
    try:
        for kind, user, arg in steps:
            shown = harness.request.messages(user)
            if kind == "text":
                await harness.send(user, arg, name=NAME)
            elif kind == "group":
                await harness.send(user, arg, chat_id=-100777, chat_type="group", name=NAME)
            elif kind == "edited":
                raw = harness.updates.text(user, arg, name=NAME)
                raw["edited_message"] = raw.pop("message")
                raw["edited_message"]["edit_date"] = raw["edited_message"]["date"]
                await feed(harness.app, raw)
            elif shown and kind == "button":
                buttons = [b for row in shown[-1].buttons for b in row if "callback_data" in b]
                if buttons:
                    data = str(buttons[arg % len(buttons)]["callback_data"])
                    await harness.press_data(user, data, shown[-1])
            elif shown and kind == "old":
                old = shown[max(0, len(shown) - 1 - arg)]
                for row in old.buttons:
                    for b in row:
                        if "callback_data" in b:
                            await harness.press_data(user, str(b["callback_data"]), old)
                            break
            elif shown and kind == "forged":
                await harness.press_data(user, arg, shown[-1])
    finally:
        await harness.stop()
        logging.getLogger().removeHandler(errors)
    return errors.records


def _check_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        cols = ", ".join(f"u{i}" for i in range(1, 10))
        for row in conn.execute(f"SELECT {cols} FROM responses"):
            assert all(v in (1, 2, 3, 4) for v in row), row
    blob = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for user in USERS:
        assert str(user).encode() not in blob
    assert NAME.encode() not in blob


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(actions)
def test_arbitrary_updates_never_break_the_bot(steps: list[tuple[str, int, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        records = asyncio.run(_play(Path(tmp), steps))
        assert not records, [r.getMessage() for r in records]
        _check_database(Path(tmp) / "skm.db")
