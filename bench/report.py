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

from bench.queries import QueryTimes
from bench.updates import Timing

RATIO_TARGET = 0.6
IKM_TARGET = 2.0


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

    @property
    def rss_after_mb(self) -> float:
        return self.rss_steps_mb[-1]

    def figures(self) -> dict[str, Any]:
        """The JSON line: the issue's figures first, then what they were measured on."""
        return {
            "survey_updates_per_s": round(self.survey.per_second, 1),
            "ceiling_updates_per_s": round(self.ceiling.per_second, 1),
            "ratio": round(self.survey.per_second / self.ceiling.per_second, 3),
            "p50_ms": round(self.survey.percentile_ms(50), 3),
            "p99_ms": round(self.survey.percentile_ms(99), 3),
            "ikm_ms": round(self.queries.ikm_ms, 2),
            "raw_sql_ms": round(self.queries.raw_sql_ms, 2),
            "pandas_ms": round(self.queries.pandas_ms, 2),
            "rss_mb_10k_open": round(self.rss_after_mb, 1),
            "rss_mb_before_open": round(self.rss_before_mb, 1),
            "citizens": self.citizens,
            "updates": self.survey.updates,
            "rows": self.rows,
            "open_surveys": self.open_surveys,
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


def _mark(met: bool) -> str:
    return "met" if met else "MISSED"


def _timing(t: Throughput) -> str:
    return f"process_update p50 {t.percentile_ms(50):.2f} ms, p99 {t.percentile_ms(99):.2f} ms"


def table(r: Results) -> str:
    """The readable table."""
    q = r.queries
    ratio = r.survey.per_second / r.ceiling.per_second
    processed = r.survey.processed_per_second / r.ceiling.processed_per_second
    times_raw = q.ikm_ms / q.raw_sql_ms
    ikm_met = _mark(times_raw <= IKM_TARGET)
    delta = r.rss_after_mb - r.rss_before_mb
    rows = [
        ("Survey, real Application", f"{r.survey.per_second:,.0f} updates/s", _timing(r.survey)),
        ("Ceiling, bare Application", f"{r.ceiling.per_second:,.0f} updates/s", _timing(r.ceiling)),
        (
            "Ratio survey / ceiling",
            f"{ratio:.2f}",
            f"target >= {RATIO_TARGET}: {_mark(ratio >= RATIO_TARGET)}",
        ),
        ("  of process_update alone", f"{processed:.2f}", "(without parsing the updates)"),
        (
            "/ikm SKCK query path",
            f"{q.ikm_ms:.2f} ms",
            f"{times_raw:.2f} x raw SQL; target <= {IKM_TARGET:g} x: {ikm_met}",
        ),
        ("Hand-written SELECT avg()", f"{q.raw_sql_ms:.2f} ms", f"{q.rows:,} rows this quarter"),
        ("pandas read_sql + mean()", f"{q.pandas_ms:.2f} ms", f"the same {q.rows:,} rows"),
        (
            f"RSS, {r.open_surveys:,} surveys open",
            f"{r.rss_after_mb:.1f} MiB",
            f"before them {r.rss_before_mb:.1f} MiB, delta {delta:+.1f} MiB",
        ),
        ("  after each quarter of them", "", " -> ".join(f"{m:.1f}" for m in r.rss_steps_mb)),
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
            "  polling does, into a SQLite file. The ceiling replays the same updates into an",
            "  Application whose handlers only answer and edit; the two take turns, 100 citizens",
            "  at a time. Updates/s count parsing each update (Update.de_json, as polling",
            "  does) and process_update; p50 and p99 are of process_update alone.",
            "  The Bot API is offline and answers at once (no network). PTB's AIORateLimiter",
            "  runs on every call in both, with Telegram's 30 messages/s lifted (it would cap",
            "  both at Telegram's rate and measure nothing of the bot).",
            f"Queries: {r.rows:,} generated responses over five units and two years (made in",
            f"  {r.generate_s:.0f} s); SKCK in the current quarter; the median of {q.repeats}"
            " runs each, warm cache.",
            f"Memory: a fresh process; RSS once {r.open_surveys:,} citizens have reached"
            " question 3 of 9.",
        ]
    )


def json_line(r: Results) -> str:
    """The last line of the output."""
    return json.dumps(r.figures())
