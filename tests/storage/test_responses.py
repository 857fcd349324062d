from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from skm.index import compute_ikm, ikm_from_totals, totals_of
from skm.period import parse_period
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response
from storage import responses
from storage.database import Database
from storage.responses import Filter
from tests.support.postgres import INTEGRITY

JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 23, 12, tzinfo=JAKARTA)
Q4 = parse_period("2026-Q4", NOW)


def response(
    scores: str,
    unit: str = "SIM",
    office: str = "POLRES_BOGOR",
    when: datetime = NOW,
    suggestion: str | None = None,
    **profile: str | None,
) -> Response:
    """A response from nine characters, "-" for a blank: "4433-2341"."""
    answers = {c: None if s == "-" else int(s) for c, s in zip(ELEMENT_CODES, scores, strict=True)}
    full_profile = {f.key: profile.get(f.key) for f in PROFILE_FIELDS}
    return Response(when.astimezone(UTC), unit, office, answers, full_profile, suggestion)


SAMPLE = [
    response("443343432", gender="L", age="17-25"),
    response("33323-332", gender="P", age="17-25", suggestion="Antrean lama"),
    response("444444444", gender="P", age="26-35"),
    response("222-22222", unit="SKCK", gender="L", suggestion="Ruang tunggu panas"),
    response("343434343", unit="SKCK", office="POLRES_DEPOK"),
]


async def store(db: Database, rows: list[Response], prefix: str = "k") -> int:
    return await responses.insert_many(db, [(r, f"{prefix}{i}") for i, r in enumerate(rows)])


async def count(db: Database) -> int:
    return (await responses.totals(db, Filter())).respondents


async def test_insert_many_counts_new_rows_and_dedups_by_source_key(db: Database):
    assert await store(db, SAMPLE) == 5
    assert await store(db, SAMPLE) == 0
    assert await count(db) == 5
    extra = [(SAMPLE[0], "k0"), (SAMPLE[1], "new")]
    assert await responses.insert_many(db, extra) == 1
    assert await count(db) == 6
    assert await responses.source_key_exists(db, "new")
    assert not await responses.source_key_exists(db, "nope")


async def test_insert_many_is_all_or_nothing(db: Database):
    bad = response("444444444")
    bad = Response(bad.submitted_at, bad.unit, bad.office, {**bad.answers, "U3": 5})
    with pytest.raises(INTEGRITY):
        await responses.insert_many(db, [(SAMPLE[0], "a"), (bad, "b"), (SAMPLE[1], "c")])
    assert await count(db) == 0
    assert not await responses.source_key_exists(db, "a")
    assert await store(db, SAMPLE) == 5


async def test_fetch_round_trips_oldest_first(db: Database):
    later = response("111111111", when=NOW + timedelta(hours=1), gender="P")
    await store(db, [later, *SAMPLE])
    fetched = await responses.fetch(db, Filter())
    assert fetched[-1] == later
    assert fetched[:5] == SAMPLE
    assert len(await responses.fetch(db, Filter(), limit=2)) == 2


async def test_totals_by_unit_equals_totals_of(db: Database):
    await store(db, SAMPLE)
    by_unit = await responses.totals_by(db, "unit", Filter())
    assert set(by_unit) == {"SIM", "SKCK"}
    assert by_unit["SIM"] == totals_of(r.answers for r in SAMPLE if r.unit == "SIM")
    assert by_unit["SKCK"] == totals_of(r.answers for r in SAMPLE if r.unit == "SKCK")
    sim = [r.answers for r in SAMPLE if r.unit == "SIM"]
    assert ikm_from_totals(by_unit["SIM"]) == compute_ikm(sim)
    assert await responses.totals(db, Filter()) == totals_of(r.answers for r in SAMPLE)


async def test_totals_by_profile_field(db: Database):
    await store(db, SAMPLE)
    by_gender = await responses.totals_by(db, "gender", Filter())
    assert set(by_gender) == {"", "L", "P"}  # "" for respondents who did not say
    assert by_gender["P"] == totals_of(r.answers for r in SAMPLE if r.profile.get("gender") == "P")
    assert by_gender[""].respondents == 1


