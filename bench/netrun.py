"""The network model: citizens at human pace and two officers, against the bot a network away.

The real Application runs in-process as `run_polling` runs it, with the composition root's
own rate limiter (Telegram's limits on); its Bot API (bench.network) answers every call
after a round-trip delay. Seats of citizens take the survey, each pressing what the bot
last showed them a few seconds after seeing it; whoever finishes gives the seat to a new
citizen. In the middle one officer asks /ekspor over a year of responses and another
pages /saran.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import chain
from pathlib import Path

from telegram.constants import FloodLimit

from bench import data
from bench.apps import network_application, polling, real_application, running
from bench.citizens import WHOLE_SURVEY, Citizen, drive, next_update, people
from bench.network import NetworkBotApi
from bench.offline import OfflineBotApi
from bench.updates import Raw, UpdateMaker
from service.directory import load_directory

EXPORTER, READER = 900101, 900102  # the two officers (admins: every unit)
COUNTED = 20  # whole surveys whose Bot API calls are counted, for Telegram's bound


@dataclass(frozen=True)
class Plan:
    """What the network run does."""

    delay_ms: float = 100.0
    citizens: int = 200
    think_s: tuple[float, float] = (5.0, 12.0)
    seconds: float = 60.0
    export_rows: int = 100_000
    saran_pages: int = 6
    seed: int = 11

    @property
    def grace_s(self) -> float:
        """After the last press, how long the run waits for the answers still due."""
        return min(10.0, self.seconds / 2)

    @property
    def warm_s(self) -> float:
        """The start, not counted: every seat's first /start arrives in it, and settles."""
        return min(self.seconds / 4, self.think_s[1] + 3)


@dataclass
class Log:
    """What the run saw, in seconds since it started."""

    # (press, new screen shown); a press still unanswered at the end counts as answered
    # then, a lower bound, so that a bot that falls behind cannot hide its slowest answers.
    presses: list[tuple[float, float]] = field(default_factory=list)
    unanswered: int = 0
    export: tuple[float, float] | None = None  # /ekspor sent, the document shown (or the end)
    export_done: bool = False
    saran_ms: list[float] = field(default_factory=list)  # /saran and each page turn answered
    end: float = 0.0


@dataclass(frozen=True)
class NetResults:
    """The network run's figures."""

    plan: Plan
    log: Log
    calls_per_update: float  # Bot API calls naming a chat, per update of a whole survey

    @property
    def updates_per_s(self) -> float:
        """Citizens' updates answered a second (their new screen shown), after the warm-up."""
        warm, end = self.plan.warm_s, self.plan.seconds
        shown = [t1 for _, t1 in self.log.presses if warm <= t1 <= end]
        return len(shown) / (end - warm)

    def percentile_ms(self, p: int, during_export: bool = False) -> float:
        """A percentile of press to new screen, of presses after the warm-up (or in the export)."""
        start, end = (self.plan.warm_s, self.log.end)
        if during_export and self.log.export is not None:
            start, end = self.log.export
        waited = [(t1 - t0) * 1000 for t0, t1 in self.log.presses if start <= t0 <= end]
        return _percentile(waited, p)

    @property
    def limiter_updates_per_s(self) -> float:
        """What Telegram's limits alone would allow this workload.

        AIORateLimiter() with its defaults (telegram/ext/_aioratelimiter.py, PTB 22): every
        request naming a chat_id passes one AsyncLimiter of overall_max_rate =
        FloodLimit.MESSAGES_PER_SECOND (30) per 1 s, a leaky bucket (30 at once, then 30 a
        second); a group or channel (negative chat_id or @name) also passes a limiter of
        20 a minute of its own; requests without chat_id (answerCallbackQuery, getUpdates)
        are not limited; a private chat has no limit of its own. Citizens' chats are
        private, so the bound is 30 / (calls naming a chat per update), counted on whole
        surveys through the bot offline.
        And the citizens cannot press faster than they think: each press waits for the new
        screen, at best one round trip (the update's way in, the edit's way out), then
        thinks, so at most seats / (mean think + delay) updates a second are offered.
        """
        return min(self.telegram_updates_per_s, self.offered_updates_per_s)

    @property
    def telegram_updates_per_s(self) -> float:
        """Updates a second that AIORateLimiter's 30 calls a second leave room for."""
        return FloodLimit.MESSAGES_PER_SECOND / self.calls_per_update

    @property
    def offered_updates_per_s(self) -> float:
        """The most updates a second the citizens send, were every answer one round trip."""
        low, high = self.plan.think_s
        return self.plan.citizens / ((low + high) / 2 + self.plan.delay_ms / 1000)

    @property
    def export_s(self) -> float | None:
        """Seconds from /ekspor to the document; None if it had not come by the end."""
        export = self.log.export
        return export[1] - export[0] if export and self.log.export_done else None


def _percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


