"""The Laporan SKM as PDF and PNG pages, when LibreOffice and pdftoppm are installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.documents.conftest import Written
from tests.documents.helpers import cli

needs_tools = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice) and pdftoppm are not installed",
)


@needs_tools
def test_the_report_converts_to_a4_pdf_pages(written: Written, workdir: Path):
    out = workdir / "pdf" / "laporan.docx"
    out.parent.mkdir()
    code, stdout, stderr = cli(
        "laporan", "--db", str(written.db), "--period", "2025", "--out", str(out), "--pdf"
    )
    assert code == 0, stderr
    pdf = out.with_suffix(".pdf")
    assert stdout.splitlines()[-1] == f"PDF ditulis ke {pdf}."
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(pdf), str(out.parent / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(out.parent.glob("page-*.png"))
    assert len(pages) >= 12  # cover, contents, five chapters with tables and charts
    for page in pages[:3]:
        width, height = Image.open(page).size
        assert abs(height / width - 29.7 / 21) < 0.01  # A4 portrait
    assert not list(out.parent.glob(".*-lo-profile"))  # LibreOffice's profile is cleaned up


def test_without_libreoffice_the_pdf_is_skipped_in_one_sentence(
    written: Written, workdir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PATH", str(workdir / "no-tools-here"))
    out = workdir / "no-pdf.docx"
    code, stdout, _ = cli(
        "laporan", "--db", str(written.db), "--period", "2025", "--out", str(out), "--pdf"
    )
    assert code == 0 and out.exists()
    assert stdout.splitlines()[-1] == (
        "PDF tidak dibuat karena LibreOffice (soffice) tidak terpasang; buka berkas DOCX di "
        "Word dan simpan sebagai PDF."
    )
    assert not out.with_suffix(".pdf").exists()