async def test_totals_by_refuses_other_columns(db: Database):
    with pytest.raises(ValueError):
        await responses.totals_by(db, "suggestion", Filter())  # type: ignore[arg-type]


async def test_filter_by_period(db: Database):
    before = response("111111111", when=Q4.start - timedelta(seconds=1))
    first = response("222222222", when=Q4.start)
    last = response("333333333", when=Q4.end - timedelta(seconds=1))
    after = response("444444444", when=Q4.end)
    await store(db, [before, first, last, after])
    in_q4 = await responses.totals(db, Filter(Q4.start, Q4.end))
    assert in_q4 == totals_of([first.answers, last.answers])
    # Midnight 1 October in Jakarta is 30 September 17:00 UTC: that response is in Q4.
    assert first.submitted_at == datetime(2026, 9, 30, 17, tzinfo=UTC)
    assert (await responses.totals(db, Filter(start=Q4.end))).respondents == 1
    assert (await responses.totals(db, Filter(end=Q4.start))).respondents == 1


async def test_filter_by_unit_and_office(db: Database):
    await store(db, SAMPLE)
    assert (await responses.totals(db, Filter(units=["SKCK"]))).respondents == 2
    assert (await responses.totals(db, Filter(units=["SIM", "SKCK"]))).respondents == 5
    assert (await responses.totals(db, Filter(units=[]))).respondents == 0
    assert (await responses.totals(db, Filter(office="POLRES_DEPOK"))).respondents == 1
    both = Filter(units=["SKCK"], office="POLRES_BOGOR")
    assert await responses.totals(db, both) == totals_of([SAMPLE[3].answers])
    by_office = await responses.totals_by(db, "office", Filter(units=["SKCK"]))
    assert {k: v.respondents for k, v in by_office.items()} == {
        "POLRES_BOGOR": 1,
        "POLRES_DEPOK": 1,
    }


async def test_filter_needs_aware_times():
    with pytest.raises(ValueError):
        Filter(start=datetime(2026, 1, 1)).where()  # noqa: DTZ001


async def test_distribution(db: Database):
    await store(db, SAMPLE)
    dist = await responses.distribution(db, Filter(units=["SIM"]))
    assert dist["U1"] == {1: 0, 2: 0, 3: 1, 4: 2}
    assert dist["U6"] == {1: 0, 2: 0, 3: 1, 4: 1}  # one blank
    assert dist["U9"] == {1: 0, 2: 2, 3: 0, 4: 1}
    assert set(dist) == set(ELEMENT_CODES)
    empty = await responses.distribution(db, Filter(units=["NONE"]))
    assert empty["U1"] == {1: 0, 2: 0, 3: 0, 4: 0}


async def test_profile_counts(db: Database):
    await store(db, SAMPLE)
    counts = await responses.profile_counts(db, Filter())
    assert counts["gender"] == {"L": 2, "P": 2}
    assert counts["age"] == {"17-25": 2, "26-35": 1}
    assert counts["education"] == {}
    assert await responses.profile_counts(db, Filter(units=["SKCK"])) == {
        "gender": {"L": 1},
        "age": {},
        "education": {},
        "occupation": {},
    }


async def test_suggestions_newest_first_in_pages(db: Database):
    rows = [
        response("444444444", when=NOW + timedelta(minutes=i), suggestion=f"saran {i}")
        for i in range(5)
    ]
    await store(db, [*rows, response("444444444")])  # one without a suggestion
    page, total = await responses.suggestions(db, Filter(), limit=2)
    assert total == 5
    assert [s.text for s in page] == ["saran 4", "saran 3"]
    page, _ = await responses.suggestions(db, Filter(), limit=2, offset=2)
    assert [s.text for s in page] == ["saran 2", "saran 1"]
    page, _ = await responses.suggestions(db, Filter(), limit=2, offset=4)
    assert [s.text for s in page] == ["saran 0"]
    assert page[0].submitted_at == NOW
    assert page[0].unit == "SIM"


async def test_suggestions_filtered(db: Database):
    await store(db, SAMPLE)
    page, total = await responses.suggestions(db, Filter(units=["SKCK"]))
    assert total == 1
    assert [s.text for s in page] == ["Ruang tunggu panas"]
