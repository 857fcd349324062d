"""A citizen's language: their Telegram app's from the first screen, then the one they chose."""

from __future__ import annotations

from service.privacy import pseudonym
from tests.bot.survey_helpers import CITIZEN, QR, age_rows, db_file, rows
from tests.support.harness import TEST_SECRET, BotHarness

WELCOME_EN = "Thank you for using the police certificate (SKCK) service at Polres Contoh."
WELCOME_ID = "Terima kasih telah menggunakan Pelayanan SKCK di Polres Contoh."
DAY = 24 * 3600


async def finish_in_english(bot: BotHarness) -> None:
    """From the welcome to the stored response, pressing the English labels."""
    await bot.press(CITIZEN, "Start the survey")
    for label in ["Female", "26-35", "Bachelor (S1)", "Civil servant"]:
        await bot.press(CITIZEN, label)
    for _ in range(9):
        await bot.press(CITIZEN, bot.last(CITIZEN).button_texts()[2])
    await bot.press(CITIZEN, "Skip")
    await bot.press(CITIZEN, "Submit")


async def finish_in_english_to_suggestion(bot: BotHarness) -> None:
    await bot.press(CITIZEN, "Start the survey")
    for label in ["Female", "26-35", "Bachelor (S1)", "Civil servant"]:
        await bot.press(CITIZEN, label)
    for _ in range(9):
        await bot.press(CITIZEN, bot.last(CITIZEN).button_texts()[2])


async def test_an_english_app_gets_the_survey_in_english_from_the_first_screen(bot: BotHarness):
    await bot.send(CITIZEN, QR, lang="en-GB")
    welcome = bot.last(CITIZEN)
    assert welcome.text.startswith(WELCOME_EN)
    assert welcome.button_texts() == ["Start the survey", "Bahasa Indonesia"]
    await finish_in_english(bot)
    assert bot.last(CITIZEN).text.startswith("Thank you! Your answers for the police certificate")
    [row] = rows(db_file(bot))
    assert row["lang"] == "en"


async def test_an_english_app_gets_the_unit_picker_in_english(bot: BotHarness):
    await bot.send(CITIZEN, "/start", lang="en")
    assert "Which service have you just received?" in bot.last(CITIZEN).text


async def test_a_switch_to_english_is_remembered_for_the_next_survey(bot: BotHarness):
    await bot.send(CITIZEN, QR)
    assert bot.last(CITIZEN).text.startswith(WELCOME_ID)
    await bot.press(CITIZEN, "English")
    await finish_in_english(bot)
    age_rows(db_file(bot), "responses", "submitted_at", DAY)  # the next day: may answer again

    await bot.send(CITIZEN, QR)  # the app is still in Indonesian
    assert bot.last(CITIZEN).text.startswith(WELCOME_EN)
    # Kept under the pseudonym only, never the Telegram id.
    [stored] = rows(db_file(bot), "citizen_langs")
    assert (stored["respondent"], stored["lang"]) == (
        pseudonym(TEST_SECRET.encode(), CITIZEN),
        "en",
    )
    assert str(CITIZEN) not in str(stored)


async def test_a_switch_back_to_indonesian_wins_over_an_english_app(bot: BotHarness):
    await bot.send(CITIZEN, QR, lang="en")
    await bot.press(CITIZEN, "Bahasa Indonesia")
    assert bot.last(CITIZEN).text.startswith(WELCOME_ID)
    await bot.send(CITIZEN, "/batal", lang="en")
    assert bot.last(CITIZEN).text.startswith("Survei dibatalkan")
    await bot.send(CITIZEN, QR, lang="en")
    assert bot.last(CITIZEN).text.startswith(WELCOME_ID)
    [stored] = rows(db_file(bot), "citizen_langs")
    assert stored["lang"] == "id"


async def test_the_pickers_language_switch_is_remembered(bot: BotHarness):
    await bot.send(CITIZEN, "/start")
    await bot.press(CITIZEN, "English")
    await bot.press(CITIZEN, "Driving licence (SIM)")  # served at one office: opens at once
    assert bot.last(CITIZEN).text.startswith(
        "Thank you for using the driving licence (SIM) service at Polres Contoh."
    )
    await bot.send(CITIZEN, "/batal")
    await bot.send(CITIZEN, "/start")
    assert "Which service have you just received?" in bot.last(CITIZEN).text


async def test_nothing_is_remembered_without_a_choice(bot: BotHarness):
    await bot.send(CITIZEN, QR, lang="en")
    await bot.send(CITIZEN, "/batal", lang="en")
    assert rows(db_file(bot), "citizen_langs") == []
    await bot.send(CITIZEN, QR, lang="id")  # the app changed language: the survey follows
    assert bot.last(CITIZEN).text.startswith(WELCOME_ID)


async def test_the_english_suggestion_question_reads_naturally(bot: BotHarness):
    await bot.send(CITIZEN, "/start SIM-POLRES", lang="en")
    await finish_in_english_to_suggestion(bot)
    assert bot.last(CITIZEN).text == (
        "Suggestions (optional)\n\n"
        "What would you suggest to the driving licence (SIM) service? Type it in one message "
        "(at most 1,000 characters), or press Skip."
    )
