"""Group chats: invites, suggestions and the staff list stay private; /ikm and summaries stay."""

from __future__ import annotations

from datetime import datetime

from storage import officers, subscriptions
from tests.bot.officer_helpers import JAKARTA, KNOWN, SIM_OFFICER, SKCK_OFFICER, register, seed
from tests.bot.test_officer_weekly import run_weekly
from tests.support.harness import ADMIN_ID, BotHarness

GROUP = -100777
OTHER_GROUP = -100888


def group_texts(bot: BotHarness, chat: int = GROUP) -> str:
    return "\n".join(m.text for m in bot.request.messages(chat))


async def in_group(bot: BotHarness, user: int, text: str, chat: int = GROUP) -> None:
    await bot.send(user, text, chat_id=chat, chat_type="group")


async def test_an_invite_is_never_posted_in_a_group(bot: BotHarness):
    for command in ("/undang SKCK", "/invite SEMUA", "/undang@skm_test_bot PS_KOTA"):
        await in_group(bot, ADMIN_ID, command)
    texts = group_texts(bot)
    assert "inv-" not in texts and "t.me" not in texts
    assert texts.count("Undangan petugas hanya dibuat lewat chat pribadi dengan bot") == 3
    now = datetime.now(JAKARTA)
    assert await officers.count_open_invites(bot.db, now) == 0
    # In the private chat the same command still makes one.
    await bot.send(ADMIN_ID, "/undang SKCK")
    assert "start=inv-" in bot.last(ADMIN_ID).text
    assert await officers.count_open_invites(bot.db, now) == 1


async def test_suggestions_are_never_posted_in_a_group(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    for user, command in ((ADMIN_ID, "/saran"), (SKCK_OFFICER, "/saran SKCK 2026-Q4")):
        await in_group(bot, user, command)
    texts = group_texts(bot)
    assert "Antrean terlalu lama" not in texts and "Ruang tunggu" not in texts
    assert texts.count("Saran berisi tulisan warga, jadi hanya ditampilkan lewat chat") == 2
    # A page button forged onto a group message shows nothing there either.
    await bot.press_data(ADMIN_ID, "off:sug:*:*:*:0", shown=bot.last(GROUP))
    assert bot.request.notices()[-1].startswith("Saran berisi tulisan warga")
    assert "Antrean terlalu lama" not in group_texts(bot)


async def test_the_roster_is_never_posted_in_a_group(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await in_group(bot, ADMIN_ID, "/petugas")
    assert "Sari" not in group_texts(bot)
    assert "Daftar petugas hanya ditampilkan lewat chat pribadi" in group_texts(bot)
    for data in ("off:lst:0", f"off:rev:{SKCK_OFFICER}:0", f"off:rvk:{SKCK_OFFICER}:0"):
        await bot.press_data(ADMIN_ID, data, shown=bot.last(GROUP))
        assert bot.request.notices()[-1].startswith("Daftar petugas hanya ditampilkan")
    assert "Sari" not in group_texts(bot)
    assert await officers.get(bot.db, SKCK_OFFICER) is not None


async def test_a_citizen_in_a_group_gets_the_citizens_refusal(bot: BotHarness):
    await in_group(bot, 5550999, "/saran")
    assert group_texts(bot).startswith("Maaf, perintah ini hanya untuk petugas SKM.")


async def test_ikm_and_the_weekly_summary_still_work_in_a_group(bot: BotHarness):
    await seed(bot, KNOWN)
    await in_group(bot, ADMIN_ID, "/ikm 2026-Q4")
    assert "IKM" in group_texts(bot) and "Pelayanan SKCK" in group_texts(bot)
    await in_group(bot, ADMIN_ID, "/langganan")
    before = len(bot.request.messages(GROUP))
    await run_weekly(bot)
    assert len(bot.request.messages(GROUP)) == before + 1


async def test_revoking_an_officer_stops_the_summaries_they_subscribed(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await register(bot, SIM_OFFICER, "SIM", name="Wati")
    await in_group(bot, SKCK_OFFICER, "/langganan")
    await in_group(bot, SIM_OFFICER, "/langganan", chat=OTHER_GROUP)
    await bot.send(ADMIN_ID, "/petugas")
    await bot.press(ADMIN_ID, "Cabut 2. Sari")  # SIM comes before SKCK in the units file
    await bot.press(ADMIN_ID, "Ya, cabut")
    assert await subscriptions.get(bot.db, GROUP) is None
    assert await subscriptions.get(bot.db, OTHER_GROUP) is not None
    sari, wati = len(bot.request.messages(GROUP)), len(bot.request.messages(OTHER_GROUP))
    await run_weekly(bot)
    assert len(bot.request.messages(GROUP)) == sari  # no summary for Sari's group
    assert len(bot.request.messages(OTHER_GROUP)) == wati + 1


async def test_an_nrp_is_neither_kept_nor_echoed_in_a_group(bot: BotHarness):
    await register(bot, SKCK_OFFICER, "SKCK")
    await in_group(bot, SKCK_OFFICER, "/nrp 87050123")
    assert "87050123" not in group_texts(bot)
    assert "NRP hanya dicatat lewat chat pribadi dengan bot" in group_texts(bot)
    assert [o.nrp for o in await officers.all_officers(bot.db)] == [None]
    await bot.send(SKCK_OFFICER, "/nrp 87050123")  # in the private chat it is kept
    assert [o.nrp for o in await officers.all_officers(bot.db)] == ["87050123"]
