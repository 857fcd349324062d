"""Two `skm-bot run` processes in webhook mode on one PostgreSQL database, behind one proxy.

The fake Bot API posts every update to one URL, a round-robin proxy in front of the two
processes (as nginx would be), which hands each post to the next process in turn and to
the other one when a process does not answer. Hundreds of citizens answer the survey
meanwhile; one process is killed with SIGKILL and started again. A citizen who sees
nothing happen after a press (it went down with the killed process) scans the QR code
again and carries on from the step the bot shows. Then:

* every thanked citizen is stored exactly once, nobody more than once;
* the weekly summary, due while they answer, reaches its subscriber once.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from bot.survey import render
from bot.survey.callbacks import Action
from service.deeplink import survey_payload
from service.directory import load_directory
from service.i18n import t
from service.privacy import pseudonym
from skm.flow import STEPS, Kind
from tests.e2e.bot_process import SECRET, BotProcess
from tests.e2e.citizen import read
from tests.e2e.fake_telegram import FakeTelegram, Message
from tests.e2e.test_webhook import WEBHOOK_SECRET, free_port, listening
from tests.support.postgres import fresh_schema_sync

CITIZENS = int(os.environ.get("SKM_TWO_CITIZENS", "200"))
FIRST_ID = 5_560_000_000
ADMIN = 5_569_999_999
LOST_AFTER = 5.0  # seconds after a bot took an update unanswered: lost, scan the QR again
UNIT, OFFICE = "SKCK", "POLRES"
JAKARTA = ZoneInfo("Asia/Jakarta")


class RoundRobin(ThreadingHTTPServer):
    """A reverse proxy: each post to the next backend, to the other if that one is down."""

    daemon_threads = True

    def __init__(self, backends: list[int]) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.backends = backends
        self.turn = count()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _ProxyHandler(BaseHTTPRequestHandler):
    server: RoundRobin

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        first = next(self.server.turn)
        for i in range(len(self.server.backends)):
            port = self.server.backends[(first + i) % len(self.server.backends)]
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{self.path}", data=body, method="POST"
            )
            for name in ("Content-Type", "X-Telegram-Bot-Api-Secret-Token"):
                if self.headers.get(name):
                    request.add_header(name, self.headers[name])
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    status, data = answer.status, answer.read()
            except urllib.error.HTTPError as exc:
                status, data = exc.code, exc.read()
            except OSError:
                continue  # that process is down: the next one (nginx's proxy_next_upstream)
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_response(502)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass
class Walker:
    """A citizen who presses the first choice on every question and skips the suggestion."""

    api: FakeTelegram
    uid: int
    ready_at: float
    done: bool = False
    thanked: bool = False
    actions: int = 0
    rescans: int = 0
    waiting: tuple[int, int, str, str | None] | None = None  # update, sent, text, query
    thanks: frozenset[str] = field(default_factory=frozenset)

    def tick(self, now: float) -> None:
        if self.done or now < self.ready_at:
            return
        if self.waiting is not None:
            update, sent, text, query = self.waiting
            answered = query is not None and self.api.answer(query) is not None
            taken = self.api.taken_at.get(update)
            if self.api.sent_to(self.uid) > sent or answered or self._screen_text() != text:
                self.waiting = None
                if query is not None and self.api.answer(query) in STALE:
                    self._scan()  # a press on an old screen: have the bot show where it is
            elif taken is not None and now - taken > LOST_AFTER:  # lost with a killed process
                self.rescans += 1
                self._scan()
            return
        self._act()

    def _screen_text(self) -> str:
        return self.api.last(self.uid).text if self.api.sent_to(self.uid) else ""

    def _scan(self) -> None:
        self._send(lambda: (self.api.send_text(self.uid, f"/start {PAYLOAD}"), None))

    def _send(self, action: object) -> None:
        self.actions += 1
        if self.actions > 10 * len(STEPS):
            raise AssertionError(f"citizen {self.uid} got nowhere: {self._screen_text()!r}")
        sent, text = self.api.sent_to(self.uid), self._screen_text()
        update, query = action()  # type: ignore[operator]
        self.waiting = (update, sent, text, query)

    def _act(self) -> None:
        if any(text in self.thanks for text in self.api.texts(self.uid)):
            self.done = self.thanked = True
            return
        if not self.api.sent_to(self.uid):
            self._scan()
            return
        screen = self.api.last(self.uid)
        view = read(screen)
        if view is None:  # e.g. told it already answered today: its submit went through
            self.done = True
            return
        kind = STEPS[view.step].kind
        if kind in (Kind.PROFILE, Kind.ELEMENT):
            value = STEPS[view.step].choices()[0]
            self._press(screen, view.buttons[(Action.CHOOSE, value)])
        elif kind is Kind.WELCOME:
            self._press(screen, view.buttons[(Action.START, "")])
        elif kind is Kind.SUGGESTION:
            self._press(screen, view.buttons[(Action.SKIP, "")])
        else:
            self._press(screen, view.buttons[(Action.CONFIRM, "")])

    def _press(self, screen: Message, data: str) -> None:
        self._send(lambda: self.api.send_press(self.uid, screen, data))


PAYLOAD = survey_payload(UNIT, OFFICE)
STALE = frozenset(t(lang, "survey.notice.stale") for lang in ("id", "en"))
SUMMARY = t("id", "officer.weekly_title")


@pytest.fixture
def database() -> Iterator[str]:
    with fresh_schema_sync() as url:
        yield url


def _bot(
    api: FakeTelegram, workdir: Path, url: str, port: int, public: str, due: datetime
) -> BotProcess:
    workdir.mkdir()
    bot = BotProcess(api, workdir)
    bot.env.update(
        SKM_DATABASE=url,
        SKM_WEBHOOK_URL=public,
        SKM_WEBHOOK_LISTEN="127.0.0.1",
        SKM_WEBHOOK_PORT=str(port),
        SKM_WEBHOOK_SECRET=WEBHOOK_SECRET,
        SKM_ADMIN_IDS=str(ADMIN),
        SKM_DAILY_LIMIT="1",
        # The weekly summary falls due while the citizens answer.
        SKM_WEEKLY_DAY=("mon", "tue", "wed", "thu", "fri", "sat", "sun")[due.weekday()],
        SKM_WEEKLY_TIME=due.strftime("%H:%M:%S"),
    )
    return bot


def _start(api: FakeTelegram, bot: BotProcess, port: int) -> None:
    bot.spawn()
    proc = bot.proc
    assert proc is not None
    api.wait_for("a bot process to listen", lambda: proc.poll() is not None or listening(port), 60)
    assert proc.poll() is None, f"the bot exited on its own:\n{bot.log()[-3000:]}"


def _stored(url: str) -> list[str]:
    """The pseudonyms of every stored response."""

    async def fetch() -> list[str]:
        conn = await asyncpg.connect(url)
        try:
            return [str(r[0]) for r in await conn.fetch("SELECT respondent FROM responses")]
        finally:
            await conn.close()

    return asyncio.run(fetch())


def test_two_processes_store_each_thanked_citizen_once_and_send_the_summary_once(
    api: FakeTelegram, tmp_path: Path, database: str
) -> None:
    ports = [free_port(), free_port()]
    proxy = RoundRobin(ports)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    public = f"http://127.0.0.1:{proxy.port}/telegram/skm"
    due = datetime.now(JAKARTA) + timedelta(seconds=45)
    bots = [_bot(api, tmp_path / f"p{i}", database, ports[i], public, due) for i in range(2)]
    where = render.place(load_directory(None), UNIT, OFFICE, "id")
    thanks = frozenset([t("id", "survey.thanks", unit=where.phrase, office=where.office)])
    try:
        for bot, port in zip(bots, ports, strict=True):
            _start(api, bot, port)
        api.type(ADMIN, "/langganan")  # the admin's chat gets the weekly summary
        start = time.monotonic()
        walkers = [
            Walker(api, FIRST_ID + i, start + i * 0.05, thanks=thanks) for i in range(CITIZENS)
        ]
        killed = restarted = False
        seen = api.changes
        while not all(w.done for w in walkers):
            now = time.monotonic()
            for walker in walkers:
                walker.tick(now)
            busy = sum(w.actions for w in walkers)
            if not killed and busy > CITIZENS * len(STEPS) // 3:
                bots[1].kill()
                killed, killed_at = True, now
            if killed and not restarted and now - killed_at > 1:
                _start(api, bots[1], ports[1])
                restarted = True
            if now - start > 600:
                raise AssertionError(f"{sum(not w.done for w in walkers)} citizens still going")
            seen = api.wait_change(seen, 0.02)
        api.wait_for(
            "the weekly summary",
            lambda: any(text.startswith(SUMMARY) for text in api.texts(ADMIN)),
            timeout=90,
        )
        time.sleep(2)  # the other process's run is due at the same time: give it a chance
    finally:
        for bot in bots:
            bot.stop()
        proxy.shutdown()

    assert killed and restarted
    stored = Counter(_stored(database))
    assert all(n == 1 for n in stored.values()), stored.most_common(3)
    thanked = [w for w in walkers if w.thanked]
    for walker in thanked:
        assert stored[pseudonym(SECRET.encode(), walker.uid)] == 1
    assert len(thanked) >= CITIZENS * 9 // 10, f"only {len(thanked)} thanked"
    assert sum(text.startswith(SUMMARY) for text in api.texts(ADMIN)) == 1
    for bot in bots:
        assert "Unhandled error" not in bot.log()
    print(
        f"\n{CITIZENS} citizens, {len(thanked)} thanked, {len(stored)} stored, "
        f"{sum(w.rescans for w in walkers)} rescans, {sum(w.actions for w in walkers)} actions"
    )
