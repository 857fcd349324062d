"""/bantuan lists what the asker may use; the command menu is set per role."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from telegram.request import RequestData

from tests.bot.officer_helpers import CITIZEN, SKCK_OFFICER, register
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import RecordingRequest


def menus(bot: BotHarness) -> list[dict[str, Any]]:
    """Every setMyCommands call: its scope, language and command names."""
    return [
        {
            "chat": c.params["scope"].get("chat_id"),
            "lang": c.params.get("language_code"),
            "commands": [x["command"] for x in c.params["commands"]],
        }
        for c in bot.request.calls
        if c.method == "setMyCommands"
    ]


async def test_a_citizen_sees_only_the_survey_commands(bot: BotHarness):
    await bot.send(CITIZEN, "/bantuan")
    text = bot.last(CITIZEN).text
    assert "/start" in text and "/batal" in text and "/bantuan" in text
    assert "/ikm" not in text and "/undang" not in text


async def test_an_officer_sees_the_officer_commands(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/help")
    text = bot.last(SKCK_OFFICER).text
    assert text.startswith("<b>Perintah petugas</b>")
    for command in ("/ikm", "/saran", "/qr", "/ekspor", "/langganan", "/berhenti"):
        assert command in text
    assert "/undang" not in text and "/petugas" not in text
    assert "kuartal berjalan" in text


async def test_an_admin_sees_the_admin_commands_too(bot: BotHarness):
    await bot.send(ADMIN_ID, "/bantuan")
    text = bot.last(ADMIN_ID).text
    assert "/undang UNIT|SEMUA [KANTOR] (/invite)" in text and "/petugas" in text


async def test_menus_are_set_per_role_at_start_up_in_both_languages(bot: BotHarness):
    set_at_start = menus(bot)
    assert {"chat": None, "lang": None, "commands": ["start", "batal", "bantuan"]} in set_at_start
    assert {"chat": None, "lang": "en", "commands": ["start", "batal", "bantuan"]} in set_at_start
    admin = [m for m in set_at_start if m["chat"] == ADMIN_ID]
    assert len(admin) == 2 and all("undang" in m["commands"] for m in admin)


async def test_a_new_officer_gets_the_officer_menu_at_once_and_after_a_restart(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    officer = [m for m in menus(bot) if m["chat"] == SKCK_OFFICER]
    assert officer and officer[0]["commands"][:2] == ["ikm", "saran"]
    assert all("undang" not in m["commands"] for m in officer)
    bot.request.calls.clear()
    await bot.restart()
    assert any(m["chat"] == SKCK_OFFICER for m in menus(bot))


class UnknownChats(RecordingRequest):
    """Telegram before someone wrote to the bot: setting their chat's menu finds no chat."""

    def __init__(self, unknown: set[int]) -> None:
        super().__init__()
        self.unknown = unknown

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kw: Any
    ) -> tuple[int, bytes]:
        scope = request_data.parameters.get("scope") if request_data else None
        chat = scope.get("chat_id") if isinstance(scope, dict) else None
        if url.endswith("/setMyCommands") and chat in self.unknown:
            error = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
            return 400, json.dumps(error).encode()
        return await super().do_request(url, method, request_data, *args, **kw)


async def test_an_admin_who_never_wrote_gets_one_info_line_and_the_menu_on_writing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO)
    harness = BotHarness(tmp_path)
    harness.request = UnknownChats({ADMIN_ID})
    bot = await harness.start()
    try:
        about_admin = [r for r in caplog.records if str(ADMIN_ID) in r.getMessage()]
        assert [(r.levelno, r.getMessage()) for r in about_admin] == [
            (
                logging.INFO,
                f"The admin {ADMIN_ID} has not written to the bot yet: menu set when they do",
            )
        ]
        assert not any(r.exc_info for r in caplog.records)
        assert not [m for m in menus(bot) if m["chat"] == ADMIN_ID]

        harness.request.unknown.clear()  # the admin opens the chat and writes
        await bot.send(ADMIN_ID, "/start")
        admin = [m for m in menus(bot) if m["chat"] == ADMIN_ID]
        assert len(admin) == 2 and all("undang" in m["commands"] for m in admin)
        # The message itself was handled as usual: the survey's unit picker.
        assert "Pilih unit layanan" in bot.last(ADMIN_ID).text
        bot.request.calls.clear()
        await bot.send(ADMIN_ID, "/bantuan")  # set once, not on every message
        assert not menus(bot)
    finally:
        await bot.stop()
