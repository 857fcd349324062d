"""The real Application, offline: built by the composition root with a RecordingRequest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.context import SkmApplication
from service.config import Settings
from service.directory import Directory, load_directory
from storage.database import Database
from tests.support.telegram import TEST_TOKEN, RecordingRequest, Shown, Updates, feed

ADMIN_ID = 900001
TEST_SECRET = "test-secret-for-pseudonyms-0123456789"


def make_settings(db_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: a fresh SQLite file, a test token and key, one admin; no .env."""
    values: dict[str, Any] = {
        "bot_token": TEST_TOKEN,
        "skm_secret": TEST_SECRET,
        "skm_database": str(db_path),
        "skm_admin_ids": [ADMIN_ID],
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class BotHarness:
    """Starts and stops the Application; feeds updates; shows what each chat sees."""

    def __init__(self, tmp_path: Path, **overrides: Any) -> None:
        self.settings = make_settings(tmp_path / "skm.db", **overrides)
        self.directory: Directory = load_directory(None)
        self.request = RecordingRequest()
        self.updates = Updates()
        self.app: SkmApplication | None = None

    async def start(self) -> BotHarness:
        self.app = build_application(self.settings, self.directory, self.request)
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        await self.app.start()
        return self

    async def stop(self) -> None:
        if self.app is None:
            return
        await self.app.stop()
        if self.app.post_shutdown:
            await self.app.post_shutdown(self.app)
        await self.app.shutdown()
        self.app = None

    async def restart(self) -> None:
        """Stop and build a new Application on the same database, as a process restart would."""
        await self.stop()
        await self.start()

    @property
    def db(self) -> Database:
        assert self.app is not None
        return self.app.bot_data.database

    async def send(self, user_id: int, text: str, **kwargs: Any) -> None:
        """The person types a message (or a command)."""
        assert self.app is not None
        await feed(self.app, self.updates.text(user_id, text, **kwargs))

    async def press(self, user_id: int, label: str, shown: Shown | None = None) -> None:
        """The person presses the button with this label on a message (default: the newest)."""
        assert self.app is not None
        target = shown or self.request.last(user_id)
        await feed(self.app, self.updates.press(user_id, target, target.callback_for(label)))

    async def press_data(self, user_id: int, data: str, shown: Shown | None = None) -> None:
        """A press carrying arbitrary (possibly forged) callback data."""
        assert self.app is not None
        target = shown or self.request.last(user_id)
        await feed(self.app, self.updates.press(user_id, target, data))

    def last(self, chat_id: int) -> Shown:
        return self.request.last(chat_id)
