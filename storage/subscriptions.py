"""Chats subscribed to the weekly summary, with the scope of whoever subscribed them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database
from storage.responses import from_epoch, to_epoch


@dataclass(frozen=True)
class Subscription:
    """A chat that gets the weekly summary for a scope (None is every unit or office)."""

    chat_id: int
    unit: str | None
    office: str | None
    lang: str
    subscribed_by: int
    subscribed_at: datetime


_COLUMNS = "chat_id, unit, office, lang, subscribed_by, subscribed_at"


_REPLACE = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])


def _subscription(row: Any) -> Subscription:
    return Subscription(int(row[0]), row[1], row[2], row[3], int(row[4]), from_epoch(row[5]))


async def subscribe(
    db: Database,
    chat_id: int,
    unit: str | None,
    office: str | None,
    lang: str,
    subscribed_by: int,
    now: datetime,
) -> bool:
    """Subscribe a chat, or update its scope; False if it was subscribed already."""
    async with db.transaction() as tx:
        existed = await tx.one("SELECT 1 FROM subscriptions WHERE chat_id = ?", (chat_id,))
        await tx.execute(
            f"INSERT INTO subscriptions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
            f"ON CONFLICT (chat_id) DO UPDATE SET {_REPLACE}",
            (chat_id, unit, office, lang, subscribed_by, to_epoch(now)),
        )
    return existed is None


async def unsubscribe(db: Database, chat_id: int) -> bool:
    """Stop a chat's summaries; False if it was not subscribed."""
    return bool(await db.write("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)))


async def move(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """Follow a group that Telegram upgraded to a supergroup (its id changes)."""
    async with db.atomic() as tx:  # a subscription the new chat had already gives way
        await tx.execute("DELETE FROM subscriptions WHERE chat_id = ?", (new_chat_id,))
        await tx.execute(
            "UPDATE subscriptions SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
        )


async def get(db: Database, chat_id: int) -> Subscription | None:
    """A chat's subscription, if any."""
    sql = f"SELECT {_COLUMNS} FROM subscriptions WHERE chat_id = ?"
    row = await db.point(sql, (chat_id,))
    return _subscription(row) if row else None


async def all_subscriptions(db: Database) -> list[Subscription]:
    """Every subscribed chat, oldest subscription first."""
    sql = f"SELECT {_COLUMNS} FROM subscriptions ORDER BY subscribed_at, chat_id"
    return [_subscription(r) for r in await db.rows(sql)]
