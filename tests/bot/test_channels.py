"""Figures by channel: where the respondents answered (Telegram, web, kiosk), in /ikm, the
report and the export."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from documents.report import build_report
from service.report import render_text, to_json
from skm.index import Weighting
from skm.period import parse_period
from storage import responses
from tests.bot.officer_helpers import SKCK_Q4, q4
from tests.support.harness import ADMIN_ID, BotHarness


async def seed_channels(bot: BotHarness) -> None:
    rows = [(r, f"c:{i}") for i, r in enumerate(SKCK_Q4)]
    await responses.insert_many(bot.db, rows[:3], channel="web")
    await responses.insert_many(bot.db, rows[3:], channel="kiosk")


async def test_ikm_shows_each_channel_when_there_are_several(bot: BotHarness) -> None:
    await seed_channels(bot)
    await bot.send(ADMIN_ID, "/ikm SKCK 2026-Q4")
    text = next(m.text for m in bot.request.messages(ADMIN_ID) if "Per saluran" in m.text)
    section = text.split("<b>Per saluran pengisian</b>\n")[1]
    assert section.startswith("Kiosk (tablet loket): 3 responden · IKM ")
    assert "\nWeb (browser): 3 responden · IKM " in section


async def test_ikm_says_nothing_of_channels_when_all_came_through_one(bot: BotHarness) -> None:
    await responses.insert_many(bot.db, [(r, f"w:{i}") for i, r in enumerate(SKCK_Q4)], "web")
    period = parse_period("2026-Q4", q4(20))
    assert period is not None
    where = responses.Filter(period.start, period.end, ["SKCK"])
    assert await responses.channels(bot.db, where) == ["web"]
    await bot.send(ADMIN_ID, "/ikm SKCK 2026-Q4")
    texts = [m.text for m in bot.request.messages(ADMIN_ID)]
    assert any("IKM" in text for text in texts)
    assert not any("Per saluran" in text for text in texts)


async def test_the_report_and_its_json_count_each_channel(bot: BotHarness) -> None:
    await seed_channels(bot)
    period = parse_period("2026-Q4", q4(20))
    report = await build_report(bot.db, Weighting.REGULATION, period, ["SKCK"])
    assert {c: r.respondents for c, r in report.channels.items()} == {"kiosk": 3, "web": 3}
    data = to_json(report)
    assert data["channels"]["web"]["respondents"] == 3
    assert data["channels"]["web"]["ikm"] is not None
    text = render_text(report, None, "id")
    block = text.split("Per saluran pengisian\n")[1].split("\n\n")[0].splitlines()
    assert block[1].split()[:4] == ["Kiosk", "(tablet", "loket)", "3"]
    assert block[2].split()[:3] == ["Web", "(browser)", "3"]


async def test_the_workbook_has_the_ikm_of_each_channel(bot: BotHarness) -> None:
    await seed_channels(bot)
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4")
    files = [m for m in bot.request.messages(ADMIN_ID) if m.kind == "document"]
    book = load_workbook(io.BytesIO(files[-1].file or b""))
    rows = [[c.value for c in row] for sheet in book for row in sheet.iter_rows()]
    channel_rows = [r for r in rows if r[:2] in (["Per saluran pengisian", "web"],
                                                  ["Per saluran pengisian", "kiosk"])]  # fmt: skip
    assert [(r[1], r[2], r[3]) for r in channel_rows] == [
        ("kiosk", "Kiosk (tablet loket)", 3),
        ("web", "Web (browser)", 3),
    ]
