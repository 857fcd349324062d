"""Every figure in the Laporan SKM, read back with python-docx, against `report --json`."""

from __future__ import annotations

from decimal import Decimal

from service.directory import load_directory
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS
from tests.documents.conftest import Written
from tests.documents.helpers import after, next_table, texts

NAMES = load_directory(None)
UNIT_HEADER = ["No", "Unsur pelayanan", "Jumlah nilai", "Terisi", "NRR", "NRR tertimbang"]
RTL_HEADER = [
    "No",
    "Unit",
    "Unsur prioritas",
    "Kegiatan",
    "Penanggung jawab",
    "Batas waktu",
    "Status",
]


def n(value: float | int, digits: int) -> str:
    """The Indonesian way: 82,29 and 1.234 (half-up, from the JSON's full precision)."""
    from skm.numbers import number

    return number(Decimal(str(value)), digits)


def test_the_command_says_what_it_wrote(written: Written):
    assert written.stdout.strip() == (
        f"Laporan SKM ditulis ke {written.docx}: 363 responden, Tahun 2025 (2025)."
    )


def test_cover_and_contents(written: Written):
    lines = texts(written.docx)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in lines[:10]
    assert "POLRES CONTOH" in lines and "Tahun 2025" in lines
    assert "(01-01-2025 s.d. 31-12-2025)" in lines
    start = lines.index("DAFTAR ISI")
    assert lines[start + 2 : start + 7] == [
        "BAB I Pendahuluan",
        "BAB II Metode Survei",
        "BAB III Hasil Survei",
        "BAB IV Analisis",
        "BAB V Kesimpulan dan Rencana Tindak Lanjut",
    ]
    for heading in ("BAB I PENDAHULUAN", "BAB II METODE SURVEI", "BAB V KESIMPULAN"):
        assert any(line.startswith(heading) for line in lines)
    joined = "\n".join(lines)
    for law in ("Nomor 25 Tahun 2009", "Nomor 96 Tahun 2012", "Nomor 14 Tahun 2017"):
        assert law in joined


def test_each_unit_table_matches_the_report(written: Written):
    units = written.report["units"]
    assert sorted(u["unit"] for u in units) == sorted(
        ["SIM", "SKCK", "SPKT", "SATRESKRIM", "SATNARKOBA"]
    )
    # The document follows the units file's order; the JSON the codes' alphabetical order.
    in_file_order = sorted(units, key=lambda u: list(NAMES.units).index(u["unit"]))
    for number_, unit in enumerate(in_file_order, start=1):
        name = NAMES.unit_name(unit["unit"])
        title = f"3.2.{number_} {name} ({unit['unit']})"
        table = next_table(written.docx, title)
        assert table[0] == [
            "No",
            "Unsur pelayanan",
            "Jumlah nilai",
            "Terisi",
            "NRR",
            "NRR tertimbang",
        ]
        for row, element in zip(table[1:10], ELEMENTS, strict=True):
            nrr = unit["nrr"][element.code]
            assert row[1] == f"{element.code} {element.name('id')}"
            assert row[4] == n(nrr, 3)
            assert row[5] == n(Decimal(str(nrr)) * Decimal("0.111"), 4)
            total, answered = int(row[2].replace(".", "")), int(row[3].replace(".", ""))
            assert answered <= unit["respondents"]
            assert round(nrr * answered) == total  # the sum behind the NRR
        assert table[10][1] == "Nilai Indeks (jumlah NRR tertimbang)"
        assert table[10][5] == n(unit["index"], 4)
        lines = [b.text for b in after(written.docx, title) if hasattr(b, "text")][:12]
        assert lines[0].startswith(f"Jumlah responden: {unit['respondents']}")
        formula = (
            "Nilai IKM setelah dikonversi = Nilai Indeks × Nilai Dasar = "
            f"{n(unit['index'], 4)} × 25 = {n(unit['ikm'], 2)}"
        )
        assert formula in lines
        mutu = f"Mutu pelayanan: {unit['grade']}"
        short = f"{mutu} — sampel belum cukup (n={unit['respondents']} dari "
        assert any(line == mutu or line.startswith(short) for line in lines)
        assert (unit["sample"]["enough"] and mutu in lines) or any(
            line.startswith(short) for line in lines
        )
        interval = (
            "Rentang keyakinan 95% dari nilai indeks tiap responden: "
            f"{n(unit['ci_low'], 2)} – {n(unit['ci_high'], 2)} (mutu "
        )
        assert any(line.startswith(interval) for line in lines)
        assert f"Kinerja unit pelayanan: {unit['performance']}" in lines


def test_all_units_give_the_mean_of_unit_ikms_beside_the_pooled_ikm(written: Written):
    overall = written.report["overall"]
    table = next_table(written.docx, "3.3 IKM Seluruh Unit")
    by_name = {row[0]: row for row in table[1:]}
    mean = by_name["Rata-rata IKM unit"]
    assert mean[1] == "363" and mean[3:] == [
        n(overall["ikm"], 2),
        overall["grade"],
        overall["performance"],
    ]
    assert by_name["IKM gabungan seluruh responden"][3] == n(overall["pooled_ikm"], 2)
    for unit in written.report["units"]:
        row = by_name[NAMES.unit_name(unit["unit"])]
        assert row[1:5] == [
            str(unit["respondents"]),
            n(unit["index"], 4),
            n(unit["ikm"], 2),
            unit["grade"],
        ]


