"""/bantuan lists what the asker may use; the command menu is set per role."""

from __future__ import annotations

from typing import Any

from tests.bot.officer_helpers import CITIZEN, SKCK_OFFICER, register
from tests.support.harness import ADMIN_ID, BotHarness


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
