"""The citizens' poster: A4 at 300 dpi, black on white, and the figures `report --json` gives."""

from __future__ import annotations

import asyncio
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from documents.publikasi import HEIGHT, WIDTH, PosterData, draw_poster
from service.directory import load_directory
from skm.followup import Status
from skm.index import compute_ikm
from skm.numbers import number
from skm.period import parse_period
from skm.questionnaire import ELEMENTS
from storage import followups
from storage.database import Database
from tests.documents.helpers import JAKARTA, cli, known_year, report_json, seed

NOW = datetime(2026, 11, 25, 9, tzinfo=JAKARTA)


def n(value: float | Decimal, digits: int = 2) -> str:
    return number(Decimal(str(value)), digits)


async def _record(path: Path, actions: list[tuple[str, str, str, Status]]) -> None:
    db = await Database.open(path)
    try:
        for unit, element, text, status in actions:
            await followups.add(
                db, unit, None, element, text, "Kanit", date(2026, 3, 1), status, 1, NOW
            )
    finally:
        await db.close()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    monkeypatch.delenv("SKM_UNITS_FILE", raising=False)
    monkeypatch.delenv("SKM_WEIGHTING", raising=False)
    return tmp_path


def test_the_poster_carries_the_report_figures_and_published_actions(workdir: Path):
    db = workdir / "skm.db"
    seed(db, known_year())
    asyncio.run(
        _record(
            db,
            [
                ("SKCK", "U3", "Tambah loket pada jam sibuk", "selesai"),
                ("SKCK", "U8", "Kipas angin di ruang tunggu", "berjalan"),
                ("SKCK", "U2", "Only a plan: not for citizens yet", "rencana"),
                ("SIM", "U1", "Another unit's action", "selesai"),
            ],
        )
    )
    out = workdir / "poster.png"
    code, stdout, err = cli(
        "publikasi", "--db", str(db), "--period", "2025", "--unit", "SKCK", "--out", str(out)
    )
    assert code == 0, err
    skck = next(u for u in report_json(db, "2025")["units"] if u["unit"] == "SKCK")
    assert stdout.strip() == (
        f"Poster ditulis ke {out}: Pelayanan SKCK, {skck['respondents']} responden, "
        "Tahun 2025 (2025)."
    )
    image = Image.open(out)
    assert image.size == (WIDTH, HEIGHT) == (2480, 3508)
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)  # PNG stores dots a metre
    # The texts drawn come from the poster itself: draw it again from the same database.
    from documents.publikasi import gather_poster
    from skm.index import Weighting

    async def texts() -> list[str]:
        opened = await Database.open(db)
        try:
            data = await gather_poster(
                opened,
                load_directory(None),
                Weighting.REGULATION,
                parse_period("2025", NOW),
                "SKCK",
                None,
            )
        finally:
            await opened.close()
        assert data is not None
        poster = draw_poster(data)
        assert poster.png() == out.read_bytes()  # the same page the command wrote
        return poster.texts

    drawn = asyncio.run(texts())
    assert n(skck["ikm"]) in drawn
    assert skck["grade"] in drawn and skck["performance"] in drawn
    assert f"dari {skck['respondents']} responden" in drawn
    assert "Tahun 2025 (01-01-2025 s.d. 31-12-2025)" in drawn
    for element in ELEMENTS:
        assert n(Decimal(str(skck["nrr"][element.code])) * 25) in drawn, element.code
    assert "Tindak lanjut kami" in drawn
    assert "[✓] Selesai" in drawn and "[»] Berjalan" in drawn
    assert "Waktu Penyelesaian: Tambah loket pada jam sibuk" in drawn
    assert not any("Only a plan" in s or "Another unit" in s for s in drawn)


def test_the_page_is_black_on_white(workdir: Path):
    rows = [
        {f"U{i}": s for i, s in enumerate([4, 3, 3, 4, 3, 4, 4, 3, 2], start=1)},
        {f"U{i}": 3 for i in range(1, 10)},
    ]
    data = PosterData(
        "SKCK",
        "Pelayanan SKCK",
        "Polres Contoh",
        parse_period("2026-Q4", NOW),
        compute_ikm(rows),
        [],
    )
    poster = draw_poster(data)
    gray = Image.open(io.BytesIO(poster.png())).convert("L")
    histogram = gray.histogram()
    total = WIDTH * HEIGHT
    white = sum(histogram[230:]) / total
    dark = sum(histogram[:100]) / total
    assert white > 0.6  # mostly paper
    assert dark > 0.08  # and ink: the header band, the figures, the bars
    assert sum(histogram[100:230]) / total < 0.12  # little in between: prints in black and white
    assert "Tindak lanjut atas hasil survei ini sedang disusun." in poster.texts
    pdf = poster.pdf()
    assert pdf.startswith(b"%PDF")


def test_pdf_output_and_the_bad_input(workdir: Path):
    db = workdir / "skm.db"
    seed(db, known_year())
    out = workdir / "poster.pdf"
    code, _, err = cli(
        "publikasi", "--db", str(db), "--period", "2025", "--unit", "SIM", "--out", str(out)
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    code, _, err = cli(
        "publikasi",
        "--db",
        str(db),
        "--period",
        "2020",
        "--unit",
        "SIM",
        "--out",
        str(workdir / "empty.png"),
    )
    assert code == 2 and not (workdir / "empty.png").exists()
    assert err.strip() == (
        "skm-bot: Tidak ada responden pada periode Tahun 2020 (2020) untuk pilihan ini; "
        "poster tidak dibuat."
    )
    code, _, err = cli(
        "publikasi", "--db", str(db), "--period", "2025", "--out", str(workdir / "x.png")
    )
    assert code == 2
    assert "Poster dibuat per unit, dan pilihan ini memuat" in err and "--unit" in err
    code, _, err = cli(
        "publikasi", "--db", str(db), "--unit", "SIM", "--out", str(workdir / "x.jpg")
    )
    assert code == 2 and "--out must end in .png or .pdf" in err