def test_a_unit_served_at_two_offices_has_an_office_table(written: Written):
    table = next_table(written.docx, "IKM Pelayanan SKCK per kantor")
    assert table[0] == ["Kantor", "Responden", "IKM", "Mutu", "Kinerja"]
    offices = [row[0] for row in table[1:]]
    assert offices[:2] == ["Polres Contoh", "Polsek Kota"]
    skck = next(u for u in written.report["units"] if u["unit"] == "SKCK")
    assert sum(int(row[1]) for row in table[1:]) == skck["respondents"]
    for office in ("POLRES", "PS_KOTA"):
        part = report_of(written, office)
        row = table[1 + offices.index(NAMES.office_name(office))]
        assert row[2] == n(part["ikm"], 2) and row[3] == part["grade"]


def report_of(written: Written, office: str) -> dict[str, object]:
    from tests.documents.helpers import report_json

    found = report_json(written.db, "2025", "--unit", "SKCK", "--office", office)
    return dict(found["units"][0])


def test_the_profile_counts_and_percentages(written: Written):
    profile, total = written.report["profile"], written.report["overall"]["respondents"]
    for f in PROFILE_FIELDS:
        table = next_table(written.docx, f.question("id"))
        assert table[0] == ["Kategori", "Jumlah", "Persentase"]
        shown = {row[0]: row[1:] for row in table[1:]}
        for code in f.codes:
            count = profile[f.key].get(code, 0)
            assert shown[f.label(code)("id")] == [str(count), n(count * 100 / total, 2) + "%"]
        blank = total - sum(profile[f.key].values())
        if blank:
            assert shown["Tidak diisi"] == [str(blank), n(blank * 100 / total, 2) + "%"]
        assert shown["Jumlah"] == [str(total), "100,00%"]


def test_each_profile_field_and_the_answers_have_a_chart(written: Written):
    from docx import Document

    document = Document(str(written.docx))
    pictures = document.inline_shapes
    # One per profile field, the units' IKM and the answers per element.
    assert len(pictures) == len(PROFILE_FIELDS) + 2


def test_the_answer_distribution_and_spearman_matrix(written: Written):
    table = next_table(written.docx, "3.5 Sebaran Jawaban")
    assert [row[0].split()[0] for row in table[1:]] == list(ELEMENT_CODES)
    for row in table[1:]:
        counts = [int(cell.split(" ")[0]) for cell in row[1:]]
        assert sum(counts) <= 363
    matrix = next_table(written.docx, "Korelasi Spearman")
    assert matrix[0] == ["", *ELEMENT_CODES]
    for i, row in enumerate(matrix[1:], start=1):
        assert row[i] == "1,00"  # each element with itself
        for j in range(1, 10):
            assert row[j] == matrix[j][i]  # symmetric


def test_conclusions_in_the_reports_own_phrasing(written: Written):
    lines = texts(written.docx)
    for unit in written.report["units"]:
        name = NAMES.unit_name(unit["unit"])
        sentence = (
            f"Nilai IKM {name} sebesar {n(unit['ikm'], 2)}, dengan mutu pelayanan "
            f"{unit['grade']}, kinerja unit pelayanan {unit['performance']}."
        )
        assert any(line.endswith(sentence) for line in lines), sentence
    overall = written.report["overall"]
    assert any(
        line.endswith(
            f"(rata-rata IKM unit) sebesar {n(overall['ikm'], 2)}, dengan mutu pelayanan "
            f"{overall['grade']}, kinerja unit pelayanan {overall['performance']}."
        )
        for line in lines
    )


def test_priorities_and_the_follow_up_table_left_for_the_office(written: Written):
    priorities = next_table(written.docx, "4.1 Unsur Prioritas")
    assert len(priorities) == 1 + 3 * 5
    plan = next_table(written.docx, "5.2 Rencana Tindak Lanjut")
    assert plan[0] == [
        "No",
        "Unit",
        "Unsur prioritas",
        "Kegiatan",
        "Penanggung jawab",
        "Batas waktu",
        "Status",
    ]
    assert len(plan) == 1 + 3 * 5
    assert all(row[3:] == ["", "", "", ""] for row in plan[1:])
    assert [row[2] for row in plan[1:4]] == [f"{row[1]} ({row[3]})" for row in priorities[1:4]]


def test_the_change_against_2024(written: Written):
    table = next_table(written.docx, "4.2 Perbandingan")
    before = {u["unit"]: u for u in report_json_2024(written)["units"]}
    for unit in written.report["units"]:
        row = next(r for r in table[1:] if r[0] == NAMES.unit_name(unit["unit"]))
        if unit["unit"] in before:
            was = before[unit["unit"]]
            assert row[1:4] == [str(was["respondents"]), n(was["ikm"], 2), n(unit["ikm"], 2)]
            change = Decimal(str(unit["ikm"])) - Decimal(str(was["ikm"]))
            assert row[4].lstrip("+") == n(change, 2)
        else:
            assert row[1:3] == ["0", "–"] and row[4] == "–"


def report_json_2024(written: Written) -> dict[str, object]:
    from tests.documents.helpers import report_json

    return report_json(written.db, "2024")
