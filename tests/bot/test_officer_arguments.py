"""What officers type: periods out of range get a sentence; echoed words are escaped and short."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest

from tests.bot.officer_helpers import JAKARTA, KNOWN, register, seed
from tests.support.harness import ADMIN_ID, BotHarness

OFFICER = 700404


def out_of_range(word: str) -> str:
    last = datetime.now(JAKARTA).year + 1
    return f"Periode {word} di luar jangkauan: pilih periode dari tahun 2000 sampai {last}."


@pytest.mark.parametrize(
    ("command", "word"),
    [
        ("/ikm 1900", "1900"),
        ("/ikm 1900-Q1", "1900-Q1"),
        ("/ikm SKCK 1900-01", "1900-01"),
        ("/ikm 1900-s1", "1900-s1"),
        ("/ikm 99999d", "99999d"),
        ("/ikm 9999", "9999"),
        ("/saran 1999", "1999"),
        ("/ekspor 1900 csv", "1900"),
    ],
)
async def test_a_period_before_2000_or_after_next_year_gets_a_sentence(
    bot: BotHarness, caplog: pytest.LogCaptureFixture, command: str, word: str
):
    caplog.set_level(logging.ERROR)
    await bot.send(ADMIN_ID, command)
    assert bot.last(ADMIN_ID).text == out_of_range(word)
    assert not caplog.records and not bot.request.refused


async def test_the_year_2000_compares_with_1999(bot: BotHarness):
    await bot.send(ADMIN_ID, "/ikm 2000")
    assert "2000 (01-01-2000 s.d. 31-12-2000)" in bot.last(ADMIN_ID).text
    await bot.send(ADMIN_ID, "/ikm SKCK 2000-Q1")
    assert "Belum ada responden." in bot.last(ADMIN_ID).text


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("/ikm <b>", "Tidak dikenal: &lt;b&gt;."),
        ("/ikm SKCK </i>", "Tidak dikenal: &lt;/i&gt;."),
        ("/saran &amp;", "Tidak dikenal: &amp;amp;."),
        ("/qr SKCK &", "Tidak dikenal: &amp;."),
        ("/ekspor <a href='x'>", "Tidak dikenal: &lt;a."),
        ("/ikm " + "x" * 4000, "Tidak dikenal: " + "x" * 40 + "…."),
        ("/saran " + "<" * 100, "Tidak dikenal: " + "&lt;" * 10 + "…."),
        ("/ikm 2026-Q²", "Tidak dikenal: 2026-Q²."),
    ],
)
async def test_a_typed_word_comes_back_escaped_and_short(
    bot: BotHarness, caplog: pytest.LogCaptureFixture, command: str, shown: str
):
    caplog.set_level(logging.ERROR)
    await bot.send(ADMIN_ID, command)
    assert shown in bot.last(ADMIN_ID).text
    assert not caplog.records and not bot.request.refused


async def test_the_invite_never_echoes_html(bot: BotHarness):
    for command, shown in [
        ("/undang <i>", "&lt;i&gt; bukan kode unit atau kantor."),
        ("/undang SKCK <b>", "&lt;b&gt; bukan kode kantor."),
        ("/undang " + "&" * 5000, "&amp;" * 8 + "… bukan kode unit atau kantor."),
        ("/undang", "Tulis: /undang UNIT [KANTOR]"),
    ]:
        await bot.send(ADMIN_ID, command)
        assert bot.last(ADMIN_ID).text.startswith(shown)
    assert not bot.request.refused


async def test_an_officer_gets_the_same_sentences(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, OFFICER, "SKCK")
    await bot.send(OFFICER, "/ikm <b>")
    assert "Tidak dikenal: &lt;b&gt;." in bot.last(OFFICER).text
    await bot.send(OFFICER, "/saran 1900-Q1")
    assert bot.last(OFFICER).text == out_of_range("1900-Q1")
    assert not bot.request.refused
