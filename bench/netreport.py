"""The network run's rows in the table, its figures in the JSON line, and its targets."""

from __future__ import annotations

import statistics
from typing import Any

from bench.netrun import NetResults

RATE_SHARE = 0.8  # net_updates_per_s >= this share of what Telegram's limits allow
EXPORT_SLACK_MS = 100.0  # p99 while /ekspor runs <= p99 overall + this

Row = tuple[str, str, str]


def mark(met: bool) -> str:
    """A target's verdict; the benchmark reports, it never fails."""
    return "met" if met else "not met"


def targets(n: NetResults) -> dict[str, bool]:
    """Whether each of the network run's targets is met."""
    p99, during = n.percentile_ms(99), n.percentile_ms(99, during_export=True)
    return {
        "net_updates_per_s": n.updates_per_s >= RATE_SHARE * n.limiter_updates_per_s,
        "net_p99_during_export_ms": during <= p99 + EXPORT_SLACK_MS,
    }


def figures(n: NetResults) -> dict[str, Any]:
    """The network run's figures for the JSON line."""
    export_s = n.export_s
    return {
        "net_updates_per_s": round(n.updates_per_s, 2),
        "net_p50_ms": round(n.percentile_ms(50), 1),
        "net_p99_ms": round(n.percentile_ms(99), 1),
        "net_p99_during_export_ms": round(n.percentile_ms(99, during_export=True), 1),
        "limiter_updates_per_s": round(n.limiter_updates_per_s, 2),
        "net_export_s": None if export_s is None else round(export_s, 1),
        "net_saran_max_ms": round(max(n.log.saran_ms), 1) if n.log.saran_ms else None,
        "net_unanswered": n.log.unanswered,
        "net_delay_ms": n.plan.delay_ms,
        "net_citizens": n.plan.citizens,
        "net_seconds": n.plan.seconds,
        "net_export_rows": n.plan.export_rows,
    }


def rows(n: NetResults) -> list[Row]:
    """The network run's rows in the table."""
    met = targets(n)
    p99 = n.percentile_ms(99)
    limit = n.limiter_updates_per_s
    export_s = n.export_s
    export = f"{export_s:.1f} s" if export_s is not None else "not sent by the end"
    saran = n.log.saran_ms
    return [
        (
            "Network, real Application",
            f"{n.updates_per_s:,.1f} updates/s",
            f"target >= {RATE_SHARE:g} x {limit:.1f}: {mark(met['net_updates_per_s'])}",
        ),
        (
            "  Telegram's limits alone allow",
            f"{limit:,.1f} updates/s",
            f"the lesser of 30/s / {n.calls_per_update:.2f} calls naming a chat per update"
            f" ({n.telegram_updates_per_s:.1f}) and the citizens' pace"
            f" ({n.offered_updates_per_s:.1f})",
        ),
        (
            "  press to new screen",
            f"p50 {n.percentile_ms(50):,.0f} ms",
            f"p99 {p99:,.0f} ms; unanswered at the end {n.log.unanswered}",
        ),
        (
            "  p99 while /ekspor ran",
            f"{n.percentile_ms(99, during_export=True):,.0f} ms",
            f"target <= p99 + {EXPORT_SLACK_MS:g} ms: {mark(met['net_p99_during_export_ms'])}",
        ),
        (f"  /ekspor of {n.plan.export_rows:,} responses", export, "from the command to the file"),
        (
            "  /saran, then page turns",
            f"{statistics.median(saran):,.0f} ms" if saran else "none answered",
            f"median; max {max(saran):,.0f} ms ({len(saran)} answered)" if saran else "",
        ),
    ]


def notes(n: NetResults) -> list[str]:
    """What the network run did, for the lines under the table."""
    p = n.plan
    low, high = p.think_s
    return [
        f"Network: the Bot API answers every call after {p.delay_ms:g} ms (half each way) and",
        "  hands updates over by long polling; the Application runs as run_polling runs it, with",
        "  the composition root's own AIORateLimiter (Telegram's 30 messages/s on).",
        f"  {p.citizens} citizens at a time, each pressing {low:g}-{high:g} s after seeing the new"
        " screen,",
        "  some way into the survey at the start; whoever finishes gives the seat to a new one.",
        f"  People act for {p.seconds:g} s, the first {p.warm_s:g} s not counted; in the middle"
        " one officer asks",
        "  /ekspor of last year and another pages /saran. Latency: press to the new screen at",
        "  Telegram; a press still unanswered at the end counts as answered then.",
    ]
