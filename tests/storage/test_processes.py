"""Two bot processes on one database: each press, survey, alert and job run counts once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from skm.flow import Choose, Start, advance
from skm.records import Response
from storage import alerts, jobs, officers, responses, surveys
from storage.database import Database
from storage.responses import Filter

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
ANSWERS = dict.fromkeys(("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"), 1)


async def test_of_two_saves_of_one_press_only_one_counts(db: Database, other: Database):
    started = await surveys.start(db, "r1", "t1", "SIM", "POLRES", "id", NOW)
    first = advance(started.state, Start()).state
    # Each process read the survey, then saves the state its press led to.
    seen_here, seen_there = await surveys.get(db, "r1"), await surveys.get(other, "r1")
    assert seen_here is not None and seen_there is not None
    male = advance(first, Choose("gender", "L")).state
    assert await surveys.save(db, seen_here, first, NOW)
    later_here = await surveys.get(db, "r1")
    assert later_here is not None
    # Two presses on the same step, one in each process, at once: one wins, one is stale.
    female = advance(first, Choose("gender", "P")).state
    later_there = await surveys.get(other, "r1")
    assert later_there is not None
    won = await asyncio.gather(
        surveys.save(db, later_here, male, NOW), surveys.save(other, later_there, female, NOW)
    )
    assert sorted(won) == [False, True]
    stored = await surveys.get(db, "r1")
    assert stored is not None
    assert stored.state == (male if won[0] else female)
    # The press saved by the first process before is stale in the second one too.
    assert not await surveys.save(other, seen_there, female, NOW)


async def test_a_survey_finished_by_two_processes_at_once_is_stored_once(
    db: Database, other: Database
):
    for n in range(20):
        survey = await surveys.start(db, f"r{n}", f"t{n}", "SIM", "POLRES", "id", NOW)
        response = Response(NOW, "SIM", "POLRES", ANSWERS)
        done = await asyncio.gather(
            surveys.finish(db, survey, response), surveys.finish(other, survey, response)
        )
        assert sorted(done) == [False, True]
    assert (await responses.totals(db, Filter())).respondents == 20
    assert await surveys.count_open(other) == 0


async def test_each_job_run_is_claimed_by_one_process(db: Database, other: Database):
    dues = [f"2026-11-23:{chat}" for chat in range(30)]
    taken = await asyncio.gather(
        *(jobs.claim(d, "weekly", due, NOW) for due in dues for d in (db, other))
    )
    assert [taken[i] + taken[i + 1] for i in range(0, len(taken), 2)] == [1] * len(dues)
    assert not await jobs.claim(db, "weekly", dues[0], NOW + timedelta(days=1))
    assert await jobs.claim(db, "expiry", dues[0], NOW)  # another job's run of its own


async def test_old_claims_are_forgotten(db: Database):
    assert await jobs.claim(db, "weekly", "2026-10-05:1", NOW - timedelta(days=49))
    assert await jobs.claim(db, "weekly", "2026-11-23:1", NOW)
    kept = await db.rows("SELECT due FROM job_runs ORDER BY due")
    assert [r[0] for r in kept] == ["2026-11-23:1"]


async def test_senders_in_two_processes_claim_each_alert_once(db: Database, other: Database):
    for officer in range(1, 9):
        token = f"invite-{officer}"
        await officers.create_invite(db, token, "SIM", None, 1, NOW, NOW + timedelta(days=1))
        await officers.redeem_invite(db, token, officer, f"Officer {officer}", "id", NOW)
    for n in range(5):
        survey = await surveys.start(db, f"r{n}", f"t{n}", "SIM", "POLRES", "id", NOW)
        assert await surveys.finish(db, survey, Response(NOW, "SIM", "POLRES", ANSWERS), True)
    assert await alerts.pending(db) == 8 * 5
    claimed: list[int] = []
    window, lease = timedelta(0), timedelta(minutes=5)
    while True:
        batches = await asyncio.gather(
            alerts.claim(db, NOW, lease, window, 2), alerts.claim(other, NOW, lease, window, 2)
        )
        if not any(batches):
            break
        for batch in batches:
            for item in batch:
                claimed += item.ids
                await alerts.delivered(db, item.ids, NOW)
    assert sorted(claimed) == sorted(set(claimed))  # none claimed twice
    assert len(claimed) == 8 * 5
    assert await alerts.pending(other) == 0
