"""Resident memory with many surveys in progress (run in its own process by `python -m bench`).

A fresh process, so that what the other benchmarks allocated does not hide or inflate it.
Prints one JSON object: the RSS before, after each quarter of them, and how many are open.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
from itertools import islice
from pathlib import Path
from typing import Any

from bench.apps import real_application, running
from bench.citizens import MID_SURVEY, drive, people
from bench.offline import OfflineBotApi
from service.directory import load_directory
from storage import surveys

WARM_UP = 200


def rss_mb() -> float:
    """This process's resident set size (VmRSS), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (this needs Linux)")


async def open_surveys(db_path: Path, count: int) -> dict[str, Any]:
    """Drive `count` citizens to mid-survey through the real Application; RSS along the way."""
    api = OfflineBotApi()
    directory = load_directory(None)
    steps: list[float] = []
    async with running(real_application(db_path, api)) as app:
        # Whole surveys first, so that every code path has run once before measuring.
        await drive(app, api, people(directory, 1, WARM_UP, seed=1))
        gc.collect()
        before = rss_mb()
        crowd = people(directory, 10_000_000, count, seed=2)
        quarter = max(1, count // 4)
        for _ in range(0, count, quarter):
            await drive(app, api, islice(crowd, quarter), limit=MID_SURVEY)
            gc.collect()
            steps.append(rss_mb())
        still_open = await surveys.count_open(app.bot_data.database)
    return {"rss_before_mb": before, "rss_steps_mb": steps, "open": still_open}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory")
    parser.add_argument("--open", type=int, default=10_000, help="surveys to leave in progress")
    parser.add_argument("--db", type=Path, required=True, help="a SQLite file to create")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(open_surveys(args.db, args.open))))


if __name__ == "__main__":
    main()
