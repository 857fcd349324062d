"""/saran: the latest suggestions for the units in scope, newest first, a page at a time."""

from __future__ import annotations

from skm.records import Response
from tests.bot.officer_helpers import KNOWN, SKCK_OFFICER, q4, register, response, seed
from tests.support.harness import ADMIN_ID, BotHarness


def many_suggestions() -> list[Response]:
    """Seven SKCK suggestions on 1-7 November, one SIM suggestion on the 20th."""
    rows = [
        response("333333333", when=q4(day), suggestion=f"Saran nomor {day}") for day in range(1, 8)
    ]
    rows.append(response("444444444", unit="SIM", when=q4(20), suggestion="Saran SIM"))
    return rows


async def test_newest_first_with_unit_office_and_date_and_escaped_text(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/saran")
    shown = bot.last(ADMIN_ID)
    lines = shown.text.splitlines()
    assert lines[0] == "<b>Saran terbaru</b> · Semua unit"
    assert lines[1] == "1-3 dari 3, terbaru lebih dulu"
    assert lines[3:5] == [
        "<i>09-11-2026 · Pelayanan SIM · Polres Contoh</i>",
        "“&lt;b&gt;Mantap&lt;/b&gt;”",
    ]
    assert lines[6:8] == [
        "<i>08-11-2026 · Pelayanan SKCK · Polsek Kota</i>",
        "“Ruang tunggu panas &amp; sempit”",
    ]
    assert lines[9:11] == [
        "<i>04-11-2026 · Pelayanan SKCK · Polres Contoh</i>",
        "“Antrean terlalu lama”",
    ]
    assert shown.buttons == []


async def test_pages_of_five_with_newer_and_older_buttons(bot: BotHarness):
    await seed(bot, many_suggestions())
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/saran SKCK")
    first = bot.last(SKCK_OFFICER)
    assert "1-5 dari 7" in first.text
    assert "Saran nomor 7" in first.text and "Saran nomor 3" in first.text
    assert "Saran nomor 2" not in first.text and "Saran SIM" not in first.text
    assert first.button_texts() == ["Lebih lama »"]
    await bot.press(SKCK_OFFICER, "Lebih lama »")
    second = bot.last(SKCK_OFFICER)
    assert second.message_id == first.message_id  # edited in place
    assert "6-7 dari 7" in second.text
    assert second.text.index("Saran nomor 2") < second.text.index("Saran nomor 1")
    assert second.button_texts() == ["« Lebih baru"]
    await bot.press(SKCK_OFFICER, "« Lebih baru")
    assert "1-5 dari 7" in bot.last(SKCK_OFFICER).text


async def test_a_period_narrows_the_suggestions(bot: BotHarness):
    await seed(bot, [*many_suggestions(), *KNOWN])
    await bot.send(ADMIN_ID, "/saran SKCK 2026-11")
    text = bot.last(ADMIN_ID).text
    assert text.startswith(
        "<b>Saran terbaru</b> · Pelayanan SKCK · 2026-11 (01-11-2026 s.d. 30-11-2026)"
    )
    assert "1-5 dari 9" in text
    await bot.send(ADMIN_ID, "/saran SPKT")
    assert bot.last(ADMIN_ID).text.endswith("Belum ada saran.")


async def test_a_forged_page_outside_the_scope_is_refused(bot: BotHarness):
    await seed(bot, many_suggestions())
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/saran")
    shown = bot.last(SKCK_OFFICER)
    await bot.press_data(SKCK_OFFICER, "off:sug:SIM:*:*:0", shown=shown)
    assert bot.request.notices()[-1].startswith("Maaf, data itu di luar cakupan Anda.")
    assert "Saran SIM" not in bot.last(SKCK_OFFICER).text


async def test_a_page_of_the_longest_suggestions_fits_in_one_message(bot: BotHarness):
    longest = "&" * 1000  # escaped, each character becomes five
    await seed(bot, [response("333333333", when=q4(d), suggestion=longest) for d in range(1, 7)])
    await bot.send(ADMIN_ID, "/saran")
    text = bot.last(ADMIN_ID).text
    assert len(text) <= 4096
    assert "&amp;&amp;…”" in text and "&amp…" not in text
