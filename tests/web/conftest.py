"""The web survey's application on a fresh SQLite file, reached through httpx's ASGI transport."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from service.directory import load_directory
from service.listeners import StoredResponse
from service.policy import Policy
from storage.database import Database
from web.app import build
from web.limits import Rate
from web.site import Hooks, Site

SECRET = b"web-test-secret-0123456789abcdef"
BASE = "http://127.0.0.1:8080"
PREFIX = "/survei"


@dataclass
class Clock:
    """The time the application reads: set by the test."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 25, 3, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class WebWorld:
    db: Database
    clock: Clock
    stored: list[StoredResponse]
    app: Any

    def client(self, address: str = "10.0.0.1") -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url=BASE)

    async def rows(self, sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in await self.db.rows(sql)]


def make_site(**changes: Any) -> Site:
    values: dict[str, Any] = {
        "base_url": BASE + PREFIX,
        "prefix": PREFIX,
        "secret": SECRET,
        "policy": Policy(tz=ZoneInfo("Asia/Jakarta")),
        "bot_username": "SkmContohBot",
        "requests": Rate(burst=10_000, per_s=0.001),
        "starts": Rate(burst=10_000, per_s=0.001),
        "kiosk_starts": Rate(burst=10_000, per_s=0.001),
    }
    values.update(changes)
    return Site(**values)


@pytest.fixture
async def world(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[WebWorld]:
    db = await Database.open(tmp_path / "skm.db")
    clock = Clock()
    stored: list[StoredResponse] = []

    async def on_stored(response: StoredResponse) -> None:
        stored.append(response)

    marker = request.node.get_closest_marker("site")
    site = make_site(**(marker.kwargs if marker else {}))
    hooks = Hooks(clock=clock, listeners=[on_stored])
    app = build(site, load_directory(None), db, hooks)
    try:
        yield WebWorld(db, clock, stored, app)
    finally:
        await db.close()


@dataclass(frozen=True)
class Form:
    """The survey form on a page, as a browser would post it."""

    action: str
    fields: dict[str, str]
    buttons: list[tuple[str, str]]  # (label, do)

    def do(self, label: str) -> dict[str, str]:
        """The fields a press of the button with this label posts."""
        for shown, value in self.buttons:
            if shown == label:
                return {**self.fields, "do": value}
        raise AssertionError(f"no button {label!r}: {[b for b, _ in self.buttons]}")


def form_of(page: str) -> Form:
    action = html.unescape(re.search(r'<form method="post" action="([^"]*)"', page).group(1))
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    }
    buttons = [
        (html.unescape(label), html.unescape(value))
        for value, label in re.findall(
            r'<button type="submit" name="do" value="([^"]*)"[^>]*>([^<]*)</button>', page
        )
    ]
    return Form(action, fields, buttons)


def texts(page: str) -> str:
    """The page's words, without tags."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))).strip()


async def press(client: httpx.AsyncClient, page: str, label: str, **extra: str) -> str:
    """Press a button by its label; follow the redirect; the next page's HTML."""
    form = form_of(page)
    response = await client.post(form.action, data={**form.do(label), **extra})
    assert response.status_code == 303, (response.status_code, texts(response.text))
    following = await client.get(response.headers["location"])
    assert following.status_code == 200
    return following.text


PROFILE = ["Perempuan", "36-45 tahun", "D1-D4", "Pegawai swasta"]
LABELS = ["Sangat sesuai", "Mudah", "Sangat cepat", "Gratis", "Sesuai", "Sangat kompeten",
          "Sangat sopan dan ramah", "Baik", "Dikelola dengan baik"]  # fmt: skip


async def whole_survey(client: httpx.AsyncClient, desk: str = "SKCK-POLRES") -> str:
    """Answer the whole survey at a desk; the thanks page."""
    page = (await client.get(f"{PREFIX}/s/{desk}")).text
    for label in ["Mulai survei", *PROFILE, *LABELS]:
        page = await press(client, page, label)
    page = await press(client, page, "Lanjut", text="Antrean rapi.")
    return await press(client, page, "Kirim jawaban")
