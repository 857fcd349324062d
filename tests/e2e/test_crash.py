"""Crash test: `python -m bot run` is killed with SIGKILL at random moments while a crowd answers.

Simulated citizens (tests/e2e/citizen.py) scan a QR code, answer the profile and the nine
questions, now and then answer one wrongly and go back to correct it or switch to English,
and either confirm or walk away on a random step, all interleaved through the fake Bot
API's update queue (tests/e2e/fake_telegram.py). Meanwhile the bot process is killed at
random moments (each once it has finished its start, showing the recent surveys again) and
restarted on the same database file; updates it had fetched but not yet
confirmed are delivered again, the others are lost with it. After the last restart the bot
runs without kills until everyone who means to finish has been thanked. Then:

* every thanked citizen is stored exactly once, with exactly the answers it gave;
* a citizen whose press was lost with a killed process does not press again at once: it
  waits for the bot to show its survey again after the restart, and walks away if that
  never comes; every citizen who pressed "Kirim jawaban" is stored or was shown the
  summary again (and then pressed it again and was thanked);
* every citizen who walked away has its survey in progress at the step it reached, and
  scanning the QR code again resumes there;
* nothing else is stored.

Half the kills come while the bot's next poll is held up on its way, so that everything it
fetched last (handled or not) is delivered again after the restart; the others lose what
the dead process had confirmed but not handled. The bot keeps Telegram's flood limit of 30
messages a second, which sets the pace: the CI size takes about a minute.
Knobs (environment variables):

    SKM_CRASH_CITIZENS  how many citizens (default 100, the CI size; e.g. 400 for a long run)
    SKM_CRASH_KILLS     how many times the bot is killed (default 4)
    SKM_CRASH_SEED      the random seed, to replay a run (default: a fresh one, shown on failure)
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

from service.directory import load_directory
from service.i18n import t
from service.privacy import pseudonym
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from tests.e2e.bot_process import SECRET, BotProcess
from tests.e2e.citizen import Citizen, Plan, random_plan, read
from tests.e2e.fake_telegram import FakeTelegram

CITIZENS = int(os.environ.get("SKM_CRASH_CITIZENS", "100"))
KILLS = int(os.environ.get("SKM_CRASH_KILLS", "4"))
SEED = int(os.environ.get("SKM_CRASH_SEED") or random.SystemRandom().randrange(10**9))
FIRST_ID = 5_550_000_000  # citizens' Telegram ids: FIRST_ID, FIRST_ID + 1, ...
STALL = 30.0  # seconds without any answer from a running bot before the test fails


class Crowd:
    """Citizens taking turns, and the bot killed whenever enough of their actions went through."""

    def __init__(self, api: FakeTelegram, bot: BotProcess, rng: random.Random) -> None:
        self.api, self.bot, self.rng = api, bot, rng
        directory = load_directory(None)
        plans = [random_plan(rng, FIRST_ID + i, directory) for i in range(CITIZENS)]
        self.citizens = [Citizen(api, p, directory, random.Random(rng.random())) for p in plans]
        for citizen in self.citizens:  # they arrive over the first part of the run
            citizen.ready_at = rng.uniform(0, CITIZENS / 10)
        # Kill once a random share of all actions went through, so each kill lands mid-crowd.
        least = sum(p.presses() for p in plans)
        self.kill_after = sorted(rng.sample(range(least // 20, least * 7 // 10), KILLS))
        # Half the kills come while the bot's polls are held up (see FakeTelegram.hold_polls).
        self.holds = [i % 2 == 1 for i in range(KILLS)]
        rng.shuffle(self.holds)
        self.kills = self.answered = 0

    def run(self) -> None:
        """Until every citizen has been thanked or has walked away; the bot runs at the end."""
        start = time.monotonic()
        for citizen in self.citizens:
            citizen.ready_at += start
        deadline, progress = start + 120 + CITIZENS, start
        kill_at: float | None = None
        restart_at: float | None = None
        seen = self.api.changes
        self.bot.start()
        while not all(c.done for c in self.citizens) or restart_at is not None:
            now = time.monotonic()
            answered = sum(c.tick(now) for c in self.citizens)
            self.answered += answered
            if answered or restart_at is not None:
                progress = now
            # Fails if it exited on its own. A bot killed again before it has shown every
            # recent survey again cannot keep its promise to anyone: crashes come while it
            # works, not while it starts (under load a start alone takes seconds).
            if restart_at is None and self.bot.polling() and self.bot.recovered():
                kill_at = self._arm(now, kill_at)
            if kill_at is not None and now >= kill_at:
                self.bot.kill()
                self.api.hold_polls(None)
                self.kills += 1
                kill_at, restart_at = None, now + self.rng.uniform(0, 0.5)
            if restart_at is not None and now >= restart_at:
                self.bot.spawn()
                restart_at, progress = None, now
            if now - progress > STALL or now > deadline:
                raise self.stuck(now - start)
            seen = self.api.wait_change(seen, self._pause(now))
        self.api.hold_polls(None)

    def _arm(self, now: float, kill_at: float | None) -> float | None:
        """When the next kill is due, pick its moment, and maybe hold the polls till then."""
        if kill_at is not None or not self.kill_after or self.answered < self.kill_after[0]:
            return kill_at
        self.kill_after.pop(0)
        if self.holds.pop():  # what it fetches next stays unconfirmed: delivered again
            self.api.hold_polls(self.bot.number)
        return now + self.rng.uniform(0, 0.5)

    def _pause(self, now: float) -> float:
        waiting = [c.ready_at for c in self.citizens if not c.done and c.pending is None]
        return max(0.0, min([0.05, *(r - now for r in waiting)]))

    def stuck(self, elapsed: float) -> AssertionError:
        left = [c for c in self.citizens if not c.done]
        return AssertionError(
            f"{len(left)} citizens still going after {elapsed:.0f} s ({self.kills} kills); "
            f"first: {left[0].fail('never finished') if left else ''}\n{self.bot.log()[-3000:]}"
        )


def rows(db: Path, table: str) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]


def who(plan: Plan) -> str:
    return pseudonym(SECRET.encode(), plan.user_id)


def expected_response(plan: Plan) -> dict[str, Any]:
    return {
        "unit": plan.unit,
        "office": plan.office,
        "channel": "telegram",
        "lang": plan.lang,
        **{f.key: plan.values[f.key] for f in PROFILE_FIELDS},
        **{c.lower(): int(plan.values[c]) for c in ELEMENT_CODES},
        "suggestion": plan.suggestion,
    }


def expected_survey(plan: Plan) -> dict[str, Any]:
    assert plan.stop is not None
    state = plan.state_at(plan.stop)
    return {
        "unit": plan.unit,
        "office": plan.office,
        "lang": plan.lang,
        "step": plan.stop,
        "state": {"values": dict(state.values), "suggestion": state.suggestion},
    }


def check_given_up(citizens: list[Citizen]) -> None:
    """A citizen gives up on a lost press only if it was "Kirim jawaban" and was stored.

    Whether it was stored is checked below with every finisher: any other lost press must
    have been shown again. Checked first: a citizen who meant to walk away later and gave
    up earlier would otherwise be reported as resumed elsewhere.
    """
    for citizen in citizens:
        if citizen.gave_up and not citizen.lost_submit:
            raise citizen.fail("a lost press was never shown again")


def check_resume(api: FakeTelegram, walked_away: list[Citizen]) -> None:
    """Scanning the QR code again shows each unfinished survey at the step it stopped on."""
    before = {c.uid: api.sent_to(c.uid) for c in walked_away}
    for citizen in walked_away:
        api.send_text(citizen.uid, f"/start {citizen.plan.payload}")
    api.wait_for(
        "the resumed surveys",
        lambda: all(api.sent.get(c.uid, 0) > before[c.uid] for c in walked_away),
        timeout=STALL,
    )
    for citizen in walked_away:
        plan, screen = citizen.plan, api.last(citizen.uid)
        view = read(screen)
        assert view is not None, citizen.fail("no survey after scanning the QR code again")
        assert screen.text.startswith(t(plan.lang, "survey.resumed")), citizen.fail("not resumed")
        assert (view.step, view.lang) == (plan.stop, plan.lang), citizen.fail("resumed elsewhere")


def test_crashes_lose_no_answer_and_count_none_twice(api: FakeTelegram, tmp_path: Path) -> None:
    bot = BotProcess(api, tmp_path)
    crowd = Crowd(api, bot, random.Random(SEED))
    finishers = [c for c in crowd.citizens if c.plan.stop is None]
    walked_away = [c for c in crowd.citizens if c.plan.stop is not None]
    started = time.monotonic()
    try:
        try:
            crowd.run()
            check_given_up(crowd.citizens)
            check_resume(api, walked_away)
        except AssertionError as exc:
            raise AssertionError(f"SKM_CRASH_SEED={SEED}: {exc}") from None
    finally:
        bot.stop()
    people = crowd.citizens
    print(
        f"\n{CITIZENS} citizens ({len(finishers)} finished), {crowd.kills} kills, "
        f"{sum(c.actions for c in people)} actions ({sum(c.lost for c in people)} lost, "
        f"{len(api.redelivered)} delivered again, {sum(c.rescans for c in people)} rescans, "
        f"{sum(c.gave_up for c in people)} stored without thanks after a lost submit), "
        f"{time.monotonic() - started:.1f} s, seed {SEED}"
    )

    assert crowd.kills == KILLS
    assert all(c.thanked() or c.gave_up for c in finishers)
    assert not any(c.thanked() for c in walked_away)
    responses, surveys = rows(bot.db_path, "responses"), rows(bot.db_path, "surveys")
    # Every thanked citizen exactly once, with its answers; nobody else.
    counts = Counter(r["respondent"] for r in responses)
    assert len(responses) == len(finishers)
    by_who = {r["respondent"]: r for r in responses}
    for citizen in finishers:
        assert counts[who(citizen.plan)] == 1, f"SKM_CRASH_SEED={SEED}: {citizen.plan}"
        row = by_who[who(citizen.plan)]
        expected = expected_response(citizen.plan)
        assert {k: row[k] for k in expected} == expected, f"SKM_CRASH_SEED={SEED}"
    # Every unfinished survey at the step it stopped on, with the answers given so far.
    assert len(surveys) == len(walked_away)
    by_who = {s["respondent"]: s for s in surveys}
    for citizen in walked_away:
        survey = by_who[who(citizen.plan)]
        survey["state"] = json.loads(survey["state"])
        expected = expected_survey(citizen.plan)
        assert {k: survey[k] for k in expected} == expected, f"SKM_CRASH_SEED={SEED}"
    assert "Unhandled error" not in bot.log()
