"""A citizen's whole survey through the real Application: screens, Back, language, storage."""

from __future__ import annotations

from pathlib import Path

from service.i18n import CATALOGUES
from service.listeners import StoredResponse
from service.privacy import pseudonym
from skm.questionnaire import ELEMENTS
from tests.bot.survey_helpers import (
    CITIZEN,
    ELEMENT_LABELS,
    PROFILE_CODES,
    PROFILE_LABELS,
    QR,
    SCORES,
    answers_of,
    complete,
    database_bytes,
    db_file,
    rows,
    to_elements,
    to_first_question,
    to_summary,
)
from tests.support.harness import TEST_SECRET, BotHarness


async def test_welcome_fits_one_screen_names_the_place_and_offers_english(bot: BotHarness):
    await bot.send(CITIZEN, QR)
    welcome = bot.last(CITIZEN)
    # Two short sentences, the privacy line, the button: one phone screen.
    assert welcome.text == (
        "Terima kasih telah menggunakan Pelayanan SKCK di Polres Contoh. Mohon nilai pelayanan "
        "kami dalam Survei Kepuasan Masyarakat: 13 pertanyaan, sekitar 2 menit.\n\n"
        "Anonim: hanya jawaban Anda yang disimpan, tanpa nama, nomor, atau akun Telegram."
    )
    assert welcome.button_texts() == ["Mulai survei", "English"]


async def test_the_citizens_texts_say_anda_never_saudara_or_kamu():
    shown = [*CATALOGUES["id"].values(), *(e.question("id") for e in ELEMENTS)]
    for word in ("Saudara", "saudara", "kamu", "Kamu"):
        assert not [text for text in shown if word in text], word


async def test_a_whole_survey_is_one_response_row_with_answers_by_element_code(bot: BotHarness):
    await complete(bot, suggestion="Ruang tunggu kurang kursi.")

    thanks = bot.last(CITIZEN)
    assert thanks.text.startswith("Terima kasih!")
    assert "Pelayanan SKCK di Polres Contoh" in thanks.text
    assert thanks.buttons == []

    [row] = rows(db_file(bot))
    assert (row["unit"], row["office"], row["channel"], row["lang"]) == (
        "SKCK",
        "POLRES",
        "telegram",
        "id",
    )
    assert answers_of(row) == SCORES
    assert {key: row[key] for key in PROFILE_CODES} == PROFILE_CODES
    assert row["suggestion"] == "Ruang tunggu kurang kursi."
    assert row["respondent"] == pseudonym(TEST_SECRET.encode(), CITIZEN)
    assert str(CITIZEN) not in row["respondent"]
    assert rows(db_file(bot), "surveys") == []


async def test_one_message_is_edited_in_place_through_the_whole_survey(bot: BotHarness):
    await complete(bot)
    assert bot.request.count("sendMessage") == 1
    assert len(bot.request.messages(CITIZEN)) == 1
    # Every press was answered, so no button is left spinning.
    presses = 1 + len(PROFILE_LABELS) + len(ELEMENT_LABELS) + 2
    assert bot.request.count("answerCallbackQuery") == presses


async def test_the_database_file_holds_no_telegram_id_or_name(bot: BotHarness, tmp_path: Path):
    await complete(bot, suggestion="Pelayanan cepat.")
    await bot.stop()
    stored = database_bytes(tmp_path)
    assert str(CITIZEN).encode() not in stored
    assert b"Budi" not in stored  # the harness's first name for every citizen


async def test_each_element_shows_its_question_labels_progress_and_back(bot: BotHarness):
    await to_elements(bot)
    for n, (element, label) in enumerate(zip(ELEMENTS, ELEMENT_LABELS, strict=True), start=1):
        screen = bot.last(CITIZEN)
        assert f"{n}/9" in screen.text
        assert element.name("id") in screen.text
        assert element.question("id") in screen.text
        labels = [element.label(score, "id") for score in (1, 2, 3, 4)]
        assert screen.button_texts() == [*labels, "« Kembali", "English"]
        await bot.press(CITIZEN, label)
    assert "Saran dan masukan" in bot.last(CITIZEN).text
    assert bot.last(CITIZEN).button_texts() == ["Lewati", "« Kembali", "English"]


async def test_profile_questions_come_before_the_elements(bot: BotHarness):
    await to_first_question(bot)
    gender = bot.last(CITIZEN)
    assert "(1/4)" in gender.text and "Jenis kelamin" in gender.text
    assert gender.button_texts() == ["Laki-laki", "Perempuan", "English"]  # no Back on the first
    await bot.press(CITIZEN, "Perempuan")
    age = bot.last(CITIZEN)
    assert "(2/4)" in age.text and "Usia" in age.text
    assert age.button_texts()[0] == "Di bawah 17 tahun"
    assert age.button_texts()[-2:] == ["« Kembali", "English"]


async def test_back_goes_one_question_back_and_the_answer_can_be_changed(bot: BotHarness):
    await to_elements(bot)
    await bot.press(CITIZEN, "Tidak sesuai")  # U1 = 1
    assert "2/9" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, "« Kembali")
    assert "1/9" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, "Sesuai")  # U1 = 3 after all
    for label in ELEMENT_LABELS[1:]:
        await bot.press(CITIZEN, label)
    await bot.press(CITIZEN, "Lewati")
    await bot.press(CITIZEN, "« Kembali")  # from the summary back to the suggestion
    assert "Saran dan masukan" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, "Lewati")
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert answers_of(row) == SCORES
    assert row["suggestion"] is None


