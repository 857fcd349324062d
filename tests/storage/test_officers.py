"""Officers, one-time invites and subscribed chats, on a fresh SQLite file per test."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from storage import officers, subscriptions
from storage.database import Database

JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 23, 9, tzinfo=JAKARTA)
WEEK = timedelta(days=7)
ADMIN = 900001


async def test_an_invite_registers_the_officer_with_its_scope(db: Database):
    await officers.create_invite(db, "tok-1", "SKCK", None, ADMIN, NOW, NOW + WEEK)
    redeemed = await officers.redeem_invite(db, "tok-1", 701, "Sari", "id", NOW)
    assert redeemed is not None
    officer, invite = redeemed
    assert (officer.unit, officer.office, invite.created_by) == ("SKCK", None, ADMIN)
    stored = await officers.get(db, 701)
    assert stored is not None
    assert (stored.name, stored.unit, stored.office, stored.lang) == ("Sari", "SKCK", None, "id")


async def test_an_invite_works_once(db: Database):
    await officers.create_invite(db, "tok-1", "SKCK", None, ADMIN, NOW, NOW + WEEK)
    assert await officers.redeem_invite(db, "tok-1", 701, "Sari", "id", NOW)
    assert await officers.redeem_invite(db, "tok-1", 702, "Joko", "id", NOW) is None
    assert await officers.get(db, 702) is None


async def test_an_expired_or_unknown_invite_registers_nobody(db: Database):
    await officers.create_invite(db, "old", None, "PS_KOTA", ADMIN, NOW - 2 * WEEK, NOW - WEEK)
    assert await officers.redeem_invite(db, "old", 701, "Sari", "id", NOW) is None
    assert await officers.redeem_invite(db, "never-made", 701, "Sari", "id", NOW) is None
    assert await officers.all_officers(db) == []


async def test_only_a_hash_of_the_token_is_stored(db: Database):
    await officers.create_invite(db, "secret-token", "SKCK", None, ADMIN, NOW, NOW + WEEK)
    stored = await db.rows("SELECT token_hash FROM invites")
    assert len(stored) == 1
    assert "secret-token" not in stored[0][0]


async def test_making_an_invite_drops_expired_ones(db: Database):
    await officers.create_invite(db, "old", "SKCK", None, ADMIN, NOW - 2 * WEEK, NOW - WEEK)
    await officers.create_invite(db, "new", "SKCK", None, ADMIN, NOW, NOW + WEEK)
    assert await officers.count_open_invites(db, NOW) == 1


async def test_a_new_invite_replaces_the_officers_scope(db: Database):
    await officers.create_invite(db, "a", "SKCK", None, ADMIN, NOW, NOW + WEEK)
    await officers.create_invite(db, "b", None, None, ADMIN, NOW, NOW + WEEK)
    await officers.redeem_invite(db, "a", 701, "Sari", "id", NOW)
    await officers.redeem_invite(db, "b", 701, "Sari", "en", NOW)
    stored = await officers.get(db, 701)
    assert stored is not None
    assert (stored.unit, stored.office, stored.lang) == (None, None, "en")
    assert len(await officers.all_officers(db)) == 1


async def register(db: Database, user_id: int, unit: str | None, office: str | None) -> None:
    token = f"t{user_id}"
    await officers.create_invite(db, token, unit, office, ADMIN, NOW, NOW + WEEK)
    assert await officers.redeem_invite(db, token, user_id, f"P{user_id}", "id", NOW)


async def test_covering_finds_the_officers_whose_scope_holds_a_unit_at_an_office(db: Database):
    await register(db, 1, "SKCK", None)  # SKCK everywhere
    await register(db, 2, "SKCK", "PS_KOTA")  # SKCK at one office
    await register(db, 3, None, "PS_KOTA")  # every unit at one office
    await register(db, 4, None, None)  # everything
    await register(db, 5, "SIM", None)
    found = await officers.covering(db, "SKCK", "PS_KOTA")
    assert [o.user_id for o in found] == [1, 2, 3, 4]
    found = await officers.covering(db, "SKCK", "POLRES")
    assert [o.user_id for o in found] == [1, 4]


async def test_revoke_removes_the_officer(db: Database):
    await register(db, 1, "SKCK", None)
    assert await officers.revoke(db, 1)
    assert not await officers.revoke(db, 1)
    assert await officers.get(db, 1) is None


async def test_revoke_stops_the_summaries_the_officer_subscribed(db: Database):
    await register(db, 1, "SKCK", None)
    await register(db, 2, "SIM", None)
    await subscriptions.subscribe(db, -100111, "SKCK", None, "id", 1, NOW)
    await subscriptions.subscribe(db, -100222, "SIM", None, "id", 2, NOW)
    await subscriptions.subscribe(db, 1, "SKCK", None, "id", 1, NOW)
    assert await officers.revoke(db, 1)
    assert [s.chat_id for s in await subscriptions.all_subscriptions(db)] == [-100222]


async def test_revoking_an_admin_who_was_also_an_officer_can_keep_their_summaries(db: Database):
    await register(db, ADMIN, "SKCK", None)
    await subscriptions.subscribe(db, -100111, None, None, "id", ADMIN, NOW)
    assert await officers.revoke(db, ADMIN, stop_subscriptions=False)
    assert await subscriptions.get(db, -100111) is not None


async def test_subscriptions_are_kept_with_their_scope_and_survive_reopening(tmp_path: Path):
    db = await Database.open(tmp_path / "s.db")
    assert await subscriptions.subscribe(db, -100123, "SKCK", None, "id", 701, NOW)
    assert not await subscriptions.subscribe(db, -100123, None, None, "en", ADMIN, NOW)
    await db.close()
    db = await Database.open(tmp_path / "s.db")
    try:
        [sub] = await subscriptions.all_subscriptions(db)
        assert (sub.chat_id, sub.unit, sub.office, sub.lang) == (-100123, None, None, "en")
        assert sub.subscribed_at == NOW
    finally:
        await db.close()


async def test_unsubscribe_and_move(db: Database):
    await subscriptions.subscribe(db, -1, "SKCK", None, "id", 701, NOW)
    await subscriptions.move(db, -1, -1001)
    assert await subscriptions.get(db, -1) is None
    moved = await subscriptions.get(db, -1001)
    assert moved is not None and moved.unit == "SKCK"
    assert await subscriptions.unsubscribe(db, -1001)
    assert not await subscriptions.unsubscribe(db, -1001)
    assert await subscriptions.all_subscriptions(db) == []
