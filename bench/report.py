"""The figures of one run: the readable table, and the JSON line that ends it."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
from dataclasses import dataclass
from typing import Any

import telegram

from bench import netreport
from bench.netreport import mark
from bench.netrun import NetResults
from bench.queries import QueryTimes
from bench.updates import Timing

RATIO_TARGET = 0.6
IKM_QUERY_TARGET = 2.0  # the query path, times the hand-written SELECT
IKM_TARGET_MS = 50.0  # the whole /ikm UNIT command


@dataclass(frozen=True)
class Throughput:
    """Updates fed one after another: for each, seconds parsing it and in process_update."""

    timings: list[Timing]

    @property
    def updates(self) -> int:
        return len(self.timings)

    @property
    def per_second(self) -> float:
        """Updates fed a second: parsing each (as polling does) and processing it."""
        return self.updates / sum(parse + process for parse, process in self.timings)

    @property
    def processed_per_second(self) -> float:
        """Updates a second counting process_update alone."""
        return self.updates / sum(process for _, process in self.timings)

    def percentile_ms(self, p: int) -> float:
        """A percentile of the time around process_update, in milliseconds."""
        process = [process for _, process in self.timings]
        return statistics.quantiles(process, n=100, method="inclusive")[p - 1] * 1000


@dataclass(frozen=True)
class Results:
    """Everything one `python -m bench` measured."""

    citizens: int
    survey: Throughput
    ceiling: Throughput
    rows: int
    generate_s: float
    queries: QueryTimes
    open_surveys: int
    rss_before_mb: float
    rss_steps_mb: list[float]  # after each quarter of the surveys was opened
    network: NetResults

    @property
    def rss_after_mb(self) -> float:
        return self.rss_steps_mb[-1]

    @property
    def ratio(self) -> float:
        """Survey over ceiling, counting parsing each update and process_update."""
        return self.survey.per_second / self.ceiling.per_second

    @property
    def ratio_without_parsing(self) -> float:
        """Survey over ceiling, counting process_update alone."""
        return self.survey.processed_per_second / self.ceiling.processed_per_second

    def targets(self) -> dict[str, bool]:
        """Whether each target is met."""
        q = self.queries
        return {
            "ratio": self.ratio >= RATIO_TARGET,
            "ratio_without_parsing": self.ratio_without_parsing >= RATIO_TARGET,
            "ikm_ms": q.ikm_ms <= IKM_TARGET_MS,
            "ikm_query_ms": q.ikm_query_ms <= IKM_QUERY_TARGET * q.raw_sql_ms,
            **netreport.targets(self.network),
        }

    def figures(self) -> dict[str, Any]:
        """The JSON line: the issue's figures first, then what they were measured on."""
        return {
            "survey_updates_per_s": round(self.survey.per_second, 1),
            "ceiling_updates_per_s": round(self.ceiling.per_second, 1),
            "ratio": round(self.ratio, 3),
            "ratio_without_parsing": round(self.ratio_without_parsing, 3),
            "p50_ms": round(self.survey.percentile_ms(50), 3),
            "p99_ms": round(self.survey.percentile_ms(99), 3),
            "ikm_ms": round(self.queries.ikm_ms, 2),
            "ikm_query_ms": round(self.queries.ikm_query_ms, 2),
            "raw_sql_ms": round(self.queries.raw_sql_ms, 2),
            "pandas_ms": round(self.queries.pandas_ms, 2),
            "rss_mb_10k_open": round(self.rss_after_mb, 1),
            "rss_mb_before_open": round(self.rss_before_mb, 1),
            "citizens": self.citizens,
            "updates": self.survey.updates,
            "rows": self.rows,
            "open_surveys": self.open_surveys,
            **netreport.figures(self.network),
            "targets_met": self.targets(),
        }