async def test_back_reaches_the_profile_from_the_first_element(bot: BotHarness):
    await to_elements(bot)
    await bot.press(CITIZEN, "« Kembali")
    assert "Pekerjaan" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, "Lainnya")
    await bot.press(CITIZEN, "Sesuai")
    assert "2/9" in bot.last(CITIZEN).text


async def test_the_language_switches_both_ways_and_is_stored(bot: BotHarness):
    await bot.send(CITIZEN, QR)
    await bot.press(CITIZEN, "English")
    welcome = bot.last(CITIZEN)
    assert welcome.text.startswith(
        "Thank you for using the police certificate (SKCK) service at Polres Contoh."
    )
    assert welcome.button_texts() == ["Start the survey", "Bahasa Indonesia"]
    await bot.press(CITIZEN, "Start the survey")
    assert "About you (1/4)" in bot.last(CITIZEN).text
    for label in ["Female", "26-35", "Bachelor (S1)", "Civil servant"]:
        await bot.press(CITIZEN, label)
    first = bot.last(CITIZEN)
    assert "Question 1/9" in first.text
    assert ELEMENTS[0].question("en") in first.text
    assert first.button_texts()[:4] == [ELEMENTS[0].label(s, "en") for s in (1, 2, 3, 4)]

    await bot.press(CITIZEN, "Bahasa Indonesia")  # back to Indonesian, same question
    assert "Pertanyaan 1/9" in bot.last(CITIZEN).text
    await bot.press(CITIZEN, "English")
    for element, score in zip(ELEMENTS, SCORES.values(), strict=True):
        await bot.press(CITIZEN, element.label(score, "en"))
    await bot.press(CITIZEN, "Skip")
    summary = bot.last(CITIZEN).text
    assert "Gender: Female" in summary
    assert "3. Completion Time: Very fast" in summary
    await bot.press(CITIZEN, "Submit")
    assert bot.last(CITIZEN).text.startswith("Thank you!")
    [row] = rows(db_file(bot))
    assert row["lang"] == "en"
    assert answers_of(row) == SCORES
    assert {key: row[key] for key in PROFILE_CODES} == PROFILE_CODES


async def test_the_summary_lists_every_answer_before_submitting(bot: BotHarness):
    await to_summary(bot, suggestion="Tolong tambah loket.")
    summary = bot.last(CITIZEN)
    assert "Periksa jawaban Anda" in summary.text
    assert "Jenis kelamin: Perempuan" in summary.text
    assert "Usia: 26-35 tahun" in summary.text
    assert "1. Persyaratan: Sesuai" in summary.text
    assert "8. Sarana dan Prasarana: Buruk" in summary.text
    assert "Saran: Tolong tambah loket." in summary.text
    assert summary.button_texts() == ["Kirim jawaban", "« Kembali", "English"]
    assert rows(db_file(bot)) == []  # nothing is stored before the citizen confirms


async def test_listeners_get_the_response_and_a_failing_one_loses_nothing(bot: BotHarness):
    heard: list[StoredResponse] = []

    async def broken(stored: StoredResponse) -> None:
        raise RuntimeError("the officers' alert could not be sent")

    async def recorder(stored: StoredResponse) -> None:
        heard.append(stored)

    assert bot.app is not None
    bot.app.bot_data.response_listeners[:0] = [broken, recorder]
    await complete(bot)

    assert bot.last(CITIZEN).text.startswith("Terima kasih!")
    assert len(rows(db_file(bot))) == 1
    [stored] = heard
    assert (stored.response.unit, stored.response.office) == ("SKCK", "POLRES")
    assert dict(stored.response.answers) == SCORES
    assert (stored.channel, stored.lang) == ("telegram", "id")


async def test_no_schooling_farmers_and_homemakers_have_their_own_buttons(bot: BotHarness):
    await to_first_question(bot)
    await bot.press(CITIZEN, "Perempuan")
    await bot.press(CITIZEN, "46-55 tahun")
    education = bot.last(CITIZEN)
    assert education.button_texts()[:2] == ["Tidak sekolah", "SD"]
    await bot.press(CITIZEN, "Tidak sekolah")
    occupation = bot.last(CITIZEN).button_texts()
    assert "Petani/Nelayan" in occupation and "Ibu rumah tangga" in occupation
    await bot.press(CITIZEN, "Ibu rumah tangga")
    for label in ELEMENT_LABELS:
        await bot.press(CITIZEN, label)
    await bot.press(CITIZEN, "Lewati")
    summary = bot.last(CITIZEN).text
    assert "Pendidikan terakhir: Tidak sekolah" in summary
    assert "Pekerjaan: Ibu rumah tangga" in summary
    await bot.press(CITIZEN, "Kirim jawaban")
    [row] = rows(db_file(bot))
    assert (row["education"], row["occupation"]) == ("TIDAK_SEKOLAH", "IRT")


async def test_the_u9_question_says_it_asks_about_the_complaint_channel(bot: BotHarness):
    await to_elements(bot)
    for label in ELEMENT_LABELS[:8]:
        await bot.press(CITIZEN, label)
    u9 = bot.last(CITIZEN)
    assert u9.text == (
        "Pertanyaan 9/9 · Penanganan Pengaduan, Saran dan Masukan\n\n"
        "Bagaimana penanganan pengaduan, saran dan masukan di unit ini? (Apakah tersedia "
        "sarana pengaduan, seperti kotak saran atau nomor pengaduan, dan apakah berfungsi?)"
    )
    # The official answer labels stay on the buttons, exactly.
    assert u9.button_texts()[:4] == [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ]
