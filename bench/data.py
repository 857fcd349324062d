"""A large generated data set: responses across units, offices and two years, made in SQL."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage.migrations import MIGRATIONS, script

UNITS = ("SIM", "SKCK", "SPKT", "SATRESKRIM", "SATNARKOBA")
OFFICES = ("POLRES", "PS_KOTA", "PS_UTARA", "PS_SELATAN", "PS_BARAT")


def generate(path: Path, rows: int, end: datetime, years: int = 2) -> None:
    """Fill a fresh database file with `rows` responses spread over the years before `end`."""
    if path.exists():
        path.unlink()
    end_s = int(end.astimezone(UTC).timestamp())
    span = years * 365 * 86400
    conn = sqlite3.connect(path)
    try:
        for number in range(1, len(MIGRATIONS) + 1):
            conn.executescript(script(number, "sqlite"))
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("PRAGMA journal_mode = WAL")
        # A skewed but plausible answer mix: mostly 3s and 4s, some 2s, few 1s.
        answer = (
            "(CASE WHEN abs(random()) % 20 < 1 THEN 1 WHEN abs(random()) % 20 < 4 "
            "THEN 2 WHEN abs(random()) % 20 < 13 THEN 3 ELSE 4 END)"
        )
        units = (
            "CASE abs(random()) % 5 "
            + " ".join(f"WHEN {i} THEN '{u}'" for i, u in enumerate(UNITS))
            + " END"
        )
        offices = (
            "CASE abs(random()) % 5 "
            + " ".join(f"WHEN {i} THEN '{o}'" for i, o in enumerate(OFFICES))
            + " END"
        )
        answers = ", ".join([answer] * 9)
        conn.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO responses (unit, office, submitted_at, channel, source_key,
                u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age, education, occupation,
                suggestion)
            SELECT {units}, {offices}, {end_s} - abs(random()) % {span}, 'import', 'gen:' || i,
                {answers},
                CASE abs(random()) % 2 WHEN 0 THEN 'L' ELSE 'P' END,
                CASE abs(random()) % 4 WHEN 0 THEN '17-25' WHEN 1 THEN '26-35'
                    WHEN 2 THEN '36-45' ELSE '46-55' END,
                CASE abs(random()) % 3 WHEN 0 THEN 'SMA' WHEN 1 THEN 'S1' ELSE 'D1-D4' END,
                CASE abs(random()) % 3 WHEN 0 THEN 'SWASTA' WHEN 1 THEN 'PNS' ELSE 'PELAJAR' END,
                CASE WHEN abs(random()) % 10 = 0 THEN 'saran ' || i END
            FROM n
            """
        )
        conn.commit()
        conn.execute("ANALYZE")
    finally:
        conn.close()
