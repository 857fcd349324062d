"""`skm-bot report` as people read it: the profile, the aligned table, bad input, a closed pipe."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "google-forms.csv"  # 6 respondents


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory without .env, and the database setting pointing inside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    return tmp_path


def report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


def cells(line: str) -> list[str]:
    """A table row's label and cells (columns are two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


def test_the_profile_is_in_the_forms_words_and_order_with_shares(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = report(capsys, "--csv", str(FIXTURE))
    profile = out.split("Profil responden\n")[1].splitlines()
    assert [cells(line) for line in profile] == [
        ["Jenis kelamin", "Jumlah", "Persentase"],
        ["Laki-laki", "3", "50,00%"],
        ["Perempuan", "3", "50,00%"],
        ["Usia", "Jumlah", "Persentase"],
        ["Di bawah 17 tahun", "1", "16,67%"],
        ["17-25 tahun", "1", "16,67%"],
        ["26-35 tahun", "1", "16,67%"],
        ["36-45 tahun", "1", "16,67%"],
        ["46-55 tahun", "1", "16,67%"],
        ["56-65 tahun", "0", "0,00%"],
        ["Di atas 65 tahun", "1", "16,67%"],
        ["Pendidikan terakhir", "Jumlah", "Persentase"],
        ["Tidak sekolah", "0", "0,00%"],
        ["SD", "1", "16,67%"],
        ["SMP", "1", "16,67%"],
        ["SMA/SMK", "1", "16,67%"],
        ["D1-D4", "1", "16,67%"],
        ["S1", "1", "16,67%"],
        ["S2", "1", "16,67%"],
        ["S3", "0", "0,00%"],
        ["Pekerjaan", "Jumlah", "Persentase"],
        ["PNS", "1", "16,67%"],
        ["TNI", "0", "0,00%"],
        ["POLRI", "0", "0,00%"],
        ["Pegawai swasta", "1", "16,67%"],
        ["Wiraswasta", "1", "16,67%"],
        ["Petani/Nelayan", "0", "0,00%"],
        ["Ibu rumah tangga", "0", "0,00%"],
        ["Pelajar/Mahasiswa", "2", "33,33%"],
        ["Tidak bekerja", "1", "16,67%"],
        ["Lainnya", "0", "0,00%"],
    ]


def test_a_profile_left_blank_is_counted_as_such(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",Laki-laki,", ",,", 1)
    (workdir / "blank.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = report(capsys, "--csv", "blank.csv", "--lang", "en")
    gender = out.split("Respondent profile\n")[1].splitlines()[:4]
    assert [cells(line) for line in gender] == [
        ["Gender", "Count", "Share"],
        ["Male", "2", "33.33%"],
        ["Female", "3", "50.00%"],
        ["Not given", "1", "16.67%"],
    ]


def test_english_has_no_doubled_names_and_its_columns_stay_aligned(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = report(capsys, "--csv", str(FIXTURE), "--lang", "en")
    assert "Service unit: Driving licence (SIM)\n" in out
    assert "Service unit: Integrated police service centre (SPKT)\n" in out
    assert "(SIM) (SIM)" not in out and "(SKCK) (SKCK)" not in out
    lines = out.splitlines()
    rows = [line for line in lines if re.search(r"\S {2,}\S", line)]
    assert len(rows) > 20
    # Every row of every table ends at the same column: the cells are right-aligned.
    assert {len(row) for row in rows} == {len(rows[0])}
    header = next(line for line in lines if line.startswith("Service element"))
    nrr_end = header.index("NRR") + len("NRR")
    elements = [line for line in lines if re.match(r"U\d ", line)]
    # Only SKCK's (3 respondents): SIM's 2 and SPKT's 1 are too few to show their answers.
    assert len(elements) == 9
    assert out.count("too few respondents") == 2
    for line in elements:
        # The NRR ends under its heading, at least two spaces after the longest name.
        assert re.fullmatch(r"\d\.\d\d", line[nrr_end - 4 : nrr_end]), line
        assert line[: nrr_end - 4].endswith("  "), line
    assert "U9 Handling of Complaints, Suggestions and Feedback  " in out


def test_the_indonesian_table_keeps_its_width(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = report(capsys, "--csv", str(FIXTURE), "--unit", "SKCK")
    assert "Unit layanan: Pelayanan SKCK\n" in out
    line = next(line for line in out.splitlines() if line.startswith("U1 "))
    assert line == "U1 Persyaratan".ljust(44) + "2,67".rjust(16) + "0,296".rjust(16)


def test_an_unknown_unit_or_office_is_refused_with_the_known_codes(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(FIXTURE)]) == 0
    capsys.readouterr()
    assert main(["report", "--unit", "FOO"]) == 2
    assert capsys.readouterr().err == (
        "skm-bot: there is no unit FOO; the units are: SIM, SKCK, SPKT, SATRESKRIM, SATNARKOBA.\n"
    )
    assert main(["report", "--office", "polsek_foo", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "skm-bot: there is no office POLSEK_FOO; the offices are: POLRES, PS_KOTA, PS_UTARA, "
        "PS_SELATAN, PS_BARAT.\n"
    )
    # A unit of the units file without respondents is a report of nobody, not an error.
    assert "Tidak ada responden untuk pilihan ini." in report(capsys, "--unit", "SATNARKOBA")
    assert main(["laporan", "--unit", "FOO", "--out", "x.docx"]) == 2
    assert "there is no unit FOO; the units are: SIM," in capsys.readouterr().err
    assert not (workdir / "x.docx").exists()


def test_with_csv_the_known_codes_are_the_files(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--csv", str(FIXTURE), "--unit", "SATNARKOBA"]) == 2
    assert capsys.readouterr().err == (
        f"skm-bot: {FIXTURE} has no unit SATNARKOBA; its units are: SIM, SKCK, SPKT.\n"
    )
    assert main(["report", "--csv", str(FIXTURE), "--office", "PS_UTARA"]) == 2
    assert "its offices are: POLRES, PS_KOTA." in capsys.readouterr().err


def write_with_bad_lines(path: Path, bad: int) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    broken = lines[1].replace("Sangat sesuai", "9", 1)
    path.write_text("\n".join([*lines, *[broken] * bad]) + "\n", encoding="utf-8")


def test_report_csv_lists_ten_bad_lines_and_counts_the_rest(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_with_bad_lines(workdir / "bad.csv", 47)
    assert main(["report", "--csv", "bad.csv"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Baris berikut tidak valid; tidak ada yang diimpor:"
    assert err[1].startswith("  line 8, column u1: '9' is not an answer 1-4")
    assert [line.split(",")[0] for line in err[1:11]] == [f"  line {n}" for n in range(8, 18)]
    assert err[11:] == [
        "… dan 37 baris lain.",
        "skm-bot: bad.csv has 47 invalid line(s); fix them, or pass --skip-invalid to leave "
        "them out.",
    ]


def test_report_csv_skip_invalid_reports_the_rest(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_with_bad_lines(workdir / "bad.csv", 47)
    assert main(["report", "--csv", "bad.csv", "--skip-invalid", "--json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["overall"]["respondents"] == 6  # stdout stays clean JSON
    err = captured.err.splitlines()
    assert err[0] == "These lines were skipped:"
    assert len(err) == 12 and err[11] == "… and 37 more lines."
    write_with_bad_lines(workdir / "few.csv", 3)
    assert main(["report", "--csv", "few.csv", "--skip-invalid"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 4 and not any("…" in line for line in err)


def test_a_reader_that_stops_early_ends_it_quietly(workdir: Path) -> None:
    """`skm-bot report | head`: the pipe closes before the report is written."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SKM_DATABASE": str(workdir / "skm.db")}
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "report", "--csv", str(FIXTURE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=workdir,
        env=env,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # as `head` does once it has its lines
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141  # 128 + SIGPIPE, as a shell shows for `yes | head`
    assert err == ""
