"""The Laporan SKM's time and peak memory: 363 respondents, and a year of 1,000,000 responses.

`python -m bench.laporan [--rows 1000000]` generates each data set, then builds the DOCX in a
process of its own (so the peak RSS is the report's alone) and prints one line per size and
a JSON line. Targets: 363 respondents under 5 s; 1,000,000 under 60 s and 500 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench import data
from documents.laporan import build_laporan, write_docx
from service.directory import load_directory
from skm.index import Weighting
from skm.period import last_full_year
from storage.database import Database

JAKARTA = ZoneInfo("Asia/Jakarta")
TARGETS = {363: (5.0, None), 1_000_000: (60.0, 500.0)}


def peak_rss_mb() -> float:
    """This process's peak resident set size (VmHWM), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (this needs Linux)")


async def _measure(db_path: Path, now: datetime) -> dict[str, Any]:
    directory = load_directory(None)
    period = last_full_year(now)
    started = time.perf_counter()
    db = await Database.open(db_path)
    try:
        found = await build_laporan(db, directory, Weighting.REGULATION, period, None, None, now)
    finally:
        await db.close()
    if found is None:
        raise RuntimeError(f"no respondents in {period.label}")
    gathered = time.perf_counter() - started
    docx = await asyncio.to_thread(write_docx, found)
    seconds = time.perf_counter() - started
    return {
        "respondents": found.respondents,
        "gather_s": round(gathered, 3),
        "seconds": round(seconds, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "docx_kb": len(docx) // 1024,
    }


def measure(db_path: Path, now: datetime) -> dict[str, Any]:
    """One report built in a fresh process: its time and peak RSS."""
    command = [sys.executable, "-m", "bench.laporan", "--measure", str(db_path)]
    command += ["--now", now.isoformat()]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.laporan", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses in the big year")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--now", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        now = datetime.fromisoformat(args.now)
        print(json.dumps(asyncio.run(_measure(args.measure, now))))
        return
    now = datetime.now(JAKARTA)
    # Every generated response falls in the last full year: the report covers all of them.
    year_end = last_full_year(now).end
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="skm-bench-laporan-") as tmp:
        for rows in (363, args.rows):
            path = Path(tmp) / f"laporan-{rows}.db"
            print(f"Generating {rows:,} responses", file=sys.stderr)
            data.generate(path, rows, year_end, years=1)
            results[rows] = measure(path, now)
            path.unlink()
    for rows, figures in results.items():
        limit_s, limit_mb = TARGETS.get(rows, (None, None))
        print(
            f"{rows:>9,} responses: {figures['seconds']:6.2f} s"
            f" (SQL {figures['gather_s']:.2f} s), peak RSS {figures['peak_rss_mb']:6.1f} MiB,"
            f" DOCX {figures['docx_kb']:,} KiB"
            + (f"  [target < {limit_s:g} s" if limit_s else "")
            + (f", < {limit_mb:g} MB]" if limit_mb else ("]" if limit_s else ""))
        )
    print(json.dumps({"laporan": {str(k): v for k, v in results.items()}}))


if __name__ == "__main__":
    main()
