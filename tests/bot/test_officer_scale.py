"""With a million responses stored, /ikm SKCK reads daily totals and an index, never the rows."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import datetime

from service.i18n import number
from skm.index import ElementTotals, ikm_from_totals
from skm.questionnaire import ELEMENT_CODES
from tests.bot.officer_helpers import JAKARTA
from tests.support.harness import ADMIN_ID, BotHarness

ROWS = 1_000_000
YEAR_START = int(datetime(2026, 1, 1, tzinfo=JAKARTA).timestamp())
YEAR_SECONDS = 365 * 24 * 3600
Q4_START = int(datetime(2026, 10, 1, tzinfo=JAKARTA).timestamp())
Q4_END = int(datetime(2027, 1, 1, tzinfo=JAKARTA).timestamp())
UNITS = ("SKCK", "SIM", "SPKT", "SATRESKRIM", "SATNARKOBA")
OFFICES = ("POLRES", "PS_KOTA", "PS_UTARA")
# Answer u_k of row i is 1 + (i / DIVISORS[k]) % 4, in SQL integer division and in Python.
DIVISORS = (1, 7, 3, 11, 2, 13, 5, 17, 19)

_GENERATE = f"""
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {ROWS - 1})
INSERT INTO responses (unit, office, submitted_at, channel, source_key,
                       {", ".join(c.lower() for c in ELEMENT_CODES)}, gender)
SELECT CASE i % 5 {" ".join(f"WHEN {k} THEN '{u}'" for k, u in enumerate(UNITS))} END,
       CASE i % 3 {" ".join(f"WHEN {k} THEN '{o}'" for k, o in enumerate(OFFICES))} END,
       {YEAR_START} + (i * 31) % {YEAR_SECONDS}, 'import', 'gen:' || i,
       {", ".join(f"1 + (i / {d}) % 4" for d in DIVISORS)},
       CASE i % 2 WHEN 0 THEN 'L' ELSE 'P' END
FROM n
"""


def expected_skck_q4() -> ElementTotals:
    """The SKCK figures for 2026-Q4, worked out in Python from the generator's rule."""
    sums = dict.fromkeys(ELEMENT_CODES, 0)
    count = 0
    for i in range(0, ROWS, 5):  # i % 5 == 0 is SKCK
        if Q4_START <= YEAR_START + (i * 31) % YEAR_SECONDS < Q4_END:
            count += 1
            for code, d in zip(ELEMENT_CODES, DIVISORS, strict=True):
                sums[code] += 1 + (i // d) % 4
    return ElementTotals(count, sums, dict.fromkeys(ELEMENT_CODES, count))


async def test_ikm_for_a_unit_reads_daily_totals_and_the_covering_index(bot: BotHarness):
    async with bot.db.transaction() as conn:
        await conn.execute(_GENERATE)
    statements: list[str] = []
    await bot.db.conn.set_trace_callback(statements.append)
    started = time.perf_counter()
    await bot.send(ADMIN_ID, "/ikm SKCK 2026-Q4")
    elapsed = time.perf_counter() - started
    await bot.db.conn.set_trace_callback(None)

    # The figures are right: respondents and IKM match the generator's rule.
    expected = ikm_from_totals(expected_skck_q4())
    assert expected.ikm is not None
    text = bot.request.messages(ADMIN_ID)[-2].text
    assert f"Responden: {number(expected.respondents, 0)}" in text
    assert f"IKM: <b>{number(expected.ikm, 2)}</b>" in text
    assert expected.respondents > 40_000

    # Every statement is an aggregate: whole days from daily_totals, and only the hours
    # where the quarter begins and ends (in Jakarta time, not at a UTC midnight) from the
    # responses; never the rows themselves.
    reads = [s for s in statements if "FROM daily_totals" in s]
    assert len(reads) == 2  # this period per office (added up for the unit), the previous one
    assert all(
        s.startswith("SELECT office, sum(respondents), sum(s1)")
        or s.startswith("SELECT '', sum(respondents), sum(s1)")
        for s in reads
    ), reads

    db_path = bot.settings.skm_database
    with closing(sqlite3.connect(db_path)) as plain:
        for sql in reads:
            # ...each from a primary key or the covering index, never the table...
            plan = " ".join(str(r[-1]) for r in plain.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SEARCH daily_totals USING PRIMARY KEY (unit=? AND day>? AND day<?)" in plan
            assert "USING COVERING INDEX responses_unit_time" in plan, plan
            assert "SCAN responses" not in plan, plan
        # ...and together they hand Python a handful of rows out of a million.
        fetched = sum(len(plain.execute(sql).fetchall()) for sql in reads)
    assert fetched <= 3 * (1 + len(OFFICES))  # a row per office from each part
    assert elapsed < 5, f"/ikm SKCK took {elapsed:.2f} s"

    # The overview of every unit is read the same way: two grouped aggregates.
    statements.clear()
    await bot.db.conn.set_trace_callback(statements.append)
    await bot.send(ADMIN_ID, "/ikm 2026-Q4")
    await bot.db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM daily_totals" in s]
    # This period per unit and office (the sample checks count offices), the previous per unit.
    assert len(reads) == 2 and all(
        s.startswith(("SELECT unit, office, sum(respondents)", "SELECT unit, sum(respondents)"))
        for s in reads
    )
    with closing(sqlite3.connect(db_path)) as plain:
        for sql in reads:
            plan = " ".join(str(r[-1]) for r in plain.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SEARCH daily_totals USING PRIMARY KEY" in plan, plan
            assert "SCAN responses" not in plan, plan
    assert f"{number(expected.respondents, 0)} responden · IKM" in bot.last(ADMIN_ID).text
