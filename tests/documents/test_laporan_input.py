"""Bad input for the Laporan SKM: hostile text, a short sample, an empty period, who signs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from documents.plain import plain
from tests.documents.conftest import Written
from tests.documents.helpers import HOSTILE, SKCK_SUGGESTION, cli, next_table, texts


def test_suggestions_stand_under_their_unit_as_plain_text(written: Written):
    lines = texts(written.docx)
    start = lines.index("Pelayanan SKCK (SKCK)", lines.index("4.3 Saran dan Masukan Masyarakat"))
    end = lines.index("Sentra Pelayanan Kepolisian Terpadu (SPKT)", start)
    under_skck = lines[start + 1 : end]
    assert SKCK_SUGGESTION in under_skck
    assert '=HYPERLINK("http://evil.example","klik")' in under_skck
    assert "Antrean lama [31m sekali" in under_skck  # control characters gone
    assert "<w:p><w:r><w:t>sisipan</w:t></w:r></w:p>" in under_skck
    assert "Tolong lebih cepat" in under_skck  # no right-to-left override
    assert len([line for line in under_skck if line]) == 1 + len(HOSTILE)
    # Other units had none.
    sim = lines.index("Pelayanan SIM (SIM)", lines.index("4.3 Saran dan Masukan Masyarakat"))
    assert lines[sim + 1] == "Tidak ada saran pada periode ini."


def test_no_field_link_or_injected_paragraph_in_the_file(written: Written):
    with zipfile.ZipFile(written.docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
        names = package.namelist()
    for marker in ("w:fldChar", "w:instrText", "w:fldSimple", "w:hyperlink"):
        assert marker not in xml
    assert "&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;sisipan" in xml
    assert "<w:t>sisipan</w:t>" not in xml
    assert "\x07" not in xml and "\x1b" not in xml
    rels = next(n for n in names if n.endswith("document.xml.rels"))
    with zipfile.ZipFile(written.docx) as package:
        assert "evil.example" not in package.read(rels).decode("utf-8")


def test_a_short_sample_is_stated_in_bab_ii_and_beside_each_unit(written: Written):
    table = next_table(written.docx, "2.4 Jumlah Sampel")
    assert table[0] == [
        "Unit pelayanan",
        "Populasi (N)",
        "Sampel minimum",
        "Responden",
        "Keterangan",
    ]
    sim = next(row for row in table if row[0] == "Pelayanan SIM")
    # 2.000 a month for a year: N = 24.000, Krejcie-Morgan 378; 80 answered.
    assert sim[1:] == ["24.000", "378", "80", "kurang 298 responden"]
    narkoba = next(row for row in table if row[0] == "Satuan Reserse Narkoba")
    assert narkoba[1:] == ["480", "214", "58", "kurang 156 responden"]
    # SKCK is also served at Polsek Utara, Selatan and Barat, which have no volume: the check
    # says so and asks for 30, rather than adding up only the volumes it knows.
    skck = next(row for row in table if row[0] == "Pelayanan SKCK")
    assert skck[1:] == ["–", "30", "90", "volume tidak diisi, minimal 30: memenuhi"]
    lines = texts(written.docx)
    short = lines[lines.index("2.4 Jumlah Sampel (Krejcie dan Morgan)") + 3 :]
    assert short[:3] == [
        "Jumlah responden unit berikut belum mencapai sampel minimum; hasilnya tetap "
        "disajikan dan perlu dibaca dengan hati-hati:",
        "a. Pelayanan SIM (SIM): 80 responden dari 378 yang diperlukan, kurang 298.",
        "b. Satuan Reserse Narkoba (SATNARKOBA): 58 responden dari 214 yang diperlukan, "
        "kurang 156.",
    ]
    beside = lines[lines.index("3.2.1 Pelayanan SIM (SIM)") + 1]
    assert beside == "Jumlah responden: 80; sampel minimum 378 (kurang 298 responden)."


def test_an_empty_period_gives_one_sentence_and_no_file(written: Written, workdir: Path):
    out = workdir / "kosong.docx"
    code, stdout, stderr = cli(
        "laporan", "--db", str(written.db), "--period", "2020", "--out", str(out)
    )
    assert code == 2 and stdout == ""
    assert stderr == (
        "skm-bot: Tidak ada responden pada periode Tahun 2020 (2020) untuk pilihan ini; "
        "tidak ada berkas yang ditulis.\n"
    )
    assert not out.exists()


def test_without_a_head_in_the_units_file_the_signature_has_blank_lines(written: Written):
    lines = texts(written.docx)
    at = lines.index("KEPALA POLRES CONTOH")
    assert lines[at - 1].startswith("................, ")
    assert lines[at + 4 :] == [
        "....................................",
        "................ NRP ................",
    ]


UNITS_WITH_HEAD = """
[[units]]
code = "SKCK"
name = "Pelayanan SKCK"

[[offices]]
code = "POLRES"
name = "Polres Magelang Kota"
units = ["SKCK"]
volume = { SKCK = 30 }
city = "Magelang"
head_name = "Dr. Budi Santoso, S.I.K., M.H."
head_rank = "AKBP"
head_nrp = "78010123"
"""


def test_the_head_from_the_units_file_signs(written: Written, workdir: Path, monkeypatch):
    units = workdir / "units-head.toml"
    units.write_text(UNITS_WITH_HEAD, encoding="utf-8")
    monkeypatch.setenv("SKM_UNITS_FILE", str(units))
    out = workdir / "skck.docx"
    code, _, stderr = cli(
        "laporan", "--db", str(written.db), "--period", "2025", "--unit", "SKCK", "--out", str(out)
    )
    assert code == 0, stderr
    lines = texts(out)
    at = lines.index("KEPALA POLRES MAGELANG KOTA")
    assert lines[at - 1].startswith("Magelang, ")
    assert lines[at + 4 :] == ["Dr. Budi Santoso, S.I.K., M.H.", "AKBP NRP 78010123"]
    assert "MAGELANG KOTA" not in " ".join(lines[:3])
    assert "Magelang 20" in " ".join(lines[:30])  # the cover's place and year
    # Only SKCK is in it. Its respondents also came from Polsek offices this units file does
    # not know, which have no volume: the check says so and asks for 30 instead of taking
    # Polres' 30 a month alone.
    assert not any(line.startswith("3.2.2") for line in lines)
    sample = next_table(out, "2.4 Jumlah Sampel")
    assert sample[1] == [
        "Pelayanan SKCK",
        "–",
        "30",
        "90",
        "volume tidak diisi, minimal 30: memenuhi",
    ]
    # At Polres alone, 30 a month for a year is N = 360, so 186 are needed.
    code, _, stderr = cli(
        "laporan",
        "--db",
        str(written.db),
        "--period",
        "2025",
        "--unit",
        "SKCK",
        "--office",
        "POLRES",
        "--out",
        str(out),
    )
    assert code == 0, stderr
    assert next_table(out, "2.4 Jumlah Sampel")[1][:3] == ["Pelayanan SKCK", "360", "186"]


def test_plain_keeps_words_and_drops_what_acts():
    assert plain("a\tb\nc\r\nd") == "a b c d"
    assert plain("x\x00y\x7f\u0085z") == "x y z"
    assert plain("ok\ud800") == "ok"
    assert plain("\u2066kiri\u2069 \ufffe") == "kiri"
    assert plain("  =SUM(A1)  ") == "=SUM(A1)"
