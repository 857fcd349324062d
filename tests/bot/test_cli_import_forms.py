"""`skm-bot import` of a Google Forms export: questions as headers, labels as answers, day first."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "google-forms.csv"
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory without .env, and the database setting pointing inside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    return tmp_path


def stored(db: Path) -> list[tuple[object, ...]]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT submitted_at, unit, office, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age,"
            " education, occupation, suggestion FROM responses ORDER BY submitted_at"
        ).fetchall()


def at(day: int, month: int, hour: int, minute: int, second: int = 0) -> int:
    """Unix seconds of a moment of 2026 in Jakarta time."""
    return int(datetime(2026, month, day, hour, minute, second, tzinfo=JAKARTA).timestamp())


def compact(row: tuple[object, ...]) -> tuple[object, ...]:
    """A stored row with its nine answers as one string of digits, for a readable table."""
    return (*row[:3], "".join(str(a) for a in row[3:12]), *row[12:])


def fixture_lines() -> list[str]:
    return FIXTURE.read_text(encoding="utf-8").splitlines()


def test_a_google_forms_export_imports_as_exported(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FIXTURE)]) == 0
    assert "6 respons baru diimpor, 0 sudah ada" in capsys.readouterr().out
    # Each question's column found from its words, each label read as its score (U4
    # "Gratis" is 4, U9 "Tidak ada" 1), unit and office names as their codes, profile
    # labels ("Di atas 65 tahun") as their categories, times day first in Jakarta time.
    assert [compact(row) for row in stored(workdir / "skm.db")] == [
        (at(2, 10, 9, 15), "SKCK", "POLRES", "433433434", "L", "26-35", "SMA", "WIRASWASTA", None),
        (at(2, 10, 10, 5, 12), "SKCK", "PS_KOTA", "322433323", "P", "17-25", "S1", "PELAJAR",
         "Antrean terlalu lama, ruang tunggu panas"),
        (at(3, 10, 14, 30), "SIM", "POLRES", "233324311", "L", ">65", "SD", "TIDAK_BEKERJA",
         'Petugas bilang "besok saja"'),
        (at(12, 10, 8, 1, 45), "SIM", "POLRES", "444444444", "P", "36-45", "D1-D4", "PNS",
         "Terima kasih"),
        (at(31, 10, 16, 59, 59), "SKCK", "POLRES", "111111112", "P", "<17", "SMP", "PELAJAR", None),
        (at(1, 11, 7, 30), "SPKT", "PS_KOTA", "333433333", "L", "46-55", "S2", "SWASTA", None),
    ]  # fmt: skip
    assert main(["import", str(FIXTURE)]) == 0
    assert "0 respons baru diimpor, 6 sudah ada" in capsys.readouterr().out


def test_a_row_with_a_missing_field_names_its_line_and_the_counts(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = fixture_lines()
    # Line 7 lost its education: every later answer would move one column to the left.
    lines[6] = lines[6].replace(",S2,", ",", 1)
    (workdir / "short.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "short.csv"]) == 1
    err = capsys.readouterr().err
    assert "  line 7: 16 columns, expected 17\n" in err
    assert stored(workdir / "skm.db") == []
    assert main(["import", "short.csv", "--skip-invalid"]) == 0
    assert "5 respons baru diimpor" in capsys.readouterr().out


def test_a_row_with_a_field_too_many_is_refused_too(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = fixture_lines()
    lines[1] += ",extra"
    (workdir / "long.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "long.csv"]) == 1
    assert "  line 2: 18 columns, expected 17\n" in capsys.readouterr().err


def test_an_answer_that_is_no_label_of_its_question_is_named(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = fixture_lines()
    lines[1] = lines[1].replace("Sangat sesuai,Mudah", "Lumayan,Mudah")
    (workdir / "odd.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "odd.csv"]) == 1
    assert (
        "line 2, column u1: 'Lumayan' is not an answer 1-4 (or its label: Tidak sesuai, "
        "Kurang sesuai, Sesuai, Sangat sesuai; or blank)"
    ) in capsys.readouterr().err


def test_a_unit_at_an_office_that_does_not_serve_it_is_refused_as_qr_refuses_it(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = fixture_lines()
    lines[3] = lines[3].replace("Pelayanan SIM,Polres Contoh", "SIM,PS_KOTA")
    (workdir / "elsewhere.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "elsewhere.csv"]) == 1
    sentence = "office PS_KOTA does not serve SIM; the offices that do: POLRES."
    assert f"line 4, column office: {sentence}" in capsys.readouterr().err
    assert stored(workdir / "skm.db") == []
    assert main(["qr", "SIM", "--office", "PS_KOTA", "--link"]) == 2
    assert capsys.readouterr().err == f"skm-bot: {sentence}\n"


def test_two_headers_for_one_column_are_one_sentence(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = fixture_lines()
    lines[0] = lines[0].replace("Pekerjaan Utama", "Kritik")
    (workdir / "twice.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "twice.csv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("skm-bot: twice.csv: the headers ") and err.count("\n") == 1
    assert '"Kritik" and "Saran dan masukan untuk perbaikan pelayanan" both read as' in err


def test_the_report_reads_a_forms_export_straight(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--csv", str(FIXTURE), "--json"]) == 0
    from_csv = json.loads(capsys.readouterr().out)
    assert main(["import", str(FIXTURE)]) == 0
    capsys.readouterr()
    assert main(["report", "--json"]) == 0
    from_db = json.loads(capsys.readouterr().out)
    # The units file's names are read as codes here too.
    assert [u["unit"] for u in from_csv["units"]] == ["SIM", "SKCK", "SPKT"]
    assert from_csv["units"] == from_db["units"] and from_csv["profile"] == from_db["profile"]
