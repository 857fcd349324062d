"""Shared steps for the officers' tests: known responses, and registering officers by invite."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from telegram.request import RequestData

from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response
from storage import responses
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import RecordingRequest

JAKARTA = ZoneInfo("Asia/Jakarta")
SKCK_OFFICER = 700101
SIM_OFFICER = 700202
KOTA_OFFICER = 700303
CITIZEN = 5550999

_INVITE = re.compile(r"start=(inv-[A-Za-z0-9_-]+)")


def response(
    scores: str,
    unit: str = "SKCK",
    office: str = "POLRES",
    when: datetime = datetime(2026, 11, 10, 9, 30, tzinfo=JAKARTA),
    suggestion: str | None = None,
    **profile: str,
) -> Response:
    """A response from nine digits ("-" for a blank): "433433433"."""
    answers = {c: None if s == "-" else int(s) for c, s in zip(ELEMENT_CODES, scores, strict=True)}
    full = {f.key: profile.get(f.key) for f in PROFILE_FIELDS}
    return Response(when.astimezone(UTC), unit, office, answers, full, suggestion)


def q4(day: int, hour: int = 9) -> datetime:
    """A moment in 2026-Q4, Jakarta time (November)."""
    return datetime(2026, 11, day, hour, tzinfo=JAKARTA)


# Known data. SKCK in 2026-Q4: IKM 78,16 (B); at POLRES 81,17 (B), at PS_KOTA 72,15 (C);
# weakest U3 2,17, U8 2,67, U2 2,83. SKCK in 2026-Q3: IKM 74,93 (C). SIM in 2026-Q4: 99,90 (A).
# All units in Q4: mean of unit IKMs 89,03 (A), pooled 85,41.
SKCK_Q4 = [
    response("433433433", when=q4(3), gender="L", age="17-25", education="SMA"),
    response("332434433", when=q4(4), suggestion="Antrean terlalu lama", gender="P", age="26-35"),
    response("322433323", when=q4(5), gender="L", age="26-35", education="SMA"),
    response("433444434", when=q4(6), gender="P", age="36-45", education="S1"),
    response("332433333", office="PS_KOTA", when=q4(7), gender="L"),
    response(
        "231433423",
        office="PS_KOTA",
        when=q4(8),
        suggestion="Ruang tunggu panas & sempit",
        gender="P",
        age="17-25",
    ),
]
SKCK_Q3 = [
    response("333333333", when=datetime(2026, 8, 1, 10, tzinfo=JAKARTA)),
    response("333333333", when=datetime(2026, 8, 2, 10, tzinfo=JAKARTA)),
]
SIM_Q4 = [
    response("444444444", unit="SIM", when=q4(2), gender="L"),
    response("444444444", unit="SIM", when=q4(9), suggestion="<b>Mantap</b>", gender="L"),
    response("444444444", unit="SIM", when=q4(12), gender="P"),
]
KNOWN = [*SKCK_Q4, *SKCK_Q3, *SIM_Q4]


async def seed(bot: BotHarness, rows: list[Response], prefix: str = "known") -> None:
    """Store responses as an import would."""
    await responses.insert_many(bot.db, [(r, f"{prefix}:{i}") for i, r in enumerate(rows)])


def invite_payload(text: str) -> str:
    """The `inv-...` payload in an invite message."""
    match = _INVITE.search(text)
    assert match, f"no invite link in {text!r}"
    return match[1]


async def register(bot: BotHarness, user_id: int, scope: str, name: str = "Sari") -> None:
    """The admin invites with `/undang <scope>`, and the officer opens the link."""
    await bot.send(ADMIN_ID, f"/undang {scope}")
    payload = invite_payload(bot.last(ADMIN_ID).text)
    await bot.send(user_id, f"/start {payload}", name=name)


class BlockingRequest(RecordingRequest):
    """The network where some chats blocked the bot: the Bot API answers them with 403."""

    def __init__(self, blocked: set[int]) -> None:
        super().__init__()
        self.blocked = blocked

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kw: Any
    ) -> tuple[int, bytes]:
        chat = request_data.parameters.get("chat_id") if request_data else None
        if url.endswith("/sendMessage") and chat is not None and int(chat) in self.blocked:
            error = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked"}
            return 403, json.dumps(error).encode()
        return await super().do_request(url, method, request_data, *args, **kw)


async def blocking_bot(tmp_path: Path, blocked: set[int], **settings: Any) -> BotHarness:
    """A started bot whose messages to the blocked chats fail."""
    harness = BotHarness(tmp_path, **settings)
    harness.request = BlockingRequest(blocked)
    return await harness.start()
