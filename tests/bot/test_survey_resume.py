"""State lives in the database: restarts resume, abandoned surveys expire, /batal cancels."""

from __future__ import annotations

from bot.survey.setup import EXPIRY_JOB
from tests.bot.survey_helpers import (
    CITIZEN,
    ELEMENT_LABELS,
    OTHER,
    QR,
    SCORES,
    age_rows,
    answers_of,
    db_file,
    rows,
    to_elements,
    to_first_question,
)
from tests.support.harness import BotHarness

DAY_AND_AN_HOUR = 25 * 3600


async def answer_first_three(bot: BotHarness, uid: int = CITIZEN) -> None:
    await to_elements(bot, uid)
    for label in ELEMENT_LABELS[:3]:
        await bot.press(uid, label)
    assert "4/9" in bot.last(uid).text


async def test_every_step_is_written_as_it_is_answered(bot: BotHarness):
    await answer_first_three(bot)
    [survey] = rows(db_file(bot), "surveys")
    assert '"U3": "4"' in survey["state"] and '"gender": "P"' in survey["state"]
    assert survey["respondent"] != str(CITIZEN)
    assert set(survey) >= {"message_id"} and "chat_id" not in survey


async def test_after_a_restart_the_same_message_goes_on_at_the_same_question(bot: BotHarness):
    await answer_first_three(bot)
    await bot.restart()
    assert "4/9" in bot.last(CITIZEN).text
    for label in ELEMENT_LABELS[3:]:
        await bot.press(CITIZEN, label)
    await bot.press(CITIZEN, "Lewati")
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert answers_of(row) == SCORES


async def test_scanning_again_after_a_restart_resumes_at_the_same_question(bot: BotHarness):
    await answer_first_three(bot)
    old = bot.last(CITIZEN)
    await bot.restart()
    await bot.send(CITIZEN, QR)
    resumed = bot.last(CITIZEN)
    assert resumed.message_id != old.message_id
    assert resumed.text.startswith("Melanjutkan survei Anda")
    assert "Pertanyaan 4/9" in resumed.text
    assert old.buttons == []  # only the newest message offers buttons
    for label in ELEMENT_LABELS[3:]:
        await bot.press(CITIZEN, label)
    await bot.press(CITIZEN, "Lewati")
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert answers_of(row) == SCORES


async def test_the_chosen_language_survives_a_restart(bot: BotHarness):
    await bot.send(CITIZEN, QR)
    await bot.press(CITIZEN, "English")
    await bot.press(CITIZEN, "Start the survey")
    await bot.restart()
    await bot.press(CITIZEN, "Male")
    assert "About you (2/4)" in bot.last(CITIZEN).text


async def test_the_expiry_job_deletes_abandoned_surveys_only(bot: BotHarness):
    await to_first_question(bot, CITIZEN)
    age_rows(db_file(bot), "surveys", "updated_at", DAY_AND_AN_HOUR)
    await to_first_question(bot, OTHER)  # fresh: kept

    assert bot.app is not None and bot.app.job_queue is not None
    [job] = bot.app.job_queue.get_jobs_by_name(EXPIRY_JOB)
    await job.run(bot.app)

    [kept] = rows(db_file(bot), "surveys")
    assert kept["respondent"] != str(OTHER)
    await bot.press(CITIZEN, "Perempuan")
    assert (
        bot.request.notices()[-1] == "Survei ini sudah berakhir. Pindai kode QR lagi untuk memulai."
    )
    assert "(1/4)" in bot.last(CITIZEN).text  # nothing moved
    await bot.press(OTHER, "Laki-laki")
    assert "(2/4)" in bot.last(OTHER).text


async def test_an_expired_survey_is_not_resumed_even_before_the_job_runs(bot: BotHarness):
    await answer_first_three(bot)
    age_rows(db_file(bot), "surveys", "updated_at", DAY_AND_AN_HOUR)
    await bot.press(CITIZEN, ELEMENT_LABELS[3])
    assert bot.request.notices()[-1].startswith("Survei ini sudah berakhir")
    assert rows(db_file(bot), "surveys") == []
    await bot.send(CITIZEN, QR)
    assert bot.last(CITIZEN).button_texts() == ["Mulai survei", "English"]  # a fresh start


async def test_cancel_works_at_any_step_and_stores_nothing(bot: BotHarness):
    for steps in (0, 3, 8, 14):  # the first question, the profile, an element, the summary
        await to_first_question(bot)
        for label in ["Perempuan", "26-35 tahun", "S1", "PNS", *ELEMENT_LABELS, "Lewati"][:steps]:
            await bot.press(CITIZEN, label)
        survey_message = bot.last(CITIZEN)
        await bot.send(CITIZEN, "/batal")
        assert bot.last(CITIZEN).text.startswith("Survei dibatalkan")
        assert survey_message.buttons == []
        assert rows(db_file(bot), "surveys") == []
    assert rows(db_file(bot)) == []


async def test_a_button_of_a_cancelled_survey_changes_nothing(bot: BotHarness):
    await to_first_question(bot)
    gender = bot.last(CITIZEN)
    data = gender.callback_for("Perempuan")
    await bot.send(CITIZEN, "/batal")
    await bot.press_data(CITIZEN, data, gender)
    assert bot.request.notices()[-1].startswith("Survei ini sudah berakhir")
    assert rows(db_file(bot), "surveys") == []


async def test_cancel_without_a_survey_says_so(bot: BotHarness):
    await bot.send(CITIZEN, "/batal")
    assert bot.last(CITIZEN).text == "Tidak ada survei yang sedang diisi."


async def test_scanning_another_desk_on_the_welcome_replaces_it_unasked(bot: BotHarness):
    await bot.send(CITIZEN, QR)  # nothing answered yet: nothing to lose
    old = bot.last(CITIZEN)
    await bot.send(CITIZEN, "/start SPKT-PS_KOTA")
    fresh = bot.last(CITIZEN)
    assert "Sentra Pelayanan Kepolisian Terpadu" in fresh.text and "Polsek Kota" in fresh.text
    assert fresh.button_texts() == ["Mulai survei", "English"]
    assert old.buttons == []
    [survey] = rows(db_file(bot), "surveys")
    assert (survey["unit"], survey["office"], survey["step"]) == ("SPKT", "PS_KOTA", 0)


async def test_a_lost_edit_is_mended_by_the_next_press_on_the_old_screen(bot: BotHarness):
    await answer_first_three(bot)
    shown = bot.last(CITIZEN)
    old_text, old_buttons = shown.text, [row[:] for row in shown.buttons]
    await bot.press(CITIZEN, ELEMENT_LABELS[3])
    assert "5/9" in bot.last(CITIZEN).text
    # As if the bot died after saving U4 but before the edit reached the citizen:
    shown.text, shown.buttons = old_text, old_buttons
    await bot.press(CITIZEN, ELEMENT_LABELS[3])
    assert "5/9" in bot.last(CITIZEN).text  # the screen shows where the survey really is
    [survey] = rows(db_file(bot), "surveys")
    assert '"U4"' in survey["state"] and '"U5"' not in survey["state"]
