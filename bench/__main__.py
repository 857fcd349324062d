"""python -m bench: throughput offline and a network away, /ikm, and memory, in one run."""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench import data, netrun, queries, versus
from bench.apps import ceiling_application, real_application, running
from bench.citizens import WHOLE_SURVEY, drive, people
from bench.netrun import Plan
from bench.offline import OfflineBotApi
from bench.report import Results, Throughput, json_line, table
from bench.updates import Raw, Timing, feed
from service.config import Settings
from service.directory import load_directory
from skm.period import current_quarter
from storage import responses, surveys
from storage.database import is_postgres
from storage.responses import Filter

BLOCK = 100  # citizens fed to one Application before the other takes its turn
WARM_UP = 20


async def survey_and_ceiling(db_path: str | Path, citizens: int) -> tuple[Throughput, Throughput]:
    """Whole surveys through the real Application, the same updates through the bare one.

    The two take turns, a block of citizens at a time, so that both see the same machine
    (another process starting, the CPU clocking down) and the ratio stays fair.
    """
    real_api = OfflineBotApi()
    directory = load_directory(None)
    survey: list[Timing] = []
    ceiling: list[Timing] = []
    async with (
        running(real_application(db_path, real_api)) as app,
        running(ceiling_application(OfflineBotApi())) as bare,
    ):
        # A first few, not counted: imports, caches and the first statements warm up.
        warm: list[Raw] = []
        await drive(app, real_api, people(directory, 900_000_000, WARM_UP, seed=0), stream=warm)
        for raw in warm:
            await feed(bare, raw)
        crowd = people(directory, 1, citizens, seed=1)
        for _ in range(0, citizens, BLOCK):
            stream: list[Raw] = []
            survey += await drive(app, real_api, islice(crowd, BLOCK), stream=stream)
            ceiling += [await feed(bare, raw) for raw in stream]
        db = app.bot_data.database
        stored = (await responses.totals(db, Filter())).respondents - WARM_UP
        still_open = await surveys.count_open(db)
    if stored != citizens or still_open or len(survey) != citizens * WHOLE_SURVEY:
        raise RuntimeError(
            f"{citizens} citizens stored {stored} responses in {len(survey)} updates,"
            f" leaving {still_open} open"
        )
    return Throughput(survey), Throughput(ceiling)


def memory(db_path: Path, count: int) -> dict[str, Any]:
    """The memory benchmark, in a process of its own."""
    command = [sys.executable, "-m", "bench.memory", "--open", str(count), "--db", str(db_path)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--citizens", type=int, default=2_000, help="whole surveys to feed")
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses to generate")
    parser.add_argument("--open", type=int, default=10_000, help="surveys left in progress")
    parser.add_argument("--repeats", type=int, default=7, help="runs of each query timing")
    parser.add_argument(
        "--net-delay-ms", type=float, default=100.0, help="the Bot API's round trip (network run)"
    )
    parser.add_argument(
        "--net-citizens", type=int, default=200, help="citizens at a time (network run)"
    )
    parser.add_argument(
        "--net-think",
        type=float,
        nargs=2,
        default=(5.0, 12.0),
        metavar=("LOW", "HIGH"),
        help="seconds a citizen takes before each press, drawn between LOW and HIGH",
    )
    parser.add_argument(
        "--net-seconds", type=float, default=60.0, help="how long people act (network run)"
    )
    parser.add_argument(
        "--net-rows", type=int, default=100_000, help="responses in the officer's /ekspor"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 200 citizens, 100k rows, 1k open; online 50 citizens for 6 s",
    )
    parser.add_argument(
        "--db",
        help="a postgresql:// URL: the offline, /ikm and multi-process figures on SQLite and "
        "on PostgreSQL, side by side (each in a schema of its own, dropped after)",
    )
    args = parser.parse_args()
    if args.quick:
        args.citizens, args.rows, args.open, args.repeats = 200, 100_000, 1_000, 3
        args.net_citizens, args.net_seconds, args.net_rows = 50, 6.0, 5_000
        args.net_think = (1.0, 3.0)  # brisk, so that a few citizens load the bot at all

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    now = datetime.now(ZoneInfo(settings.skm_timezone))
    if args.db:
        if not is_postgres(args.db):
            parser.error("--db takes a postgresql:// URL (SQLite is measured without it)")
        with tempfile.TemporaryDirectory(prefix="skm-bench-") as tmp:
            versus.run(args.db, Path(tmp), args.citizens, args.rows, args.repeats, now)
        return
    with tempfile.TemporaryDirectory(prefix="skm-bench-") as tmp:
        work = Path(tmp)
        print(f"Feeding {args.citizens:,} surveys, taking turns with the ceiling", file=sys.stderr)
        survey, ceiling = asyncio.run(survey_and_ceiling(work / "survey.db", args.citizens))

        print(f"Generating {args.rows:,} responses", file=sys.stderr)
        started = time.perf_counter()
        data.generate(work / "big.db", args.rows, now)
        generate_s = time.perf_counter() - started
        times = asyncio.run(
            queries.measure(
                work / "big.db",
                load_directory(None),
                "SKCK",
                current_quarter(now),
                settings.weighting,
                args.repeats,
            )
        )

        plan = Plan(
            delay_ms=args.net_delay_ms,
            citizens=args.net_citizens,
            think_s=(min(args.net_think), max(args.net_think)),
            seconds=args.net_seconds,
            export_rows=args.net_rows,
        )
        print(
            f"Network: {plan.citizens} citizens for {plan.seconds:g} s,"
            f" {plan.delay_ms:g} ms a call",
            file=sys.stderr,
        )
        network = netrun.measure(work, plan, now)

        print(f"Leaving {args.open:,} surveys open in a fresh process", file=sys.stderr)
        rss = memory(work / "memory.db", args.open)

    results = Results(
        citizens=args.citizens,
        survey=survey,
        ceiling=ceiling,
        rows=args.rows,
        generate_s=generate_s,
        queries=times,
        open_surveys=int(rss["open"]),
        rss_before_mb=rss["rss_before_mb"],
        rss_steps_mb=rss["rss_steps_mb"],
        network=network,
    )
    print(table(results))
    print(json_line(results))


if __name__ == "__main__":
    main()
