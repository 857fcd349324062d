from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from skm.forms import category_of_label, form_time, header_column, score_of_label
from skm.records import RowError, parse_row

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Timestamp", "submitted_at"),
        ("Stempel waktu", "submitted_at"),
        ("  U1 ", "u1"),
        ("suggestion", "suggestion"),
        ("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan?", "u1"),
        ("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", "u2"),
        ("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", "u3"),
        ("Kewajaran biaya/tarif", "u4"),
        ("Kesesuaian produk pelayanan dengan standar pelayanan", "u5"),
        ("Kompetensi/kemampuan petugas", "u6"),
        ("Perilaku petugas terkait kesopanan dan keramahan", "u7"),
        ("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", "u8"),
        ("Penanganan pengaduan pengguna layanan", "u9"),
        # U9 asked so that "Tidak ada" reads right: it names a "sarana" and "saran".
        (
            "Bagaimana penanganan pengaduan, saran dan masukan di unit ini? "
            "(tersedia sarana pengaduan atau tidak)",
            "u9",
        ),
        ("Jenis Kelamin", "gender"),
        ("Umur", "age"),
        ("Usia (tahun)", "age"),
        ("Pendidikan Terakhir", "education"),
        ("Pekerjaan Utama", "occupation"),
        ("Saran dan masukan untuk perbaikan pelayanan", "suggestion"),
        ("Kritik dan saran", "suggestion"),
        ("Jenis layanan yang Anda terima", "unit"),
        ("Unit layanan", "unit"),
        ("Kantor", "office"),
        ("Polsek/Polres tempat Anda dilayani", "office"),
        ("What is your opinion of how well the service requirements suit it?", "u1"),
        ("Alamat email", None),
        ("Nama", None),
        ("Homepage", None),  # "age" only at the start of a word
    ],
)
def test_a_header_is_read_by_its_key_words(header: str, column: str | None) -> None:
    assert header_column(header) == column


def test_answer_labels_are_the_official_ones_of_each_element() -> None:
    assert score_of_label("U1", "Sangat sesuai") == 4
    assert score_of_label("U1", "  tidak   SESUAI ") == 1
    assert score_of_label("U4", "Gratis") == 4
    assert score_of_label("U4", "Sangat mahal") == 1
    assert score_of_label("U9", "Tidak ada") == 1
    assert score_of_label("U9", "Well managed") == 4
    assert score_of_label("U8", "Sesuai") is None  # another element's label
    assert category_of_label("age", "Di atas 65 tahun") == ">65"
    assert category_of_label("age", "17-25 tahun") == "17-25"
    assert category_of_label("education", "SMA/SMK") == "SMA"
    assert category_of_label("occupation", "Student") == "PELAJAR"
    assert category_of_label("gender", "Wanita") is None  # a spelling, not a label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02/10/2026 9:15:00", datetime(2026, 10, 2, 9, 15, tzinfo=JAKARTA)),
        ("2/10/2026 9:15:00", datetime(2026, 10, 2, 9, 15, tzinfo=JAKARTA)),
        ("2/10/2026 09:15", datetime(2026, 10, 2, 9, 15, tzinfo=JAKARTA)),
        ("31/12/2026 23.59.59", datetime(2026, 12, 31, 23, 59, 59, tzinfo=JAKARTA)),
        ("2/10/2026", datetime(2026, 10, 2, tzinfo=JAKARTA)),
        (
            "2026/10/02 9:15:00 PM GMT+7",
            datetime(2026, 10, 2, 21, 15, tzinfo=timezone(timedelta(hours=7))),
        ),
        (
            "2026/10/02 12:05:00 AM GMT+8",
            datetime(2026, 10, 2, 0, 5, tzinfo=timezone(timedelta(hours=8))),
        ),
        ("2026/10/02 12:05:00 PM", datetime(2026, 10, 2, 12, 5, tzinfo=JAKARTA)),
        ("2026-10-02 09:15", None),
        ("kemarin", None),
    ],
)
def test_google_forms_timestamps_are_day_first(text: str, expected: datetime | None) -> None:
    assert form_time(text, JAKARTA) == expected


def test_a_timestamp_that_names_no_day_is_refused_by_the_row() -> None:
    with pytest.raises(ValueError):
        form_time("31/02/2026 9:15", JAKARTA)
    row = {"submitted_at": "31/02/2026 9:15", "unit": "SIM", "office": "POLRES", "u1": "4"}
    with pytest.raises(RowError) as caught:
        parse_row(row, JAKARTA)
    assert caught.value.column == "submitted_at"
    assert caught.value.message.startswith("'31/02/2026 9:15' is not a real time")


def test_a_row_of_labels_reads_as_scores() -> None:
    row = {
        "submitted_at": "02/10/2026 9:15:00",
        "unit": "SIM",
        "office": "POLRES",
        "u1": "Sangat sesuai",
        "u4": "Gratis",
        "u9": "3",
        "age": "Di bawah 17 tahun",
        "gender": "Laki-laki",
    }
    response = parse_row(row, JAKARTA)
    assert response.submitted_at == datetime(2026, 10, 2, 2, 15, tzinfo=UTC)
    assert (response.answers["U1"], response.answers["U4"], response.answers["U9"]) == (4, 4, 3)
    assert response.answers["U2"] is None
    assert (response.profile["age"], response.profile["gender"]) == ("<17", "L")
