"""The composition root starts and stops cleanly offline, and the token stays secret."""

from __future__ import annotations

from pathlib import Path

from service.config import ConfigError
from tests.support.harness import BotHarness, make_settings


async def test_application_starts_with_database_and_stops(tmp_path: Path) -> None:
    harness = await BotHarness(tmp_path).start()
    assert await harness.db.schema_version() >= 1
    await harness.stop()
    assert (tmp_path / "skm.db").exists()


def test_missing_token_is_one_clear_sentence(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "x.db", bot_token=None)
    try:
        settings.require_bot()
    except ConfigError as exc:
        assert "@BotFather" in str(exc)
    else:
        raise AssertionError("a missing token must stop start-up")
