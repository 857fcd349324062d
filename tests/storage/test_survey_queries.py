"""The survey's queries: a citizen's responses since a moment, and a stored key's language."""

from datetime import UTC, datetime, timedelta

from skm.records import Response
from storage import responses
from storage.database import Database

NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
ANSWERS = dict.fromkeys(("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"), 3)


async def store(db: Database, key: str, who: str, unit: str, at: datetime, lang: str) -> None:
    async with db.atomic() as conn:
        await responses.insert_one(conn, Response(at, unit, "POLRES", ANSWERS), who, key, lang)


async def test_count_since_counts_one_citizen_and_unit_from_a_moment(db: Database):
    await store(db, "k1", "r1", "SKCK", NOW, "id")
    await store(db, "k2", "r1", "SKCK", NOW - timedelta(days=1), "id")
    await store(db, "k3", "r1", "SIM", NOW, "id")
    await store(db, "k4", "r2", "SKCK", NOW, "id")
    midnight = NOW.replace(hour=0, minute=0)
    assert await responses.count_since(db, "r1", "SKCK", midnight) == 1
    assert await responses.count_since(db, "r1", "SKCK", midnight - timedelta(days=1)) == 2
    assert await responses.count_since(db, "r3", "SKCK", midnight) == 0


async def test_stored_lang_tells_whether_and_in_which_language_a_key_was_stored(db: Database):
    await store(db, "tok-en", "r1", "SKCK", NOW, "en")
    assert await responses.stored_lang(db, "tok-en") == "en"
    assert await responses.stored_lang(db, "never") is None
    await responses.insert_many(db, [(Response(NOW, "SKCK", "POLRES", ANSWERS), "import-1")])
    assert await responses.stored_lang(db, "import-1") == ""
