from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from skm.records import (
    CSV_COLUMNS,
    SUGGESTION_LIMIT,
    RowError,
    normalize_code,
    parse_row,
    parse_score,
)

JAKARTA = ZoneInfo("Asia/Jakarta")


def row(**changes: str) -> dict[str, str]:
    base = {
        "submitted_at": "2026-11-23 09:30",
        "unit": "SIM",
        "office": "POLRES_BOGOR",
        "u1": "4",
        "u2": "3",
        "u3": "3",
        "u4": "4",
        "u5": "3",
        "u6": "4",
        "u7": "4",
        "u8": "2",
        "u9": "3",
        "gender": "Perempuan",
        "age": "17 - 25",
        "education": "SMA/SMK",
        "occupation": "Pelajar/Mahasiswa",
        "suggestion": "  Antrean terlalu lama.  ",
    }
    return base | changes


def test_columns_of_the_csv_format():
    assert CSV_COLUMNS[:3] == ("submitted_at", "unit", "office")
    assert CSV_COLUMNS[3:12] == ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
    assert CSV_COLUMNS[-1] == "suggestion"
    assert set(row()) == set(CSV_COLUMNS)


def test_parse_row_happy_path():
    response = parse_row(row(), JAKARTA)
    # 09:30 in Jakarta (UTC+7) is 02:30 UTC.
    assert response.submitted_at == datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
    assert response.submitted_at.tzinfo == UTC
    assert response.unit == "SIM"
    assert response.office == "POLRES_BOGOR"
    assert response.answers == {
        "U1": 4,
        "U2": 3,
        "U3": 3,
        "U4": 4,
        "U5": 3,
        "U6": 4,
        "U7": 4,
        "U8": 2,
        "U9": 3,
    }
    assert response.profile == {
        "gender": "P",
        "age": "17-25",
        "education": "SMA",
        "occupation": "PELAJAR",
    }
    assert response.suggestion == "Antrean terlalu lama."


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-11-23T09:30:00+07:00",
        "2026-11-23 09:30+07:00",
        "2026-11-23T02:30:00Z",
        "2026-11-23T02:30:00+00:00",
        "2026/11/23 09:30",
        " 2026-11-23T09:30 ",
    ],
)
def test_timestamp_forms(stamp):
    response = parse_row(row(submitted_at=stamp), JAKARTA)
    assert response.submitted_at == datetime(2026, 11, 23, 2, 30, tzinfo=UTC)


def test_a_time_without_zone_crossing_midnight():
    response = parse_row(row(submitted_at="2026-01-01 03:00"), JAKARTA)
    assert response.submitted_at == datetime(2025, 12, 31, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"u1": "5"}, "u1"),
        ({"u3": "0"}, "u3"),
        ({"u9": "x"}, "u9"),
        ({"u4": "-1"}, "u4"),
        ({"u2": "3.5"}, "u2"),
        ({"submitted_at": "kemarin"}, "submitted_at"),
        ({"submitted_at": "2026-13-01 09:30"}, "submitted_at"),
        ({"submitted_at": ""}, "submitted_at"),
        ({"unit": "sim/stnk!"}, "unit"),
        ({"unit": ""}, "unit"),
        ({"unit": "A" * 25}, "unit"),
        ({"office": "polres.bogor"}, "office"),
        ({"gender": "X"}, "gender"),
        ({"occupation": "Astronot"}, "occupation"),
    ],
)
def test_row_error_names_the_column(changes, column):
    with pytest.raises(RowError) as info:
        parse_row(row(**changes), JAKARTA)
    assert info.value.column == column
    assert str(info.value).startswith(f"column {column}: ")


def test_row_error_is_a_value_error():
    with pytest.raises(ValueError, match="column u1"):
        parse_row(row(u1="5"), JAKARTA)


def test_all_blank_answers_rejected():
    blanks = {f"u{i}": " " for i in range(1, 10)}
    with pytest.raises(RowError, match="blank"):
        parse_row(row(**blanks), JAKARTA)


def test_some_blank_answers_are_none():
    response = parse_row(row(u3="", u9="  "), JAKARTA)
    assert response.answers["U3"] is None
    assert response.answers["U9"] is None
    assert response.answers["U1"] == 4


def test_missing_columns_read_as_blank():
    data = row()
    del data["u9"], data["gender"], data["suggestion"]
    response = parse_row(data, JAKARTA)
    assert response.answers["U9"] is None
    assert response.profile["gender"] is None
    assert response.suggestion is None


@pytest.mark.parametrize(("text", "score"), [("3.0", 3), ("3", 3), (" 4 ", 4), ("1.0", 1)])
def test_spreadsheet_numbers(text, score):
    assert parse_score(text) == score
    assert parse_row(row(u5=text), JAKARTA).answers["U5"] == score


def test_blank_score_is_none():
    assert parse_score("") is None
    assert parse_score("   ") is None


def test_suggestion_truncated_to_limit():
    assert SUGGESTION_LIMIT == 1000
    response = parse_row(row(suggestion="a" * 1500), JAKARTA)
    assert response.suggestion == "a" * 1000


def test_blank_suggestion_is_none():
    assert parse_row(row(suggestion="   "), JAKARTA).suggestion is None


def test_blank_profile_is_none():
    response = parse_row(row(age="", education=" "), JAKARTA)
    assert response.profile["age"] is None
    assert response.profile["education"] is None


def test_whole_age_read_into_band():
    assert parse_row(row(age="34"), JAKARTA).profile["age"] == "26-35"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sim", "SIM"),
        (" Sat Lantas ", "SAT_LANTAS"),
        ("polres-bogor", "POLRES_BOGOR"),
        ("SKCK_1", "SKCK_1"),
    ],
)
def test_normalize_code(text, code):
    assert normalize_code(text) == code


def test_a_csv_row_carries_the_new_profile_codes_and_their_spellings():
    coded = parse_row(row(education="TIDAK_SEKOLAH", occupation="IRT"), JAKARTA)
    assert (coded.profile["education"], coded.profile["occupation"]) == ("TIDAK_SEKOLAH", "IRT")
    spelt = parse_row(row(education="Tidak sekolah", occupation="Petani/Nelayan"), JAKARTA)
    assert (spelt.profile["education"], spelt.profile["occupation"]) == ("TIDAK_SEKOLAH", "PETANI")
