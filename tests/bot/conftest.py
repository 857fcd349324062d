"""Fixtures for driving the real Application offline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.harness import BotHarness


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    """A started bot on a fresh SQLite file, with the network replaced by a recorder."""
    harness = await BotHarness(tmp_path).start()
    yield harness
    await harness.stop()
