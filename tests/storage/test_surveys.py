from datetime import UTC, datetime, timedelta

import pytest

from skm.flow import Choose, Start, SurveyState, advance
from skm.records import Response
from storage import responses, surveys
from storage.database import Database
from storage.responses import Filter
from storage.surveys import OpenSurvey
from tests.support.postgres import INTEGRITY

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)


async def begin(db: Database, respondent: str = "r1", token: str = "t1") -> OpenSurvey:
    return await surveys.start(db, respondent, token, "SIM", "POLRES_BOGOR", "id", NOW)


def finished_response(state: SurveyState) -> Response:
    answers = dict.fromkeys(state.answers(), 4)
    return Response(NOW, "SIM", "POLRES_BOGOR", answers, state.profile(), state.suggestion)


async def stored_rows(db: Database) -> int:
    return (await responses.totals(db, Filter())).respondents


async def test_start_then_get(db: Database):
    started = await begin(db)
    assert started.state == SurveyState()
    assert await surveys.get(db, "r1") == started
    assert await surveys.get(db, "nobody") is None
    assert await surveys.count_open(db) == 1


async def test_start_replaces_an_unfinished_survey(db: Database):
    await begin(db, token="old")
    fresh = await begin(db, token="new")
    assert await surveys.get(db, "r1") == fresh
    assert await surveys.count_open(db) == 1


async def test_save_moves_the_survey_on(db: Database):
    survey = await begin(db)
    state = advance(advance(survey.state, Start()).state, Choose("gender", "P")).state
    later = NOW + timedelta(minutes=1)
    assert await surveys.save(db, survey, state, later)
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.state == state
    assert stored.state.values == {"gender": "P"}
    assert stored.updated_at == later
    assert stored.started_at == NOW


async def test_save_with_a_stale_survey_changes_nothing(db: Database):
    survey = await begin(db)
    first = advance(survey.state, Start()).state
    assert await surveys.save(db, survey, first, NOW)
    after_first = await surveys.get(db, "r1")

    # A second press read the survey before the first was saved.
    other = advance(first, Choose("gender", "L")).state
    assert not await surveys.save(db, survey, other, NOW + timedelta(minutes=1))
    assert await surveys.get(db, "r1") == after_first


async def test_save_after_a_restart_is_stale(db: Database):
    old = await begin(db, token="t1")
    await begin(db, token="t2")
    assert not await surveys.save(db, old, advance(old.state, Start()).state, NOW)
    current = await surveys.get(db, "r1")
    assert current is not None
    assert current.token == "t2"
    assert current.state == SurveyState()


async def test_save_can_switch_the_language(db: Database):
    survey = await begin(db)
    assert await surveys.save(db, survey, survey.state, NOW, lang="en")
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.lang == "en"
    # The old view (lang "id") is now stale.
    assert not await surveys.save(db, survey, survey.state, NOW)


async def test_suggestion_survives_a_round_trip(db: Database):
    survey = await begin(db)
    state = SurveyState(step=14, values={"gender": "L", "U1": "4"}, suggestion="Bagus")
    assert await surveys.save(db, survey, state, NOW)
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.state == state


async def test_set_message(db: Database):
    await begin(db)
    await surveys.set_message(db, "r1", "t1", 4242)
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.message_id == 4242
    await surveys.set_message(db, "r1", "other-token", 1)
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.message_id == 4242


async def test_finish_makes_one_response_and_deletes_the_survey(db: Database):
    survey = await begin(db)
    response = finished_response(survey.state)
    assert await surveys.finish(db, survey, response)
    assert await surveys.get(db, "r1") is None
    assert await surveys.count_open(db) == 0
    assert await stored_rows(db) == 1
    assert await responses.fetch(db, Filter()) == [response]
    assert await responses.source_key_exists(db, "t1")
    assert await responses.responded_since(db, "r1", "SIM", NOW)
    assert not await responses.responded_since(db, "r1", "SIM", NOW + timedelta(seconds=1))
    assert not await responses.responded_since(db, "r1", "SKCK", NOW)


async def test_second_finish_returns_false(db: Database):
    survey = await begin(db)
    response = finished_response(survey.state)
    assert await surveys.finish(db, survey, response)
    assert not await surveys.finish(db, survey, response)
    assert await stored_rows(db) == 1


async def test_finish_of_a_replaced_survey_returns_false(db: Database):
    old = await begin(db, token="t1")
    await begin(db, token="t2")
    assert not await surveys.finish(db, old, finished_response(old.state))
    assert await stored_rows(db) == 0
    assert await surveys.count_open(db) == 1


async def test_finish_with_a_bad_answer_keeps_the_survey(db: Database):
    survey = await begin(db)
    bad = finished_response(survey.state)
    bad = Response(bad.submitted_at, bad.unit, bad.office, {**bad.answers, "U1": 5})
    with pytest.raises(INTEGRITY):
        await surveys.finish(db, survey, bad)
    assert await surveys.get(db, "r1") == survey
    assert await stored_rows(db) == 0


async def test_cancel(db: Database):
    await begin(db)
    assert await surveys.cancel(db, "r1")
    assert not await surveys.cancel(db, "r1")
    assert await surveys.get(db, "r1") is None


async def test_expire_deletes_old_surveys(db: Database):
    await surveys.start(db, "old", "t-old", "SIM", "X", "id", NOW - timedelta(hours=25))
    await surveys.start(db, "edge", "t-edge", "SIM", "X", "id", NOW - timedelta(hours=24))
    await surveys.start(db, "new", "t-new", "SIM", "X", "id", NOW)
    assert await surveys.expire(db, NOW - timedelta(hours=24)) == 1
    assert await surveys.get(db, "old") is None
    assert await surveys.get(db, "edge") is not None
    assert await surveys.get(db, "new") is not None
    assert await surveys.expire(db, NOW - timedelta(hours=24)) == 0


async def test_a_saved_survey_is_not_expired(db: Database):
    survey = await surveys.start(db, "r1", "t1", "SIM", "X", "id", NOW - timedelta(days=2))
    assert await surveys.save(db, survey, advance(survey.state, Start()).state, NOW)
    assert await surveys.expire(db, NOW - timedelta(days=1)) == 0


async def test_the_finishing_commit_is_synced_to_disk(db: Database, sqlite_only: None):
    survey = await begin(db)
    statements: list[str] = []
    db._quick.set_trace_callback(statements.append)  # what SQLite is asked, in order
    try:
        assert await surveys.finish(db, survey, finished_response(survey.state))
    finally:
        db._quick.set_trace_callback(None)
    full, commit = statements.index("PRAGMA synchronous = FULL"), statements.index("COMMIT")
    assert full < statements.index("BEGIN IMMEDIATE") < commit
    assert statements[commit + 1 :] == ["PRAGMA synchronous = NORMAL"]
