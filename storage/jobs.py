"""Scheduled jobs claimed per due time: of several bot processes, exactly one runs each."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.database import Database
from storage.responses import to_epoch

KEPT = timedelta(days=35)  # long enough that no late run of a job finds its claim gone


async def claim(db: Database, job: str, due: str, now: datetime) -> bool:
    """Take the run of `job` due at `due`; False if a process (this or another) took it.

    The claim is made before the work: a process that dies after claiming leaves that run
    undone rather than have two processes do it (a summary sent twice, say).
    """
    async with db.atomic() as tx:
        await tx.execute(
            "DELETE FROM job_runs WHERE job = ? AND claimed_at < ?", (job, to_epoch(now - KEPT))
        )
        taken = await tx.execute(
            "INSERT INTO job_runs (job, due, claimed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (job, due) DO NOTHING",
            (job, due, to_epoch(now)),
        )
    return taken == 1
