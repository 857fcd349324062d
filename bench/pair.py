"""One bot process of a multi-process run: `python -m bench.pair --db URL --first-id N`.

It builds the real Application on the shared database with the offline Bot API, warms
up, says "ready", waits for "go" on its input, feeds its own citizens' whole surveys, and
prints one JSON line: the updates it fed and the seconds they took.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

from bench.apps import real_application, running
from bench.citizens import drive, people
from bench.offline import OfflineBotApi
from service.directory import load_directory


async def run(db: str, first_id: int, citizens: int) -> dict[str, float]:
    """Feed `citizens` whole surveys once told to go; the updates and the seconds."""
    api = OfflineBotApi()
    directory = load_directory(None)
    async with running(real_application(db, api)) as app:
        await drive(app, api, people(directory, first_id + 900_000, 10, seed=first_id))
        print("ready", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        started = time.perf_counter()
        timings = await drive(app, api, people(directory, first_id, citizens, seed=first_id))
        return {"updates": len(timings), "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.pair", description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--first-id", type=int, required=True)
    parser.add_argument("--citizens", type=int, required=True)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.db, args.first_id, args.citizens))), flush=True)


if __name__ == "__main__":
    main()
