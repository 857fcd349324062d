"""`skm-bot import` on broken files, repeated rows and its own exports: one sentence or all rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.csvfile import write_csv
from tests.bot.officer_helpers import JAKARTA, q4, response

HEADER = (
    "submitted_at,unit,office,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,"
    "suggestion\n"
)
ROW = "2026-10-02 09:15,SKCK,POLRES,3,3,4,4,3,3,4,3,3,L,34,SMA,WIRASWASTA,"
OTHER = "2026-10-03 10:00,SIM,POLRES,4,4,,4,3,4,4,3,2,P,17-25,S1,PELAJAR,Antrian lama"
# The keys that versions before the streaming import stored for ROW, ROW again, and OTHER.
OLD_KEYS = {
    "import:5218867cfe496afb113d48b6939a2d08",
    "import:0a9bb76ef4ca4778ad5a7647f622e04e",
    "import:4b987bad7d435c28b5fd8dc999c1724c",
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory without .env, and the database setting pointing inside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    return tmp_path


def stored(db: Path) -> list[tuple[str, str | None]]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT source_key, suggestion FROM responses ORDER BY id").fetchall()


def write(path: Path, *lines: str) -> str:
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path.name


def one_sentence(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.err.startswith("skm-bot: ") and captured.err.count("\n") == 1, captured.err
    assert "Traceback" not in captured.err and "_csv.Error" not in captured.err
    return captured.err


@pytest.mark.parametrize("skip", [[], ["--skip-invalid"]])
def test_a_field_over_the_csv_limit_names_its_line_and_imports_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str], skip: list[str]
):
    name = write(workdir / "big.csv", ROW, OTHER[:-12] + "x" * 140_000, ROW)
    assert main(["import", name, *skip]) == 2
    err = one_sentence(capsys)
    assert "big.csv, line 3: a field runs past 131,072 characters" in err
    assert "nothing was imported" in err
    assert stored(workdir / "skm.db") == []


@pytest.mark.parametrize("skip", [[], ["--skip-invalid"]])
def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(
    workdir: Path, capsys: pytest.CaptureFixture[str], skip: list[str]
):
    name = write(workdir / "quote.csv", ROW, ROW[:-1] + ',"Antrian lama', OTHER, OTHER)
    assert main(["import", name, *skip]) == 2
    err = one_sentence(capsys)
    assert 'quote.csv, line 3: a quote (") opened on this line is not closed' in err
    assert "before line 5" in err and "nothing was imported" in err
    assert stored(workdir / "skm.db") == []


def test_an_unclosed_quote_closed_by_a_later_field_is_caught_too(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    later = OTHER[: -len("Antrian lama")] + '"Antrian, lama"'
    name = write(workdir / "quote.csv", ROW[:-1] + ',"Ruang panas', ROW, later)
    assert main(["import", name]) == 2
    assert "quote.csv, line 2: a quote" in one_sentence(capsys)
    assert stored(workdir / "skm.db") == []


def test_a_quoted_suggestion_over_several_lines_is_one_answer(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    name = write(workdir / "lines.csv", ROW[:-1] + ',"Antrian lama,\nAC mati"', OTHER)
    assert main(["import", name]) == 0
    assert [s for _, s in stored(workdir / "skm.db")] == ["Antrian lama,\nAC mati", "Antrian lama"]


def test_repeated_rows_keep_the_keys_older_versions_gave_them(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    name = write(workdir / "again.csv", ROW, ROW, OTHER)
    assert main(["import", name]) == 0
    assert "3 respons baru diimpor, 0 sudah ada" in capsys.readouterr().out
    assert {key for key, _ in stored(workdir / "skm.db")} == OLD_KEYS
    assert main(["import", name]) == 0
    assert "0 respons baru diimpor, 3 sudah ada" in capsys.readouterr().out
    name = write(workdir / "more.csv", ROW, ROW, ROW, OTHER)  # a third copy is new
    assert main(["import", name]) == 0
    assert "1 respons baru diimpor, 3 sudah ada" in capsys.readouterr().out


def test_many_bad_lines_are_listed_up_to_a_hundred_and_counted(
    workdir: Path, capsys: pytest.CaptureFixture[str]
):
    bad = ROW.replace(",3,3,4,4,", ",3,3,9,4,")
    name = write(workdir / "bad.csv", *[ROW] * 10, *[bad] * 150)
    assert main(["import", name]) == 1
    err = capsys.readouterr().err
    assert "line 12, column u3: '9' is not an answer 1-4" in err
    assert "line 111, column u3" in err and "line 112, column u3" not in err
    assert "… dan 50 baris lain." in err
    assert stored(workdir / "skm.db") == []
    assert main(["import", name, "--skip-invalid"]) == 0
    assert "10 respons baru diimpor" in capsys.readouterr().out


@pytest.mark.parametrize("sep", [";", ","])
def test_an_export_imports_back_whole(workdir: Path, capsys: pytest.CaptureFixture[str], sep: str):
    rows = [
        response("433433433", when=q4(3), suggestion='=HYPERLINK("http://evil.example/","x")'),
        response("3333-3333", when=q4(4), suggestion="-1", gender="P", age="26-35"),
        response("444444444", unit="SIM", when=q4(5), suggestion="Baik\r\nsekali"),
    ]
    (workdir / "export.csv").write_bytes(write_csv(rows, JAKARTA, sep))
    assert main(["import", "export.csv"]) == 0
    assert "3 respons baru diimpor" in capsys.readouterr().out
    assert [s for _, s in stored(workdir / "skm.db")] == [r.suggestion for r in rows]
    assert main(["import", "export.csv"]) == 0
    assert "0 respons baru diimpor, 3 sudah ada" in capsys.readouterr().out


def test_a_windows_file_in_cp1252_still_imports(workdir: Path, capsys: pytest.CaptureFixture[str]):
    text = HEADER + ROW + "Ada café di ruang tunggu\n"
    (workdir / "win.csv").write_bytes(text.encode("cp1252"))
    assert main(["import", "win.csv"]) == 0
    assert [s for _, s in stored(workdir / "skm.db")] == ["Ada café di ruang tunggu"]
