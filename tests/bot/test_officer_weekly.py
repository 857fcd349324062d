"""The weekly summary: scheduled at the configured local time, subscriptions, its figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from telegram.ext import Job

from bot.officers import digest
from bot.officers.access import EVERYTHING, Scope
from bot.officers.weekly import JOB_NAME, due_day
from skm.followup import Status
from skm.index import Weighting
from skm.period import current_quarter
from storage import followups, subscriptions
from tests.bot.officer_helpers import (
    JAKARTA,
    KNOWN,
    SKCK_OFFICER,
    blocking_bot,
    q4,
    register,
    response,
    seed,
)
from tests.support.harness import ADMIN_ID, BotHarness, make_settings

GROUP = -100555


def next_local(weekday: int, at: time) -> datetime:
    """The next moment after now at a weekday (0 = Monday) and local time in Jakarta."""
    now = datetime.now(JAKARTA)
    day = now.date() + timedelta(days=(weekday - now.weekday()) % 7)
    moment = datetime.combine(day, at, tzinfo=JAKARTA)
    return moment if moment > now else moment + timedelta(days=7)


def weekly_jobs(bot: BotHarness) -> list[Job[Any]]:
    assert bot.app is not None and bot.app.job_queue is not None
    return list(bot.app.job_queue.get_jobs_by_name(JOB_NAME))


async def run_weekly(bot: BotHarness, new_week: bool = True) -> None:
    """Fire the scheduled job now, as the JobQueue would at its time.

    Each run is a new week's unless `new_week` is False: the claims of earlier runs, which
    keep a second run for the same due time from sending again, are forgotten.
    """
    [job] = weekly_jobs(bot)
    assert bot.app is not None
    if new_week:
        await bot.db.write("DELETE FROM job_runs WHERE job = ?", (JOB_NAME,))
    await job.run(bot.app)


async def test_the_job_runs_monday_at_seven_jakarta_time_by_default(bot: BotHarness):
    [job] = weekly_jobs(bot)
    assert job.next_t == next_local(0, time(7, 0))
    assert job.next_t.astimezone(JAKARTA).strftime("%A %H:%M") == "Monday 07:00"


async def test_the_job_follows_the_configured_day_and_time(tmp_path: Path):
    bot = await BotHarness(tmp_path, skm_weekly_day="fri", skm_weekly_time=time(16, 30)).start()
    try:
        [job] = weekly_jobs(bot)
        assert job.next_t == next_local(4, time(16, 30))
    finally:
        await bot.stop()


async def test_a_group_subscription_survives_a_restart_and_gets_the_summary(bot: BotHarness):
    now = datetime.now(JAKARTA)
    moments = [now - timedelta(days=1), now - timedelta(days=2), now - timedelta(days=9)]
    await seed(
        bot,
        [
            response("444444444", when=moments[0], suggestion="Pelayanan cepat"),
            response("333333333", when=moments[1]),
            response("333333333", when=moments[2], suggestion="Minggu lalu"),
            response("111111111", unit="SIM", when=moments[0]),
        ],
    )
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/langganan", chat_id=GROUP, chat_type="group")
    assert "setiap Senin pukul 07:00 WIB" in bot.last(GROUP).text
    assert "Pelayanan SKCK · semua kantor" in bot.last(GROUP).text

    await bot.restart()
    assert len(weekly_jobs(bot)) == 1  # scheduled again, not twice
    await run_weekly(bot)
    text = bot.last(GROUP).text
    assert text.startswith("<b>Ringkasan mingguan SKM</b>")
    assert "Minggu ini: 2 responden · IKM 87,41 · mutu B (Baik)" in text
    assert "Dibanding minggu lalu: tidak berubah secara bermakna (selisih +12,49)" in text
    assert "Unsur terlemah" not in text  # two respondents: per-element detail is withheld
    assert "Saran baru: 1" in text
    quarter = current_quarter(now)
    so_far = sum(1 for m in moments if m >= quarter.start)
    # Early in a quarter some of these moments fall in the one before.
    expected = f"{so_far} responden · IKM" if so_far else "Belum ada responden."
    assert f"Kuartal berjalan: {expected}" in text
    assert "Pelayanan SIM" not in text  # the subscriber's scope is SKCK


async def test_a_second_run_for_the_same_due_time_sends_nothing(bot: BotHarness):
    # What two bot processes sharing one database do at the due time: each runs the job.
    await bot.send(ADMIN_ID, "/langganan", chat_id=GROUP, chat_type="group")
    await bot.send(ADMIN_ID, "/langganan", chat_id=GROUP - 1, chat_type="group")
    before = len(bot.request.messages(GROUP))
    await run_weekly(bot)
    await run_weekly(bot, new_week=False)
    for chat in (GROUP, GROUP - 1):
        sent = bot.request.messages(chat)[before:]
        assert [m.text.startswith("<b>Ringkasan mingguan SKM</b>") for m in sent] == [True]


def test_the_due_day_is_the_latest_configured_weekday_and_time():
    settings = make_settings(Path("unused.db"))  # Monday 07:00 in Jakarta
    monday_7 = datetime(2026, 11, 23, 7, 0, tzinfo=JAKARTA)
    assert due_day(settings, monday_7) == date(2026, 11, 23)
    assert due_day(settings, monday_7 + timedelta(days=3)) == date(2026, 11, 23)
    assert due_day(settings, monday_7 - timedelta(seconds=1)) == date(2026, 11, 16)
    assert due_day(settings, monday_7.astimezone(UTC)) == date(2026, 11, 23)


async def test_berhenti_stops_the_summary(bot: BotHarness):
    await bot.send(ADMIN_ID, "/subscribe", chat_id=GROUP, chat_type="group")
    await bot.send(ADMIN_ID, "/berhenti", chat_id=GROUP, chat_type="group")
    assert bot.last(GROUP).text == "Langganan ringkasan mingguan untuk chat ini dihentikan."
    assert await subscriptions.all_subscriptions(bot.db) == []
    before = len(bot.request.messages(GROUP))
    await run_weekly(bot)
    assert len(bot.request.messages(GROUP)) == before


async def test_a_week_without_responses_says_so(bot: BotHarness):
    await bot.send(ADMIN_ID, "/langganan", chat_id=GROUP, chat_type="group")
    await run_weekly(bot)
    text = bot.last(GROUP).text
    assert "Tidak ada responden minggu ini." in text
    assert "<b>Pelayanan SKCK</b> (SKCK)\nMinggu ini: tidak ada responden." in text


async def test_a_chat_that_removed_the_bot_is_unsubscribed_and_the_others_still_get_it(
    tmp_path: Path,
):
    bot = await blocking_bot(tmp_path, {-100999})
    try:
        await bot.send(ADMIN_ID, "/langganan", chat_id=-100999, chat_type="group")
        await bot.send(ADMIN_ID, "/langganan", chat_id=GROUP, chat_type="group")
        await run_weekly(bot)
        assert "Ringkasan mingguan SKM" in bot.last(GROUP).text
        assert [s.chat_id for s in await subscriptions.all_subscriptions(bot.db)] == [GROUP]
    finally:
        await bot.stop()


async def test_the_figures_of_a_known_week(bot: BotHarness):
    # Monday 23 November 2026, 07:00: this week is 16-23 November, last week 9-16 November.
    now = datetime(2026, 11, 23, 7, tzinfo=JAKARTA)
    await seed(bot, KNOWN)
    await seed(
        bot,
        [
            response("444444444", when=q4(20), suggestion="Cepat"),
            response("333333333", when=q4(21), suggestion="Ramah"),
            response("333333333", when=q4(15)),
        ],
        prefix="week",
    )
    assert bot.app is not None
    data = await digest.weekly(bot.db, bot.directory, EVERYTHING, now, Weighting.REGULATION)
    text = digest.render(data, bot.directory, None, "id")
    assert "Minggu ini: 7 hari 16-11-2026 07:00 s.d. 23-11-2026 07:00" in text
    assert "Kuartal berjalan: 2026-Q4 sejak 01-10-2026." in text
    skck = text[text.index("<b>Pelayanan SKCK</b>") :].split("\n\n")[0].splitlines()
    # Two respondents this week (99,90 and 74,93): t(0.975, 1) = 12,706 spans the whole
    # scale, last week's one respondent cannot be told apart, and the weakest element of
    # two respondents is not shown.
    assert skck[1:] == [
        "Minggu ini: 2 responden · IKM 87,41 · mutu B (Baik) · sampel belum cukup (n=2 dari 30)",
        "Rentang 95%: 25,00–100,00 (mutu D, C, B atau A)",
        "Dibanding minggu lalu: tidak berubah secara bermakna (selisih +12,49)",
        "Kuartal berjalan: 9 responden · IKM 79,86 · mutu B (Baik)"
        " · sampel belum cukup (n=9 dari 30)",
        "Rentang 95%: 71,96–87,75 (mutu C atau B)",
        "Saran baru: 2",
    ]
    sim = text[text.index("<b>Pelayanan SIM</b>") :].split("\n\n")[0].splitlines()
    assert sim[1:] == [
        "Minggu ini: tidak ada responden.",
        "Kuartal berjalan: 3 responden · IKM 99,90 · mutu A (Sangat Baik)"
        " · sampel belum cukup (n=3 dari 347)",
        "Rentang 95%: 99,90–99,90 (mutu A)",
        "Saran baru: 0",
    ]
    assert "Tidak ada responden minggu ini." not in text


async def test_a_real_weekly_change_and_the_weakest_element_of_three(bot: BotHarness):
    now = datetime(2026, 11, 23, 7, tzinfo=JAKARTA)
    this_week = [response("444444443", when=q4(d)) for d in (17, 18, 19)]
    last_week = [response("222222222", when=q4(d)) for d in (10, 11, 12)]
    await seed(bot, [*this_week, *last_week])
    data = await digest.weekly(bot.db, bot.directory, EVERYTHING, now, Weighting.REGULATION)
    text = digest.render(data, bot.directory, None, "id")
    # 97,13 against 49,95, neither with any spread: a change.
    assert "Dibanding minggu lalu: +47,18" in text
    assert "Unsur terlemah minggu ini: Penanganan Pengaduan, Saran dan Masukan (U9) 3,00" in text


async def test_the_summary_lists_follow_up_actions_overdue_and_due_this_week(bot: BotHarness):
    # Monday 23 November 2026, 07:00: overdue is before the 23rd, due soon up to the 30th.
    now = datetime(2026, 11, 23, 7, tzinfo=JAKARTA)
    await seed(bot, KNOWN)
    written = datetime(2026, 11, 1, 9, tzinfo=JAKARTA)

    async def add(unit: str, element: str, action: str, due: date, status: Status) -> int:
        stored = await followups.add(
            bot.db, unit, None, element, action, "Kanit", due, status, ADMIN_ID, written
        )
        return stored.id

    late = await add("SKCK", "U3", "Tambah <loket>", date(2026, 11, 20), "berjalan")
    soon = await add("SKCK", "U8", "Kipas angin", date(2026, 11, 30), "rencana")
    await add("SKCK", "U2", "Sudah beres", date(2026, 11, 20), "selesai")  # done: not listed
    await add("SKCK", "U1", "Bulan depan", date(2026, 12, 1), "rencana")  # after this week
    await add("SIM", "U1", "Outside the scope", date(2026, 11, 24), "rencana")
    scope = Scope("SKCK", None)
    data = await digest.weekly(bot.db, bot.directory, scope, now, Weighting.REGULATION)
    text = digest.render(data, bot.directory, None, "id")
    skck = text[text.index("<b>Pelayanan SKCK</b>") :].split("\n\n")[0].splitlines()
    assert skck[-4:] == [
        "Tindak lanjut lewat batas waktu:",
        f"• #{late} U3 Tambah &lt;loket&gt; — Kanit, batas 20-11-2026 (berjalan)",
        "Tindak lanjut dengan batas waktu 7 hari ke depan:",
        f"• #{soon} U8 Kipas angin — Kanit, batas 30-11-2026 (rencana)",
    ]
    assert "Outside the scope" not in text and "Sudah beres" not in text