class _Run:
    """One network run: the clock, the Bot API, and the people acting on it."""

    def __init__(self, plan: Plan, api: NetworkBotApi, midway: list[Citizen]) -> None:
        self.plan, self.api = plan, api
        self.log = Log()
        self.maker = UpdateMaker()
        self.started = time.perf_counter()
        fresh = people(load_directory(None), 10**7, 10**8, plan.seed)
        self.crowd: Iterator[Citizen] = chain(midway, fresh)
        self.waiting: dict[int, float] = {}  # chat id -> when its unanswered press was made

    def now(self) -> float:
        return time.perf_counter() - self.started

    def open(self) -> bool:
        """Whether people still act (until the run's duration is up)."""
        return self.now() < self.plan.seconds

    async def until(self, moment: float) -> None:
        await asyncio.sleep(max(0.0, moment - self.now()))

    async def act(self, chat_id: int, raw: Raw, what: Callable[[], object]) -> float:
        """Send an update and wait until `what()` changes; when the chat changed, in run time."""
        shown = what()
        self.waiting[chat_id] = self.now()
        self.api.deliver(raw)
        while what() == shown:
            await self.api.change(chat_id)
        del self.waiting[chat_id]
        return self.api.changed_at[chat_id] - self.started

    async def think(self, rng: random.Random) -> bool:
        """A person's pause before the next press; False once the run's time is up."""
        left = self.plan.seconds - self.now()
        await asyncio.sleep(max(0.0, min(rng.uniform(*self.plan.think_s), left)))
        return self.open()

    async def seat(self, number: int) -> None:
        """One seat: citizen after citizen taking the whole survey at human pace."""
        rng = random.Random(self.plan.seed * 1_000 + number)
        await asyncio.sleep(rng.uniform(0, self.plan.think_s[1]))  # people arrive spread out
        for citizen in self.crowd:
            uid = citizen.user_id
            while raw := next_update(citizen, self.api, self.maker, rng):
                pressed = self.now()
                citizen.sent += 1
                seen = await self.act(uid, raw, partial(self.api.keyboards.get, uid))
                self.log.presses.append((pressed, seen))
                if not await self.think(rng):
                    return
            self.api.forget(uid)

    async def exporter(self, at: float, year: int) -> None:
        """An officer asks for last year's workbook, every unit, and waits for it."""
        await self.until(at)
        counted = (EXPORTER, "sendDocument")
        sent = self.now()
        self.log.export = (sent, sent)
        raw = self.maker.text(EXPORTER, f"/ekspor {year}")
        self.log.export = (sent, await self.act(EXPORTER, raw, lambda: self.api.shown[counted]))
        self.log.export_done = True

    async def reader(self, at: float) -> None:
        """Another officer reads /saran and turns its pages back, at human pace."""
        rng = random.Random(self.plan.seed)
        await self.until(at)
        raw, counted = self.maker.text(READER, "/saran"), (READER, "sendMessage")
        for _ in range(self.plan.saran_pages + 1):
            sent = self.now()
            seen = await self.act(READER, raw, partial(self.api.shown.__getitem__, counted))
            self.log.saran_ms.append((seen - sent) * 1000)
            if not await self.think(rng) or READER not in self.api.keyboards:
                return  # the time is up, or every suggestion fits on one page
            message_id, buttons = self.api.keyboards[READER]
            older = max(buttons, key=lambda d: int(d.rsplit(":", 1)[1]))
            raw, counted = self.maker.press(READER, message_id, older), (READER, "editMessageText")

    def close(self) -> None:
        """The end: presses still unanswered count as answered now, the export as ending now."""
        self.log.end = self.now()
        for chat_id, pressed in self.waiting.items():
            if chat_id not in (EXPORTER, READER):
                self.log.presses.append((pressed, self.log.end))
                self.log.unanswered += 1
        if self.log.export is not None and not self.log.export_done:
            self.log.export = (self.log.export[0], self.log.end)


async def _midway(db_path: Path, plan: Plan) -> tuple[list[Citizen], float]:
    """A citizen for every seat, each some way into the survey already (none to all but one
    step), so that within a minute's run citizens also reach the suggestion and submit;
    and the calls naming a chat that a whole survey makes per update.

    They get there offline, through the bot with the offline Bot API, on the same database;
    in the run each first sends their QR code's /start again, and the bot resumes them.
    """
    rng = random.Random(plan.seed)
    api = OfflineBotApi()
    directory = load_directory(None)
    crowd = list(people(directory, 2 * 10**8, plan.citizens, plan.seed + 1))
    async with running(real_application(db_path, api)) as app:
        api.limited_calls = 0  # the start's calls (the command menus) are not the survey's
        whole = await drive(app, api, people(directory, 3 * 10**8, COUNTED, plan.seed + 2))
        per_update = api.limited_calls / len(whole)
        for citizen in crowd:
            if done := rng.randrange(WHOLE_SURVEY):
                await drive(app, api, iter([citizen]), limit=done)
    for citizen in crowd:
        citizen.sent = 0
    return crowd, per_update


async def _run(db_path: Path, plan: Plan, year: int) -> NetResults:
    midway, per_update = await _midway(db_path, plan)
    api = NetworkBotApi(plan.delay_ms / 1000)
    async with polling(network_application(db_path, api, [EXPORTER, READER])) as app:
        run = _Run(plan, api, midway)
        middle = plan.warm_s + (plan.seconds - plan.warm_s) / 3
        actors = [asyncio.create_task(run.seat(n)) for n in range(plan.citizens)]
        actors += [
            asyncio.create_task(run.exporter(middle, year)),
            asyncio.create_task(run.reader(middle + 1)),
        ]
        await run.until(plan.seconds)
        await asyncio.wait(actors, timeout=plan.grace_s)
        run.close()
        for actor in actors:
            actor.cancel()
        for outcome in await asyncio.gather(*actors, return_exceptions=True):
            if isinstance(outcome, Exception):
                raise outcome
        # Stopping processes whatever is queued first; a bot that fell behind would work
        # through its backlog for nobody, so the backlog is dropped.
        while not app.update_queue.empty():
            app.update_queue.get_nowait()
            app.update_queue.task_done()  # stop() joins the queue
    return NetResults(plan, run.log, per_update)


def measure(work: Path, plan: Plan, now: datetime) -> NetResults:
    """Generate last year's responses for the export, then run the crowd against the bot."""
    db_path = work / "network.db"
    new_year = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    # A year of responses, all before this year began: the citizens' own go to this year,
    # so the export of last year stays at exactly what was generated.
    data.generate(db_path, plan.export_rows, new_year, years=1)
    return asyncio.run(_run(db_path, plan, new_year.year - 1))
