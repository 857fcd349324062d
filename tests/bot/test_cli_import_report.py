"""`skm-bot import` and `skm-bot report` on a messy real-world CSV, checked against hand sums."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main

# A semicolon-separated export with a BOM, mixed header case, codes in any case, extra
# spaces, the spellings people write, a blank answer (SKCK r2 U3) and one bad row (u5 = 5).
MESSY = (
    "\ufeffSubmitted_At; Unit ;Office;U1;U2;U3;U4;U5;U6;U7;U8;U9;Gender;Age;Education;"
    "Occupation;Suggestion\n"
    "2026-10-02 09:15;skck;polres;3;3;4;4;3;3;4;3;3;Laki-laki;34;SMA/SMK;Wirausaha;\n"
    "2026-10-03 10:00; SKCK ;POLRES;4;4;;4;3;4;4;3;2;P;17 - 25;S1;Pelajar/Mahasiswa;"
    "Antrian terlalu lama\n"
    "2026-10-04 08:30;Skck;ps_kota;3;2;3;4;3;3;3;3;3;perempuan;45;D3;PNS;\n"
    '2026-10-05 13:00;SKCK;PS_KOTA;4;3;3;4;4;4;4;3;3;L;>65;S2;Pegawai Swasta;"Ruang tunggu '
    'panas; tambah kipas"\n'
    "2026-10-06 09:00;SIM;POLRES;2;3;3;4;3;3;3;2;3;Pria;61;SMA;Tidak Bekerja;\n"
    "2026-10-07 10:00;sim;polres;3;3;2;4;3;2;3;2;2;Wanita;26;SMP;lainnya;\n"
    "2026-10-08 11:00;SIM;POLRES;3;3;3;4;5;3;3;3;3;L;30;SMA;PNS;\n"
)

# By hand. SKCK (4 respondents, U3 answered by 3):
#   sums U1..U9 = 14 12 10 16 13 14 15 12 11 -> NRR 3.5 3 3.3333 4 3.25 3.5 3.75 3 2.75
#   sum of NRR = 30.083333...; index = 30.083333 * 0.111 = 3.33925; IKM = 83.48125 (B)
# SIM (2 respondents): NRR 2.5 3 2.5 4 3 2.5 3 2 2.5, sum 25; index 2.775; IKM 69.375 (C)
# All units: mean of unit IKMs = 76.428125 (C, as 76.43 < 76.61);
#   pooled over 6 respondents: NRR sum 28.3333..., index 3.145, IKM 78.625 (B).
SKCK_IKM = 83.48125
SIM_IKM = 69.375


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory without .env, and the database setting pointing inside it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    (tmp_path / "messy.csv").write_text(MESSY, encoding="utf-8")
    return tmp_path


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM responses").fetchone()[0])


def _report_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["report", "--json", *args]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_a_bad_row_imports_nothing_and_names_line_and_column(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "messy.csv"]) == 1
    err = capsys.readouterr().err
    assert "line 8, column u5" in err
    assert "--skip-invalid" in err
    assert not (workdir / "skm.db").exists() or _rows(workdir / "skm.db") == 0


def test_skip_invalid_imports_the_rest_once(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "messy.csv", "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "line 8, column u5" in out
    assert "6 respons baru" in out
    assert main(["import", "messy.csv", "--skip-invalid"]) == 0
    assert "0 respons baru diimpor, 6 sudah ada" in capsys.readouterr().out
    assert _rows(workdir / "skm.db") == 6


def test_report_json_matches_hand_computation(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    report = _report_json(capsys)
    units = {u["unit"]: u for u in report["units"]}  # type: ignore[attr-defined]
    assert set(units) == {"SKCK", "SIM"}
    skck = units["SKCK"]
    assert set(skck) >= {"unit", "respondents", "nrr", "index", "ikm", "grade", "performance"}
    assert skck["respondents"] == 4
    assert skck["nrr"]["U3"] == pytest.approx(10 / 3)
    assert skck["nrr"]["U9"] == pytest.approx(2.75)
    assert skck["index"] == pytest.approx(3.33925)
    assert skck["ikm"] == pytest.approx(SKCK_IKM)
    assert (skck["grade"], skck["performance"]) == ("B", "Baik")
    assert units["SIM"]["ikm"] == pytest.approx(SIM_IKM)
    assert (units["SIM"]["grade"], units["SIM"]["performance"]) == ("C", "Kurang Baik")
    # The 95% interval beside the official figure; SIM's two respondents keep their NRRs
    # to themselves.
    assert skck["ci_low"] < skck["ikm"] < skck["ci_high"]
    assert skck["sample"] == {
        "respondents": 4,
        "required": 30,
        "enough": False,
        "population": None,
        "offices_without_volume": ["PS_UTARA", "PS_SELATAN", "PS_BARAT"],
    }
    assert units["SIM"]["nrr"] == dict.fromkeys(units["SIM"]["nrr"])
    overall = report["overall"]
    assert overall["ci_low"] < overall["ikm"] < overall["ci_high"]
    assert overall["pooled_ci_low"] < overall["pooled_ikm"] < overall["pooled_ci_high"]
    assert {
        k: overall[k] for k in ("respondents", "ikm", "grade", "performance", "pooled_ikm")
    } == {
        "respondents": 6,
        "ikm": pytest.approx((SKCK_IKM + SIM_IKM) / 2),
        "grade": "C",
        "performance": "Kurang Baik",
        "pooled_ikm": pytest.approx(78.625),
    }
    assert report["profile"] == {
        "gender": {"L": 3, "P": 3},
        "age": {"17-25": 1, "26-35": 2, "36-45": 1, "56-65": 1, ">65": 1},
        "education": {"SMA": 2, "S1": 1, "D1-D4": 1, "S2": 1, "SMP": 1},
        "occupation": {
            "WIRASWASTA": 1,
            "PELAJAR": 1,
            "PNS": 1,
            "SWASTA": 1,
            "TIDAK_BEKERJA": 1,
            "LAINNYA": 1,
        },
    }


def test_exact_weight_is_a_setting(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    monkeypatch.setenv("SKM_WEIGHTING", "1/9")
    skck = next(u for u in _report_json(capsys)["units"] if u["unit"] == "SKCK")  # type: ignore[attr-defined]
    assert skck["ikm"] == pytest.approx(30.083333333333 / 9 * 25)


def test_filters_by_unit_office_and_period(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    only = _report_json(capsys, "--unit", "skck", "--office", "ps_kota", "--period", "2026-Q4")
    assert [u["unit"] for u in only["units"]] == ["SKCK"]  # type: ignore[attr-defined]
    assert only["units"][0]["respondents"] == 2  # type: ignore[index]
    empty = _report_json(capsys, "--period", "2026-11")
    assert empty["units"] == []
    assert empty["overall"]["respondents"] == 0  # type: ignore[index]


def test_report_from_csv_matches_the_database(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = "\n".join(line for line in MESSY.splitlines() if "5;3;3;3;3;L;30" not in line)
    (workdir / "good.csv").write_text(good + "\n", encoding="utf-8")
    from_csv = _report_json(capsys, "--csv", "good.csv")
    main(["import", "good.csv"])
    from_db = _report_json(capsys)
    assert from_csv["units"] == from_db["units"]
    assert from_csv["overall"] == from_db["overall"]


def test_report_text_uses_the_decimal_comma_and_names(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    capsys.readouterr()
    assert main(["report", "--unit", "SKCK"]) == 0
    out = capsys.readouterr().out
    assert "Pelayanan SKCK" in out
    assert "U9 Penanganan Pengaduan, Saran dan Masukan" in out
    assert "83,48" in out
    assert "Baik" in out


def test_bad_period_and_missing_file_are_one_sentence(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    capsys.readouterr()
    assert main(["report", "--period", "2026-Q5"]) == 2
    assert "2026-Q4" in capsys.readouterr().err
    assert main(["import", "nope.csv"]) == 2
    assert "cannot read nope.csv" in capsys.readouterr().err


def test_unknown_unit_is_rejected_on_import(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = MESSY.splitlines()[0]
    (workdir / "odd.csv").write_text(
        header + "\n2026-10-02 09:15;LANTAS;POLRES;3;3;4;4;3;3;4;3;3;L;34;SMA;PNS;\n",
        encoding="utf-8",
    )
    assert main(["import", "odd.csv"]) == 1
    assert "line 2, column unit: LANTAS is not in the units file" in capsys.readouterr().err


def test_report_text_gives_the_interval_and_withholds_two_respondents_elements(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "messy.csv", "--skip-invalid"])
    capsys.readouterr()
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    skck = out[out.index("Unit layanan: Pelayanan SKCK") :].split("\n\n")[0]
    assert "U3 Waktu Penyelesaian" in skck
    assert "Rentang 95% (mutu)" in skck and "sampel belum cukup (n=4 dari 30)" in skck
    sim = out[out.index("Unit layanan: Pelayanan SIM") :].split("\n\n")[0]
    assert "terlalu sedikit responden untuk ditampilkan" in sim
    assert "Waktu Penyelesaian" not in sim
