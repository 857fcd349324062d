"""The officers' buttons go through one checked codec; a forged one changes nothing."""

from __future__ import annotations

import logging

import pytest

from bot.officers.buttons import (
    CsvExport,
    InviteCancelAsk,
    InviteCancelConfirm,
    QrOffice,
    RevokeAsk,
    RevokeConfirm,
    RosterPage,
    SuggestionPage,
    parse,
)
from storage import officers
from tests.bot.officer_helpers import KNOWN, SKCK_OFFICER, register, seed
from tests.support.harness import ADMIN_ID, BotHarness

STALE = "Tombol ini sudah tidak berlaku."
FORGED = [
    "off:sug:*:*:*:²",
    "off:sug:*:*:*:" + "9" * 23,
    "off:sug:*:*:*:-1",
    "off:sug:*:*:*",
    "off:sug:skck:*:*:0",
    "off:sug:*:*:2026-Q²:0",
    "off:sug:*:*:*:0:0",
    "off:lst:²",
    "off:lst:٣",
    "off:lst:" + "9" * 23,
    "off:lst:x:y",
    "off:rev:1:²",
    "off:rvk:1:²",
    "off:rvk:0",
    "off:rvk:-5",
    "off:rvk:abc",
    "off:rvk:" + "9" * 40,
    "off:rvk:99999999999999999",
    "off:csv:",
    "off:csv:*:*:*",
    "off:csv:*:*:2026-Q4:x",
    "off:csv:<b>:*:2026",
    "off:csv:*:*:" + "9" * 50,
    "off:",
    "off:zzz:1",
    "off:sug:" + "A" * 60,
    "off:inv:0123456789abcdef",
    "off:inv:0123456789ABCDEF:0",
    "off:inv:0123456789abcde:0",
    "off:ivc:0123456789abcdef0:0",
    "off:ivc:0123456789abcdef:²",
    "off:qr:SKCK",
    "off:qr:skck:POLRES",
    "off:qr:SKCK:POLRES:1",
    "off:qr:<b>:POLRES",
]


@pytest.mark.parametrize(
    "button",
    [
        SuggestionPage(None, None, None, 0),
        SuggestionPage("SKCK", "PS_KOTA", "2026-Q4", 15),
        SuggestionPage("SIM", None, "30d", 999_999),
        CsvExport(None, None, "2026"),
        CsvExport("SATRESKRIM", "POLRES", "2026-11"),
        RosterPage(0),
        RosterPage(20),
        RevokeAsk(7_000_000_001, 10),
        RevokeConfirm(1, 0),
        InviteCancelAsk("0123456789abcdef", 0),
        InviteCancelConfirm("fedcba9876543210", 20),
        QrOffice("SKCK", "PS_KOTA"),
        QrOffice("A" * 24, "B" * 24),
    ],
)
def test_every_button_round_trips_within_64_bytes(button):
    data = button.encode()
    assert len(data.encode()) <= 64
    assert parse(data) == button


@pytest.mark.parametrize("data", [*FORGED, None, "", "s|abc|u1|c|1", "x" * 65])
def test_malformed_data_parses_to_nothing(data):
    assert parse(data) is None


def test_buttons_from_before_the_pages_still_parse():
    assert parse("off:lst") == RosterPage(0)
    assert parse("off:rvk:700101") == RevokeConfirm(700101, 0)


@pytest.mark.parametrize(
    "button",
    [
        SuggestionPage("A" * 24, "B" * 24, "2026-Q4", 5),  # over 64 bytes
        SuggestionPage("skck", None, None, 0),
        SuggestionPage(None, None, None, 1_000_000),
        CsvExport("A:B", None, "2026"),
        RevokeAsk(0, 0),
        InviteCancelAsk("not-hex", 0),
        QrOffice("skck", "POLRES"),
    ],
)
def test_what_the_grammar_does_not_allow_is_never_encoded(button):
    with pytest.raises(ValueError, match="not valid officer button data"):
        button.encode()


async def test_a_forged_officer_button_only_says_it_is_no_longer_valid(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await bot.send(ADMIN_ID, "/saran")
    shown = bot.last(ADMIN_ID)
    before = (shown.text, shown.buttons, len(bot.request.messages(ADMIN_ID)))
    caplog.set_level(logging.ERROR)
    for n, data in enumerate(FORGED, start=1):
        await bot.press_data(ADMIN_ID, data, shown=shown)
        assert bot.request.notices()[-1] == STALE, data
        assert len(bot.request.notices()) == n  # one answer, nothing else
    assert (shown.text, shown.buttons, len(bot.request.messages(ADMIN_ID))) == before
    assert await officers.get(bot.db, SKCK_OFFICER) is not None
    assert not caplog.records
    assert not bot.request.refused


async def test_a_button_whose_period_is_now_out_of_range_is_no_longer_valid(bot: BotHarness):
    await bot.send(ADMIN_ID, "/saran")
    for data in ("off:sug:*:*:1999:0", "off:csv:*:*:1900-Q1", "off:sug:*:*:99999d:0"):
        await bot.press_data(ADMIN_ID, data)
        assert bot.request.notices()[-1] == STALE
    assert not any(m.kind == "document" for m in bot.request.messages(ADMIN_ID))
