"""python -m bench.importing: `skm-bot import` of a large generated CSV, its speed and memory.

The import runs as its own process, as an operator would run it; its peak resident
memory is the child's ru_maxrss. It imports the file twice: the second time adds nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from service.directory import load_directory

HEADER = (
    "submitted_at,unit,office,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,"
    "suggestion\n"
)
_GENDERS = ("L", "P", "Laki-laki", "Perempuan")
_EDUCATION = ("SMA", "S1", "D3", "SMP", "S2", "SMA/SMK")
_OCCUPATION = ("PNS", "SWASTA", "WIRASWASTA", "PELAJAR", "LAINNYA", "Pegawai Swasta")
_SUGGESTIONS = ("Antrean terlalu lama", "Ruang tunggu panas; tambah kipas", "Petugas ramah")


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    """A CSV of `rows` plausible responses over two years, some blanks and suggestions."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1)  # noqa: DTZ001 - the import reads zone-less times as Jakarta's
    span = 2 * 365 * 86400
    scores = ("1", "2", "2", "3", "3", "3", "3", "4", "4", "4", "")
    # Each unit only at an office that serves it: the import refuses the others.
    served = [f"{u},{o.code}" for o in load_directory(None).offices.values() for u in o.units]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for _ in range(rows):
            at = start + timedelta(seconds=rng.randrange(span))
            picked = [rng.choice(scores) for _ in range(9)]
            answers = ",".join(picked if any(picked) else ["3", *picked[1:]])  # one at least
            suggestion = rng.choice(_SUGGESTIONS) if rng.random() < 0.1 else ""
            if ";" in suggestion:
                suggestion = f'"{suggestion}"'
            out.write(
                f"{at:%Y-%m-%d %H:%M:%S},{rng.choice(served)},{answers},"
                f"{rng.choice(_GENDERS)},{rng.randrange(17, 80)},{rng.choice(_EDUCATION)},"
                f"{rng.choice(_OCCUPATION)},{suggestion}\n"
            )


@dataclass(frozen=True)
class Run:
    """One `python -m bot import`: wall and CPU seconds, peak RSS, and what it printed."""

    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    said: str


def run_import(csv_path: Path, db: Path, workdir: Path) -> Run:
    """Run the import as its own process, as an operator would, and measure it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SKM_", "BOT_"))}
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "import", str(csv_path), "--db", str(db)],
        cwd=workdir,  # no .env there: the defaults and the shipped units file
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"the import failed ({child.returncode}):\n{output}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, output.strip())  # ru_maxrss: KiB on Linux


def _show(what: str, rows: int, run: Run) -> None:
    print(
        f"{what + ':':14}{run.seconds:6.1f} s ({run.cpu_seconds:5.1f} s CPU), "
        f"{rows / run.seconds:9,.0f} rows/s, peak RSS {run.peak_rss_mib:4.0f} MiB  ({run.said})"
    )


def main() -> None:
    """Generate, import twice, print the figures (the last line as JSON)."""
    parser = argparse.ArgumentParser(prog="python -m bench.importing")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the CSV")
    parser.add_argument("--keep", type=Path, help="keep the CSV and database in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="skm-import-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        csv_path, db = folder / "answers.csv", folder / "skm.db"
        for stale in (db, db.with_name("skm.db-wal"), db.with_name("skm.db-shm")):
            stale.unlink(missing_ok=True)
        began = time.perf_counter()
        write_csv(csv_path, args.rows)
        size = csv_path.stat().st_size / 2**20
        took = time.perf_counter() - began
        print(f"generated {args.rows:,} rows ({size:,.0f} MiB) in {took:.1f} s")
        first = run_import(csv_path, db, folder)
        _show("first import", args.rows, first)
        again = run_import(csv_path, db, folder)
        _show("same again", args.rows, again)
    figures = {
        "import_rows": args.rows,
        "import_rows_per_s": round(args.rows / first.seconds),
        "import_rows_per_cpu_s": round(args.rows / first.cpu_seconds),
        "import_peak_rss_mib": round(first.peak_rss_mib),
        "reimport_rows_per_s": round(args.rows / again.seconds),
        "reimport_peak_rss_mib": round(again.peak_rss_mib),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
