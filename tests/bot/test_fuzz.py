"""Fuzz: admins, officers and citizens, in private and group chats, never break the bot.

Arbitrary sequences of commands with arguments drawn from the officers' grammar (periods,
unit and office codes, HTML, long words, odd digits), typed and edited text, real presses,
presses on old messages and forged button data (the survey's and the officers' grammars,
mutated) go to the real Application. The offline Bot API refuses what Telegram refuses, so
"no error" also means no reply Telegram would have turned down. No update reaches the error
handler; groups never see an invite, a suggestion or the staff list; the database stays sound.

SKM_FUZZ_EXAMPLES raises the example count (e.g. 500 for a long run).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storage import officers, responses
from tests.bot.officer_helpers import JAKARTA, KNOWN, response
from tests.bot.test_officer_weekly import run_weekly
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import Shown, feed

EXAMPLES = int(os.environ.get("SKM_FUZZ_EXAMPLES", "100"))
NAME = "Zuliantoro"  # a citizen's name that must never reach the database
GROUP = -100777


@dataclass(frozen=True)
class Person:
    user_id: int
    lang: str
    scope: str | None = None  # an officer's invite scope: "SEMUA", "SKCK", "PS_KOTA"


ADMIN = Person(ADMIN_ID, "id")
OFFICERS = (
    Person(700001, "id", "SEMUA"),
    Person(700002, "id", "SKCK"),
    Person(700003, "en", "PS_KOTA"),
)
CITIZENS = (Person(611000111, "id"), Person(611000222, "en"))
PEOPLE = (ADMIN, *OFFICERS, *CITIZENS)
STAFF_NAMES = ("Petugas Satu", "Petugas Dua", "Petugas Tiga")
EXTRA_STAFF = 11  # more officers than one page of /petugas
SUGGESTIONS = [f"Saran rahasia nomor {n}" for n in range(7)]  # more than one page of /saran

# --- the officers' grammar ---


def pick(*choices: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """One of the strategies, each as likely (st.one_of leans to the simpler ones)."""
    return st.sampled_from(choices).flatmap(lambda chosen: chosen)


UNITS = ("SKCK", "SIM", "SPKT", "SATRESKRIM", "SATNARKOBA")
OFFICES = ("POLRES", "PS_KOTA")
periods = pick(
    st.sampled_from(
        [
            *("2026", "2026-Q4", "2026-q1", "2026-S2", "2026-11", "2026-2", "30d", "1d", "2000"),
            *("1999", "1900", "1900-Q1", "1900-01", "1900-S1", "0000", "2028", "9999-Q4"),
            *("99999d", "9999d", "0d", "2026-Q5", "2026-13", "2026-Q²", "²", "٢٠٢٦", "3\u0660d"),
        ]
    ),
    st.integers(0, 10**25).map(lambda n: f"{n}d"),
    st.integers(0, 99_999).map(str),
)
codes = st.sampled_from(
    [*UNITS, *OFFICES, "skck", "Ps_Kota", "SEMUA", "ALL", "*", "XYZ", "SKCK²", "A" * 25]
)
markup = st.sampled_from(
    ["<b>", "</i>", "<a href='x'>", "&", "&amp;", "&lt;", "<", "<<>>", "a&b", "<tg-spoiler>"]
)
long_words = pick(
    st.integers(41, 5000).map(lambda n: "x" * n), st.just("&" * 2000), st.just("<" * 1500)
)
odd_text = st.text(max_size=12).filter(lambda s: s.strip() and " " not in s)
arguments = st.lists(
    pick(periods, codes, codes, markup, long_words, odd_text, st.just("csv")), max_size=3
)
COMMANDS = (
    *("/ikm", "/saran", "/qr", "/ekspor", "/export", "/undang", "/invite", "/petugas"),
    *("/langganan", "/subscribe", "/berhenti", "/unsubscribe", "/bantuan", "/help"),
    *("/start", "/batal", "/nrp"),
)
officer_commands = st.builds(
    lambda name, at, args: " ".join([name + ("@skm_test_bot" if at else ""), *args]),
    st.sampled_from(COMMANDS),
    st.booleans(),
    arguments,
)
# What staff type on a good day: figures, charts, pages, files and the buttons under them.
usual_commands = st.sampled_from(
    [
        *("/ikm", "/ikm SKCK", "/ikm SKCK POLRES 2026-Q4", "/ikm 2026-Q4", "/ikm SIM 30d"),
        *("/saran", "/saran SKCK", "/saran 2026", "/petugas", "/undang SKCK", "/undang SEMUA"),
        *("/ekspor", "/ekspor SKCK 2026-Q4", "/ekspor csv", "/qr SKCK POLRES", "/qr SIM"),
        *("/langganan", "/berhenti", "/bantuan"),
        *("/tindaklanjut", "/tindaklanjut SKCK 2026-Q4", "/followup SIM", "31-12-2026"),
        *("/publikasi SKCK 2026-Q4", "/publikasi"),
        # Issue 13: the roster's invites and NRPs, the offices of /qr, a wrong code.
        *("/nrp 87050123", "/nrp 12", "/undang PASPOR", "/qr SKCK", "/qr SPKT"),
    ]
)
citizen_commands = st.sampled_from(
    [
        *("/start", "/start SKCK-POLRES", "/start SIM-PS_KOTA", "/start x", "/start " + "A" * 64),
        *("/batal", "/start inv-bogus", "/bantuan"),
        # Another desk mid-survey, an unknown code, commands nobody knows (issue 13).
        *("/start SPKT-PS_KOTA", "/start NOPE-POLRES", "/foo", "/foo@skm_test_bot", "/x@other"),
    ]
)
texts = pick(
    usual_commands,
    officer_commands,
    citizen_commands,
    citizen_commands,
    st.text(max_size=80),
    st.just("x" * 5000),
)

# --- forged button data: both codecs' grammars, then mutated ---


offsets = pick(
    st.integers(0, 40).map(str),
    st.integers(2**63, 10**25).map(str),  # past SQLite's integers
    st.sampled_from(["²", "٣", "0²", "-1", "", "0x1", " 5"]),  # str.isdigit() takes the first three
)
user_ids = pick(
    st.sampled_from([str(p.user_id) for p in PEOPLE]),
    st.integers(0, 10**25).map(str),
    st.sampled_from(["²", "-5", "abc", ""]),
)
fields = st.one_of(codes, st.just("*"), st.sampled_from(["", "²", "a:b", "SKCK|POLRES"]))
period_fields = st.one_of(periods, st.just("*"))
officer_data = pick(
    st.builds("off:sug:{}:{}:{}:{}".format, fields, fields, period_fields, offsets),
    st.builds("off:csv:{}:{}:{}".format, fields, fields, period_fields),
    st.builds("off:lst:{}".format, offsets),
    st.just("off:lst"),
    st.builds("off:{}:{}:{}".format, st.sampled_from(["rev", "rvk"]), user_ids, offsets),
    st.builds("off:{}:{}".format, st.sampled_from(["rev", "rvk", "zzz", "sug", "csv"]), user_ids),
    st.builds("off:rtl:ls:{}:{}:{}".format, fields, fields, period_fields),
    st.builds("off:rtl:add:{}:{}:{}".format, fields, fields, period_fields),
    st.builds(
        "off:rtl:{}:{}:{}".format,
        st.sampled_from(["el", "due", "st", "x", "v", "set", "ed", "del", "dely"]),
        offsets,
        st.sampled_from(["U1", "U9", "U0", "7", "30", "r", "b", "s", "a", "p", "d", "", "²"]),
    ),
    st.builds(
        "off:{}:{}:{}".format,
        st.sampled_from(["inv", "ivc"]),
        pick(st.text("0123456789abcdef", min_size=16, max_size=16), st.text(max_size=17)),
        offsets,
    ),
    st.builds("off:qr:{}:{}".format, fields, fields),
)
survey_data = st.one_of(
    st.builds(
        "s|{}|{}|{}|{}".format,
        st.text(max_size=12),
        st.sampled_from(["gender", "age", "u1", "u9", "suggestion", "confirm", "x"]),
        st.sampled_from([*"gcbkyl", "", "zz"]),
        st.sampled_from(["1", "4", "5", "en", "id", "L", "", "²"]),
    ),
    st.builds("sp|{}|{}|{}".format, st.sampled_from(["id", "en", "xx"]), fields, fields),
    st.builds("sw|{}|{}|{}".format, st.text(max_size=12), fields, fields),
    st.builds("sw|{}".format, st.text(max_size=12)),
)
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["cut", "insert", "replace", "double"]),
        st.integers(0, 80),
        st.sampled_from([*"²٣:|*9-0aZ_ ", "999999999999"]),
    ),
    max_size=3,
)


def mutate(data: str, ops: list[tuple[str, int, str]]) -> str:
    """Cut, insert, replace or repeat at a position: near-valid data a forger would try."""
    for op, at, piece in ops:
        at = at % (len(data) + 1)
        if op == "cut":
            data = data[:at]
        elif op == "insert":
            data = data[:at] + piece + data[at:]
        elif op == "replace":
            data = data[:at] + piece + data[at + 1 :]
        else:
            data = data[:at] + data[at:] + data[at:]
    return data


forged = pick(
    officer_data,
    st.builds(mutate, officer_data, MUTATIONS),
    survey_data,
    st.builds(mutate, survey_data, MUTATIONS),
    st.text(max_size=64),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
)

# --- what people do ---

people = st.sampled_from((ADMIN, *PEOPLE))  # staff twice as often as citizens
chats = st.sampled_from(["private", "private", "group"])
actions = st.lists(
    st.one_of(
        st.tuples(st.just("text"), people, chats, texts),
        st.tuples(st.just("button"), people, chats, st.integers(0, 20)),
        st.tuples(st.just("forged"), people, chats, forged),
        st.tuples(st.just("forged"), people, chats, officer_data),
        st.tuples(st.just("mutated"), people, chats, st.tuples(st.integers(0, 20), MUTATIONS)),
        st.tuples(st.just("old"), people, chats, st.integers(0, 5)),
        st.tuples(st.just("edited"), people, chats, texts),
        st.tuples(st.just("weekly"), st.just(ADMIN), st.just("group"), st.none()),
    ),
    min_size=10,
    max_size=40,
)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def _cast(harness: BotHarness) -> None:
    """The staff (three officers with different scopes, and more for a second roster page)
    and known responses with suggestions, straight into the database."""
    db, now = harness.db, datetime.now(JAKARTA)
    staff = [(p, name) for p, name in zip(OFFICERS, STAFF_NAMES, strict=True)]
    extra = [(Person(800000 + n, "id", "SIM"), f"Petugas Cadangan {n}") for n in range(EXTRA_STAFF)]
    for person, name in [*staff, *extra]:
        unit = None if person.scope in ("SEMUA", "PS_KOTA") else person.scope
        office = "PS_KOTA" if person.scope == "PS_KOTA" else None
        token = f"fuzz-{person.user_id}"
        await officers.create_invite(db, token, unit, office, ADMIN_ID, now, now.replace(year=2100))
        await officers.redeem_invite(db, token, person.user_id, name, person.lang, now)
    written = [response("333344443", when=now, suggestion=text) for text in SUGGESTIONS]
    await responses.insert_many(db, [(r, f"fuzz:{i}") for i, r in enumerate([*KNOWN, *written])])
    # Every chat starts with a message of the bot's, so presses have something to land on.
    for person in PEOPLE:
        await harness.send(person.user_id, "/bantuan")
    await harness.send(ADMIN_ID, "/bantuan", chat_id=GROUP, chat_type="group")


def _chat(person: Person, chat: str) -> int:
    return person.user_id if chat == "private" else GROUP


def _buttons(shown: Shown) -> list[str]:
    return [str(b["callback_data"]) for row in shown.buttons for b in row if "callback_data" in b]


async def _step(harness: BotHarness, kind: str, person: Person, chat: str, arg: Any) -> None:
    assert harness.app is not None
    chat_id = _chat(person, chat)
    chat_type = "private" if chat_id > 0 else "group"
    shown = harness.request.messages(chat_id)

    async def press(target: Shown, data: str) -> None:
        raw = harness.updates.press(person.user_id, target, data, name=NAME, lang=person.lang)
        await feed(harness.app, raw)

    if kind == "text":
        raw = harness.updates.text(
            person.user_id, arg, chat_id=chat_id, chat_type=chat_type, name=NAME, lang=person.lang
        )
        await feed(harness.app, raw)
    elif kind == "edited":
        raw = harness.updates.text(person.user_id, arg, chat_id=chat_id, chat_type=chat_type)
        raw["edited_message"] = raw.pop("message")
        raw["edited_message"]["edit_date"] = raw["edited_message"]["date"]
        await feed(harness.app, raw)
    elif kind == "weekly":
        await run_weekly(harness)
    elif not shown:
        return
    elif kind == "button" and (data := _buttons(shown[-1])):
        await press(shown[-1], data[arg % len(data)])
    elif kind == "mutated" and (data := _buttons(shown[-1])):
        index, ops = arg
        await press(shown[-1], mutate(data[index % len(data)], ops))
    elif kind == "old":
        old = shown[max(0, len(shown) - 1 - arg)]
        if data := _buttons(old):
            await press(old, data[0])
    elif kind == "forged":
        await press(shown[-1], arg)


async def _play(tmp: Path, steps: list[tuple[str, Person, str, Any]]) -> BotHarness:
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    harness = await BotHarness(tmp).start()
    try:
        await _cast(harness)
        for step in steps:
            await _step(harness, *step)
    finally:
        await harness.stop()
        logging.getLogger().removeHandler(errors)
    assert not errors.records, [
        (r.getMessage(), r.exc_info and r.exc_info[1]) for r in errors.records
    ]
    return harness


def _check_telegram(harness: BotHarness) -> None:
    refused = [
        (call.method, problem)
        for call, problem in harness.request.refused
        if "not modified" not in problem  # a repeated press: the bot lets Telegram say so
    ]
    assert not refused, refused
    in_group = "\n".join(m.text for m in harness.request.messages(GROUP))
    assert "inv-" not in in_group
    for secret in (*SUGGESTIONS, *STAFF_NAMES, "Antrean terlalu lama"):
        assert secret not in in_group


def _check_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        cols = ", ".join(f"u{i}" for i in range(1, 10))
        for row in conn.execute(f"SELECT {cols} FROM responses"):
            assert all(v in (1, 2, 3, 4) for v in row), row
    blob = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for citizen in CITIZENS:
        assert str(citizen.user_id).encode() not in blob
    assert NAME.encode() not in blob


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(actions)
# What the review of issue 9 found, always tried first: forged officer buttons, group leaks,
# periods before 2000 and words Telegram would refuse to see echoed.
@example(
    [
        ("text", ADMIN, "private", "/saran"),
        ("forged", ADMIN, "private", "off:sug:*:*:*:²"),
        ("forged", ADMIN, "private", "off:sug:*:*:*:" + "9" * 23),
        ("text", ADMIN, "private", "/petugas"),
        ("forged", ADMIN, "private", "off:lst:²"),
        ("forged", ADMIN, "private", "off:rvk:1:²"),
        ("forged", OFFICERS[0], "private", "off:csv:" + "²" * 20),
        ("text", OFFICERS[1], "private", "/ikm 1900-Q1"),
        ("text", OFFICERS[2], "private", "/ikm <b>"),
        ("text", ADMIN, "group", "/undang SKCK"),
        ("text", ADMIN, "group", "/petugas"),
        ("text", OFFICERS[0], "group", "/saran"),
    ]
)
def test_arbitrary_updates_never_break_the_bot(steps: list[tuple[str, Person, str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        harness = asyncio.run(_play(Path(tmp), steps))
        _check_telegram(harness)
        _check_database(Path(tmp) / "skm.db")
