"""The offline Bot API refuses what Telegram refuses, with Telegram's 400 answer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from tests.support.bot_api_rules import html_problem
from tests.support.telegram import TEST_TOKEN, RecordingRequest


@pytest.fixture
async def api() -> AsyncIterator[tuple[Bot, RecordingRequest]]:
    request = RecordingRequest()
    bot = Bot(TEST_TOKEN, request=request, get_updates_request=RecordingRequest())
    await bot.initialize()
    yield bot, request
    await bot.shutdown()


def keyboard(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("go", callback_data=data)]])


def test_html_as_telegram_parses_it():
    assert html_problem("<b>82,29</b> &amp; <i>B</i> &lt;5 &#39; a > b")[0] is None
    assert html_problem("<b>x</b> &amp;")[1] == "x &"
    for bad in ("<x>y</x>", "a < b", "<b>open", "</i>", "&", "AT&T", "&nbsp;", "<br/>", "<b"):
        assert html_problem(bad)[0] is not None, bad


async def test_refusals_carry_telegrams_400_answer(api: tuple[Bot, RecordingRequest]):
    bot, request = api
    with pytest.raises(BadRequest, match=r"(?i)can.t parse entities"):
        await bot.send_message(1, "<b>x", parse_mode="HTML")
    assert request.messages(1) == [] and len(request.refused) == 1
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(1, "x" * 4097)
    # Tags do not count: 4,096 characters inside one are fine.
    await bot.send_message(1, f"<b>{'x' * 4096}</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(1, b"png", caption="x" * 1025)
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(1, "x", reply_markup=keyboard("d" * 65))
    assert len(request.messages(1)) == 1


async def test_an_edit_that_changes_nothing_is_refused(api: tuple[Bot, RecordingRequest]):
    bot, request = api
    sent = await bot.send_message(1, "hi", reply_markup=keyboard("d"))
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("hi", 1, sent.message_id, reply_markup=keyboard("d"))
    await bot.edit_message_text("hi", 1, sent.message_id)  # the keyboard goes: a change
    assert request.last(1).buttons == []