def machine() -> str:
    """CPU model, cores, Python, SQLite and PTB versions."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                model,
            )
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, python-telegram-bot {telegram.__version__}"
    )


def _timing(t: Throughput) -> str:
    return f"process_update p50 {t.percentile_ms(50):.2f} ms, p99 {t.percentile_ms(99):.2f} ms"


def table(r: Results) -> str:
    """The readable table."""
    q = r.queries
    met = r.targets()
    query_x = q.ikm_query_ms / q.raw_sql_ms
    delta = r.rss_after_mb - r.rss_before_mb
    rows = [
        ("Survey, real Application", f"{r.survey.per_second:,.0f} updates/s", _timing(r.survey)),
        ("Ceiling, bare Application", f"{r.ceiling.per_second:,.0f} updates/s", _timing(r.ceiling)),
        (
            "Ratio survey / ceiling",
            f"{r.ratio:.2f}",
            f"parsing included; target >= {RATIO_TARGET}: {mark(met['ratio'])}",
        ),
        (
            "  of process_update alone",
            f"{r.ratio_without_parsing:.2f}",
            f"parsing excluded; target >= {RATIO_TARGET}: {mark(met['ratio_without_parsing'])}",
        ),
        (
            "/ikm SKCK, whole command",
            f"{q.ikm_ms:.2f} ms",
            f"query, text and chart; target <= {IKM_TARGET_MS:g} ms: {mark(met['ikm_ms'])}",
        ),
        (
            "  its query path",
            f"{q.ikm_query_ms:.2f} ms",
            f"{query_x:.2f} x raw SQL; target <= {IKM_QUERY_TARGET:g} x:"
            f" {mark(met['ikm_query_ms'])}",
        ),
        ("Hand-written SELECT avg()", f"{q.raw_sql_ms:.2f} ms", f"{q.rows:,} rows this quarter"),
        (
            "pandas: load all, group",
            f"{q.pandas_ms:.2f} ms",
            f"read_sql of all {r.rows:,}, then the quarter's mean by unit",
        ),
        (
            f"RSS, {r.open_surveys:,} surveys open",
            f"{r.rss_after_mb:.1f} MiB",
            f"before them {r.rss_before_mb:.1f} MiB, delta {delta:+.1f} MiB",
        ),
        ("  after each quarter of them", "", " -> ".join(f"{m:.1f}" for m in r.rss_steps_mb)),
        *netreport.rows(r.network),
    ]
    name_width = max(len(name) for name, _, _ in rows)
    value_width = max(len(value) for _, value, _ in rows)
    return "\n".join(
        [
            "SKM Bot benchmarks",
            f"Machine: {machine()}",
            "",
            *(f"  {n:<{name_width}}  {v:>{value_width}}   {note}" for n, v, note in rows),
            "",
            f"Survey: {r.citizens:,} citizens, each a whole survey (start, profile, nine",
            f"  answers, suggestion, confirm): {r.survey.updates:,} updates fed one at a time, as",
            "  polling does, into a SQLite file. The ceiling replays the same updates into a bare",
            "  Application that answers each with exactly one edit, without a rate limiter; the",
            "  two take turns, 100 citizens at a time. Updates/s count parsing each update",
            "  (Update.de_json, as polling does) and process_update; p50 and p99 are of",
            "  process_update alone. The Bot API is offline and answers at once; the real",
            "  Application keeps PTB's AIORateLimiter on every call, Telegram's 30 messages/s",
            "  lifted (the network run below keeps them).",
            f"Queries: {r.rows:,} generated responses over five units and two years (made in",
            f"  {r.generate_s:.0f} s); SKCK in the current quarter; the median of {q.repeats}"
            " runs each, warm cache.",
            "  /ikm is fed to the real Application as an update; the chart is made in a thread",
            "  and sent as a photo, all inside the time.",
            f"Memory: a fresh process; RSS once {r.open_surveys:,} citizens have reached"
            " question 3 of 9.",
            *netreport.notes(r.network),
        ]
    )


def json_line(r: Results) -> str:
    """The last line of the output."""
    return json.dumps(r.figures())
