"""Kiosk links: stored by the token's hash, found while they work, revoked by number."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from storage import kiosks
from storage.database import Database

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


async def test_a_kiosk_link_works_until_it_is_revoked(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "skm.db")
    try:
        made = await kiosks.create(db, "token-one-0123456789", "SKCK", "POLRES", 700101, NOW)
        other = await kiosks.create(db, "token-two-0123456789", "SIM", "POLRES", 0, NOW)
        assert (made.id, other.id) == (1, 2)
        assert await kiosks.find(db, "token-one-0123456789") == made
        assert await kiosks.find(db, "token-one-012345678") is None
        stored = await db.rows("SELECT token_hash FROM kiosks")
        assert all("token" not in row[0] for row in stored)  # only hashes
        assert [k.id for k in await kiosks.active(db)] == [1, 2]

        revoked = await kiosks.revoke(db, 1, NOW)
        assert revoked is not None and revoked.unit == "SKCK" and revoked.revoked_at == NOW
        assert await kiosks.revoke(db, 1, NOW) is None
        assert await kiosks.revoke(db, 99, NOW) is None
        assert await kiosks.find(db, "token-one-0123456789") is None
        assert [k.id for k in await kiosks.active(db)] == [2]
    finally:
        await db.close()
