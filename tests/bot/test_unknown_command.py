"""A command nobody knows gets a pointer to /bantuan: in private, and in a group if addressed."""

from __future__ import annotations

from tests.bot.survey_helpers import CITIZEN, db_file, rows, to_elements
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import feed

UNKNOWN = "Perintah itu tidak dikenal. Ketik /bantuan untuk daftar perintah."
GROUP = -100555


async def test_an_unknown_command_in_private_points_to_bantuan(bot: BotHarness):
    await bot.send(CITIZEN, "/foo")
    assert bot.last(CITIZEN).text == UNKNOWN


async def test_an_english_app_gets_the_pointer_in_english(bot: BotHarness):
    await bot.send(CITIZEN, "/foo bar", lang="en")
    assert (
        bot.last(CITIZEN).text == "I don't know that command. Send /help for the list of commands."
    )


async def test_during_a_survey_the_pointer_comes_and_the_survey_stays(bot: BotHarness):
    await to_elements(bot)
    screen, before = bot.last(CITIZEN), rows(db_file(bot), "surveys")
    await bot.send(CITIZEN, "/tidakada")
    assert bot.last(CITIZEN).text == UNKNOWN
    assert rows(db_file(bot), "surveys") == before
    assert screen.button_texts()[0] == "Tidak sesuai"


async def test_in_a_group_only_a_command_addressed_to_the_bot_gets_the_pointer(bot: BotHarness):
    for text in ("/foo", "/foo@other_bot", "/ikm@other_bot", "/start@other_bot x"):
        await bot.send(ADMIN_ID, text, chat_id=GROUP, chat_type="group")
    assert bot.request.messages(GROUP) == []
    await bot.send(ADMIN_ID, "/foo@SKM_Test_Bot", chat_id=GROUP, chat_type="group")
    assert [m.text for m in bot.request.messages(GROUP)] == [UNKNOWN]


async def test_known_commands_are_not_taken_for_unknown_ones(bot: BotHarness):
    for text in ("/bantuan", "/start", "/batal", "/ikm", "/help@skm_test_bot"):
        await bot.send(CITIZEN, text)
    assert UNKNOWN not in [m.text for m in bot.request.messages(CITIZEN)]


async def test_a_command_entity_ending_inside_a_character_gets_the_pointer(bot: BotHarness):
    # Found by the fuzz test: parse_entity raised on a length that splits a UTF-16 pair.
    raw = bot.updates.text(CITIZEN, "/x\U0001f600")
    raw["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": 3}]
    assert bot.app is not None
    await feed(bot.app, raw)
    assert "/bantuan" in bot.last(CITIZEN).text
