from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from skm.period import (
    PERIOD_FORMS,
    Period,
    PeriodOutOfRange,
    current_quarter,
    parse_period,
    previous,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=JAKARTA)


def local(year: int, month: int, day: int = 1) -> datetime:
    return datetime(year, month, day, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2026", "2026", local(2026, 1), local(2027, 1)),
        ("2026-S1", "2026-S1", local(2026, 1), local(2026, 7)),
        ("2026-S2", "2026-S2", local(2026, 7), local(2027, 1)),
        ("2026-Q1", "2026-Q1", local(2026, 1), local(2026, 4)),
        ("2026-Q4", "2026-Q4", local(2026, 10), local(2027, 1)),
        ("2026-11", "2026-11", local(2026, 11), local(2026, 12)),
        ("2026-12", "2026-12", local(2026, 12), local(2027, 1)),
        ("2026-2", "2026-02", local(2026, 2), local(2026, 3)),
        ("2024-02", "2024-02", local(2024, 2), local(2024, 3)),
    ],
)
def test_calendar_forms(text, label, start, end):
    period = parse_period(text, NOW)
    assert period.label == label
    assert period.start == start
    assert period.end == end


@pytest.mark.parametrize(
    ("text", "label"),
    [("2026-s2", "2026-S2"), ("2026-q4", "2026-Q4"), ("  2026-q4 ", "2026-Q4"), ("30D", "30d")],
)
def test_lower_case_and_spaced_forms(text, label):
    assert parse_period(text, NOW).label == label


def test_last_n_days_ends_now():
    period = parse_period("30d", NOW)
    assert period.label == "30d"
    assert period.end == NOW
    assert period.start == NOW - timedelta(days=30)
    assert parse_period("1d", NOW).start == NOW - timedelta(days=1)


@pytest.mark.parametrize(
    "text",
    [
        *("2026-Q5", "2026-Q0", "2026-S3", "2026-13", "2026-00", "abc", "0d", "", "26", "2026-W3"),
        *("2026-Q²", "²", "٢٠٢٦", "3\u0660d", "1900-Q5", "1900-13", "x" * 4000),
    ],
)
def test_invalid_inputs_name_the_accepted_forms(text):
    with pytest.raises(ValueError) as info:
        parse_period(text, NOW)
    message = str(info.value)
    for form in ("2026", "2026-S2", "2026-Q4", "2026-11", "30d"):
        assert form in message
    assert PERIOD_FORMS in message


def test_now_without_zone_raises():
    with pytest.raises(ValueError, match="time zone"):
        parse_period("2026", datetime(2026, 11, 23))  # noqa: DTZ001


def test_bounds_are_in_jakarta_time():
    period = parse_period("2026-Q4", NOW)
    assert period.start.tzinfo == JAKARTA
    assert period.end.tzinfo == JAKARTA
    assert period.start.utcoffset() == timedelta(hours=7)
    # Midnight on 1 October in Jakarta is 17:00 UTC the day before.
    assert period.start == datetime(2026, 9, 30, 17, tzinfo=UTC)


def test_contains_is_half_open():
    period = parse_period("2026-11", NOW)
    assert period.contains(local(2026, 11))
    assert period.contains(local(2026, 12) - timedelta(microseconds=1))
    assert not period.contains(local(2026, 12))
    assert not period.contains(local(2026, 10, 31))
    # 30 November 20:00 UTC is already 1 December in Jakarta.
    assert not period.contains(datetime(2026, 11, 30, 20, tzinfo=UTC))


def test_period_rejects_naive_or_empty_bounds():
    with pytest.raises(ValueError):
        Period("x", datetime(2026, 1, 1), datetime(2026, 2, 1))  # noqa: DTZ001
    with pytest.raises(ValueError):
        Period("x", local(2026, 2), local(2026, 1))


def test_current_quarter_in_jakarta():
    assert current_quarter(NOW).label == "2026-Q4"
    assert current_quarter(local(2026, 4)).label == "2026-Q2"
    assert current_quarter(local(2026, 3, 31)).label == "2026-Q1"


def test_current_quarter_uses_jakarta_date_not_utc_date():
    # 2026-12-31 20:00 UTC is already 2027-01-01 03:00 in Jakarta.
    now_utc = datetime(2026, 12, 31, 20, tzinfo=UTC)
    quarter = current_quarter(now_utc.astimezone(JAKARTA))
    assert quarter.label == "2027-Q1"
    assert quarter.start == local(2027, 1)
    assert quarter.end == local(2027, 4)
    assert quarter.contains(now_utc)


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2026", "2025", local(2025, 1), local(2026, 1)),
        ("2026-S1", "2025-S2", local(2025, 7), local(2026, 1)),
        ("2026-S2", "2026-S1", local(2026, 1), local(2026, 7)),
        ("2026-Q1", "2025-Q4", local(2025, 10), local(2026, 1)),
        ("2026-Q3", "2026-Q2", local(2026, 4), local(2026, 7)),
        ("2026-01", "2025-12", local(2025, 12), local(2026, 1)),
        ("2026-11", "2026-10", local(2026, 10), local(2026, 11)),
    ],
)
def test_previous_calendar_period(text, label, start, end):
    before = previous(parse_period(text, NOW))
    assert before.label == label
    assert before.start == start
    assert before.end == end
    assert before.end == parse_period(text, NOW).start


def test_previous_last_n_days_is_the_n_days_before():
    period = parse_period("30d", NOW)
    before = previous(period)
    assert before.label == "30d"
    assert before.end == period.start
    assert before.start == NOW - timedelta(days=60)
    assert before.start.tzinfo == JAKARTA


def test_previous_keeps_jakarta_time():
    before = previous(parse_period("2026-Q1", NOW))
    assert before.start.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1900", "1900"),
        ("1900-Q1", "1900-Q1"),
        ("1900-01", "1900-01"),
        ("1900-S1", "1900-S1"),
        ("1999-12", "1999-12"),
        ("0000", "0000"),
        ("2028", "2028"),
        ("9999-Q4", "9999-Q4"),
        ("9999d", "9999d"),
        ("99999d", "99999d"),
        ("0099999999999999999999d", "99999999999999999999d"),
    ],
)
def test_periods_before_2000_or_after_next_year_are_out_of_range(text, label):
    with pytest.raises(PeriodOutOfRange) as info:
        parse_period(text, NOW)
    assert (info.value.label, info.value.first, info.value.last) == (label, 2000, 2027)


def test_the_range_runs_from_2000_to_next_year():
    assert parse_period("2000-Q1", NOW).start == local(2000, 1)
    assert parse_period("2027", NOW).end == local(2028, 1)
    assert parse_period("9000d", NOW).start.year == 2002


def test_the_period_before_2000_is_1999():
    before = previous(parse_period("2000", NOW))
    assert (before.label, before.start, before.end) == ("1999", local(1999, 1), local(2000, 1))
    assert previous(parse_period("2000-Q1", NOW)).label == "1999-Q4"
    assert previous(parse_period("2000-01", NOW)).label == "1999-12"
    assert previous(parse_period("2000-S1", NOW)).label == "1999-S2"
