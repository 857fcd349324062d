"""The survey through the service alone: no Telegram, a fresh SQLite file per test."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from service import screen
from service import survey as service
from service.directory import load_directory
from service.listeners import Channel
from service.policy import Policy
from service.survey import Happened, Result
from skm.flow import Back, Choose, Skip, Start, SwitchLang
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from storage import surveys
from storage.database import Database
from storage.surveys import OpenSurvey

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)  # 09:30 in Jakarta
WHO = "c0ffee00c0ffee00c0ffee00c0ffee00"
POLICY = Policy()  # one response a unit a day, surveys kept 24 h, alerts on a 1
DIRECTORY = load_directory(None)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "skm.db"


@pytest.fixture
async def store(path: Path) -> AsyncIterator[Database]:
    database = await Database.open(path)
    yield database
    await database.close()


def rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT unit, office, channel, respondent, lang, u1, u9, gender, suggestion "
            "FROM responses ORDER BY id"
        ).fetchall()


async def begin(
    store: Database,
    unit: str = "SKCK",
    office: str = "POLRES",
    channel: Channel = "web",
    replacing: str | None = None,
) -> Result:
    return await service.begin(
        store, WHO, channel, NOW, POLICY, unit, office, "id", replacing=replacing
    )


async def answer_all(store: Database, survey: OpenSurvey, skip: bool = False) -> OpenSurvey:
    """Start, and answer every profile question and element: at the suggestion, or with
    `skip` past it to the summary."""
    token = survey.token
    result = await service.press(store, WHO, "web", NOW, POLICY, token, Start())
    for field in PROFILE_FIELDS:
        result = await service.press(
            store, WHO, "web", NOW, POLICY, token, Choose(field.key, field.codes[0])
        )
        assert result.happened is Happened.ADVANCED
    for code in ELEMENT_CODES:
        result = await service.press(store, WHO, "web", NOW, POLICY, token, Choose(code, "4"))
        assert result.happened is Happened.ADVANCED
    assert result.survey is not None
    assert result.survey.state.current.key == "suggestion"
    if skip:
        result = await service.press(store, WHO, "web", NOW, POLICY, token, Skip())
        assert result.survey is not None and result.survey.state.current.key == "confirm"
    return result.survey


async def test_a_whole_survey_through_the_service_is_stored_with_its_channel(
    store: Database, path: Path
):
    started = await begin(store, channel="kiosk")
    assert started.happened is Happened.STARTED and started.survey is not None
    survey = await answer_all(store, started.survey)

    typed = await service.type_text(store, WHO, "kiosk", NOW, POLICY, "  Antrean cepat.  ")
    assert typed.happened is Happened.ADVANCED and typed.survey is not None
    assert typed.survey.state.current.key == "confirm"
    done = await service.submit(store, WHO, "kiosk", NOW, POLICY, survey.token)

    assert done.happened is Happened.SUBMITTED and done.survey is None
    assert done.stored is not None and done.stored.channel == "kiosk"
    assert done.stored.alerted is False  # no element scored 1
    assert rows(path) == [("SKCK", "POLRES", "kiosk", WHO, "id", 4, 4, "L", "Antrean cepat.")]
    assert await surveys.get(store, WHO) is None
    again = await service.submit(store, WHO, "kiosk", NOW, POLICY, survey.token)
    assert (again.happened, again.shown_lang) == (Happened.RECORDED, "id")
    assert len(rows(path)) == 1


async def test_a_score_of_one_queues_the_officers_alert_with_the_response(store: Database):
    started = await begin(store)
    assert started.survey is not None
    token = started.survey.token
    await answer_all(store, started.survey)
    await service.press(store, WHO, "web", NOW, POLICY, token, Back("suggestion"))
    await service.press(store, WHO, "web", NOW, POLICY, token, Choose("U9", "1"))
    await service.type_text(store, WHO, "web", NOW, POLICY, "Ruang tunggu panas")
    done = await service.submit(store, WHO, "web", NOW, POLICY, token)
    assert done.stored is not None and done.stored.alerted
    assert done.stored.response.answers["U9"] == 1


async def test_the_daily_limit_holds_at_begin_and_again_at_submit(store: Database, path: Path):
    started = await begin(store)
    assert started.survey is not None
    await answer_all(store, started.survey, skip=True)
    done = await service.submit(store, WHO, "web", NOW, POLICY, started.survey.token)
    assert done.happened is Happened.SUBMITTED

    refused = await begin(store)
    assert (refused.happened, refused.survey, refused.lang) == (Happened.OVER_LIMIT, None, "id")
    other_unit = await begin(store, "SIM")
    assert other_unit.happened is Happened.STARTED
    # A survey begun without a limit meets one at submit: it is dropped, nothing is stored.
    await service.cancel(store, WHO)
    unlimited = await service.begin(
        store, WHO, "web", NOW, replace(POLICY, daily_limit=0), "SKCK", "POLRES", "id"
    )
    assert unlimited.survey is not None
    await answer_all(store, unlimited.survey, skip=True)
    late = await service.submit(store, WHO, "web", NOW, POLICY, unlimited.survey.token)
    assert late.happened is Happened.OVER_LIMIT and late.found is not None
    assert await surveys.get(store, WHO) is None
    assert len(rows(path)) == 1
    # The next local day (Jakarta's midnight is 17:00 UTC) the citizen may answer again.
    tomorrow = await service.begin(
        store, WHO, "web", datetime(2026, 11, 23, 17, 0, tzinfo=UTC), POLICY, "SKCK", "POLRES", "id"
    )
    assert tomorrow.happened is Happened.STARTED


async def test_stale_forged_and_foreign_presses_change_nothing(store: Database):
    started = await begin(store)
    assert started.survey is not None
    token = started.survey.token
    await service.press(store, WHO, "web", NOW, POLICY, token, Start())

    double = await service.press(store, WHO, "web", NOW, POLICY, token, Start())
    assert double.happened is Happened.STALE
    forged = await service.press(store, WHO, "web", NOW, POLICY, token, Choose("gender", "X"))
    assert forged.happened is Happened.INVALID
    old_step = await service.press(store, WHO, "web", NOW, POLICY, token, Choose("U4", "3"))
    assert old_step.happened is Happened.STALE
    foreign = await service.press(store, WHO, "web", NOW, POLICY, "AAAAAAAA", Start())
    assert (foreign.happened, foreign.survey, foreign.lang) == (Happened.OTHER, None, None)
    text = await service.type_text(store, WHO, "web", NOW, POLICY, "bukan di sini")
    assert text.happened is Happened.INVALID

    current = await surveys.get(store, WHO)
    assert current is not None and current.state.current.key == "gender"
    assert current.state.values == {}
    await service.cancel(store, WHO)
    gone = await service.press(store, WHO, "web", NOW, POLICY, token, Choose("gender", "P"))
    assert gone.happened is Happened.GONE


async def test_a_survey_left_longer_than_the_ttl_expires_on_the_next_press(store: Database):
    started = await begin(store)
    assert started.survey is not None
    later = NOW + POLICY.ttl + timedelta(seconds=1)
    expired = await service.press(store, WHO, "web", later, POLICY, started.survey.token, Start())
    assert (expired.happened, expired.survey, expired.shown_lang) == (Happened.EXPIRED, None, "id")
    assert await surveys.get(store, WHO) is None
    # Within the ttl the same survey is resumed; after it, a new one starts.
    again = await begin(store)
    assert again.survey is not None
    resumed = await service.begin(
        store, WHO, "web", NOW + timedelta(hours=1), POLICY, "SKCK", "POLRES", "id"
    )
    assert resumed.happened is Happened.RESUMED
    fresh = await service.begin(store, WHO, "web", later, POLICY, "SKCK", "POLRES", "id")
    assert fresh.happened is Happened.STARTED and fresh.survey is not None
    assert fresh.survey.token != again.survey.token


async def test_the_expiry_job_drops_only_surveys_left_longer_than_the_ttl(store: Database):
    await service.begin(store, "old", "web", NOW - POLICY.ttl, POLICY, "SIM", "POLRES", "id")
    await service.begin(store, "new", "kiosk", NOW, POLICY, "SIM", "POLRES", "en")
    assert await service.expire(store, NOW + timedelta(seconds=1), POLICY) == 1
    assert await surveys.get(store, "old") is None
    assert await service.open_survey(store, "new", NOW, POLICY) is not None


async def test_the_language_switched_mid_survey_is_kept_in_its_state(store: Database, path: Path):
    started = await begin(store)
    assert started.survey is not None
    token = started.survey.token
    await service.press(store, WHO, "web", NOW, POLICY, token, Start())
    await service.press(store, WHO, "web", NOW, POLICY, token, Choose("gender", "P"))

    stale = await service.switch_language(store, WHO, "web", NOW, POLICY, token, "gender", "en")
    assert stale.happened is Happened.STALE
    switched = await service.switch_language(store, WHO, "web", NOW, POLICY, token, "age", "en")
    assert switched.happened is Happened.SWITCHED and switched.survey is not None
    assert switched.survey.state.lang == "en" and switched.survey.state.current.key == "age"

    reread = await surveys.get(store, WHO)
    assert reread is not None and reread.state == switched.survey.state
    where = screen.place(DIRECTORY, "SKCK", "POLRES", reread.lang)
    view = screen.step_view(reread.state, where)
    assert (view.lang, view.progress, view.accepts_text) == ("en", (2, 4), False)
    assert view.text == "About you (2/4)\n\nAge:"
    assert view.choices[0].label == "Under 17" and view.back is not None
    assert view.switch.event("age") == SwitchLang("age", "id")
    assert await service.chosen_lang(store, WHO) == "en"  # for the citizen's next surveys

    survey = reread
    for field in PROFILE_FIELDS[1:]:
        moved = await service.press(
            store, WHO, "web", NOW, POLICY, token, Choose(field.key, field.codes[-1])
        )
        assert moved.survey is not None and moved.survey.lang == "en"
        survey = moved.survey
    for code in ELEMENT_CODES:
        await service.press(store, WHO, "web", NOW, POLICY, token, Choose(code, "3"))
    await service.press(store, WHO, "web", NOW, POLICY, token, Skip())
    done = await service.submit(store, WHO, "web", NOW, POLICY, survey.token)
    assert done.stored is not None and done.stored.lang == "en"
    assert rows(path) == [("SKCK", "POLRES", "web", WHO, "en", 3, 3, "P", None)]


async def test_a_survey_resumes_after_a_restart_from_the_same_file(path: Path):
    first = await Database.open(path)
    started = await begin(first)
    assert started.survey is not None
    token = started.survey.token
    await service.press(first, WHO, "web", NOW, POLICY, token, Start())
    await service.press(first, WHO, "web", NOW, POLICY, token, Choose("gender", "P"))
    await first.close()

    second = await Database.open(path)
    try:
        resumed = await begin(second)
        assert resumed.happened is Happened.RESUMED and resumed.survey is not None
        assert resumed.survey.token == token
        assert resumed.survey.state.current.key == "age"
        assert resumed.survey.state.values == {"gender": "P"}
        moved = await service.press(second, WHO, "web", NOW, POLICY, token, Choose("age", "<17"))
        assert moved.happened is Happened.ADVANCED
    finally:
        await second.close()


async def test_a_survey_with_answers_elsewhere_is_left_only_when_the_citizen_says_so(
    store: Database,
):
    started = await begin(store)
    assert started.survey is not None
    old = started.survey.token
    untouched = await begin(store, "SIM")  # nothing answered yet: simply replaced
    assert untouched.happened is Happened.STARTED and untouched.found is not None
    assert untouched.found.token == old and untouched.survey is not None
    token = untouched.survey.token
    await service.press(store, WHO, "web", NOW, POLICY, token, Start())

    asked = await begin(store, "SKCK")
    assert asked.happened is Happened.ELSEWHERE and asked.survey is not None
    assert (asked.survey.unit, asked.survey.token) == ("SIM", token)
    left = await begin(store, "SKCK", replacing=token)
    assert left.happened is Happened.STARTED and left.survey is not None
    assert left.survey.unit == "SKCK"
    stale = await service.press(store, WHO, "web", NOW, POLICY, token, Choose("gender", "L"))
    assert stale.happened is Happened.OTHER


async def test_a_press_reads_the_survey_anew_after_another_process_moved_it(store: Database):
    started = await begin(store)
    assert started.survey is not None
    token = started.survey.token
    seen = started.survey
    # Another process moves the survey on between this one's read and its write.
    assert await surveys.save(store, seen, replace(seen.state, step=1), NOW)
    lost = await service.press(store, WHO, "web", NOW, POLICY, token, Start())
    assert lost.happened is Happened.STALE  # the start is old news
    assert lost.survey is not None and lost.survey.state.step == 1
    assert await service.cancel(store, WHO) == Result(Happened.CANCELLED, None, lost.survey)
    assert (await service.cancel(store, WHO)).happened is Happened.GONE


async def test_a_press_is_one_read_and_one_write(store: Database):
    started = await begin(store)
    assert started.survey is not None
    token = started.survey.token
    statements: list[str] = []
    store._quick.set_trace_callback(statements.append)  # what SQLite is asked, in order
    try:
        moved = await service.press(store, WHO, "web", NOW, POLICY, token, Start())
        typed = await service.press(store, WHO, "web", NOW, POLICY, token, Choose("gender", "L"))
    finally:
        store._quick.set_trace_callback(None)
    assert (moved.happened, typed.happened) == (Happened.ADVANCED, Happened.ADVANCED)
    assert [s.split()[0] for s in statements] == ["SELECT", "UPDATE", "SELECT", "UPDATE"]
