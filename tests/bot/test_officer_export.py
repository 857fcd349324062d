"""/ekspor: the XLSX workbook's sheets and cells, and the same responses as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from bot.csvfile import read_csv
from bot.officers import exports
from skm.records import CSV_COLUMNS
from storage import followups
from tests.bot.officer_helpers import JAKARTA, KNOWN, SIM_Q4, SKCK_OFFICER, SKCK_Q4, register, seed
from tests.support.harness import ADMIN_ID, BotHarness

SHEETS = [
    "Responden",
    "SKM per unit",
    "Profil",
    "Distribusi",
    "Korelasi",
    "IKM per profil",
    "Tindak lanjut",
]


async def export(bot: BotHarness, user_id: int, command: str) -> Workbook:
    await bot.send(user_id, command)
    shown = bot.last(user_id)
    assert shown.kind == "document" and shown.file is not None, shown.text
    assert shown.filename is not None and shown.filename.endswith(".xlsx")
    return load_workbook(io.BytesIO(shown.file))


def rows_of(book: Workbook, sheet: str) -> list[list[object]]:
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def by_first_cells(rows: list[list[object]], *keys: object) -> list[object]:
    for row in rows:
        if tuple(row[: len(keys)]) == keys:
            return row
    raise AssertionError(f"no row starting {keys} in {rows}")


async def test_the_workbook_has_its_sheets_and_the_raw_responses(bot: BotHarness):
    await seed(bot, KNOWN)
    book = await export(bot, ADMIN_ID, "/ekspor 2026-Q4")
    assert book.sheetnames == SHEETS
    assert bot.last(ADMIN_ID).filename == "skm-2026-Q4.xlsx"
    raw = rows_of(book, "Responden")
    assert tuple(raw[0]) == CSV_COLUMNS
    assert len(raw) == 1 + len(SKCK_Q4) + len(SIM_Q4)  # Q3 rows are outside the period
    first = dict(zip(CSV_COLUMNS, raw[1], strict=True))
    # Dated to the day, in a real date cell: the moment of an answer could point at a citizen.
    assert first["submitted_at"] == datetime(2026, 11, 2, tzinfo=JAKARTA).replace(tzinfo=None)
    assert book["Responden"]["A2"].is_date
    assert book["Responden"]["A2"].number_format == "dd-mm-yyyy"
    assert (first["unit"], first["office"], first["u1"], first["gender"]) == (
        "SIM",
        "POLRES",
        4,
        "L",
    )
    # Pseudonymous: no Telegram ids, no respondent column.
    cells = {str(c) for row in raw for c in row}
    assert str(ADMIN_ID) not in cells and "respondent" not in raw[0]


async def test_the_skm_table_per_unit_and_for_all_units(bot: BotHarness):
    await seed(bot, KNOWN)
    book = await export(bot, ADMIN_ID, "/ekspor 2026-Q4")
    table = rows_of(book, "SKM per unit")
    assert table[0] == [
        "Kode",
        "Unit layanan",
        "Responden",
        *[f"U{i}" for i in range(1, 10)],
        "Indeks (NRR tertimbang)",
        "IKM",
        "Mutu",
        "Kinerja",
        "Rentang 95% bawah",
        "Rentang 95% atas",
        "Mutu dalam rentang",
        "Sampel",
    ]
    sim = by_first_cells(table, "SIM")
    assert sim[1:3] == ["Pelayanan SIM", 3]
    assert sim[3:12] == [4.0] * 9
    assert sim[12] == pytest.approx(3.996) and sim[13] == pytest.approx(99.9)
    assert sim[14:16] == ["A", "Sangat Baik"]
    assert sim[16:] == [
        pytest.approx(99.9),
        pytest.approx(99.9),
        "A",
        "sampel belum cukup (n=3 dari 361)",
    ]
    skck = by_first_cells(table, "SKCK")
    assert skck[2] == 6 and round(skck[5], 2) == 2.17  # type: ignore[call-overload]
    assert round(skck[13], 2) == 78.16 and skck[14:16] == ["B", "Baik"]  # type: ignore[call-overload]
    # 78,16 +- t(0.975, 5) x 3,540 (the hand-worked figures in test_officer_ikm.py).
    assert [round(v, 2) for v in skck[16:18]] == [69.06, 87.26]  # type: ignore[call-overload]
    assert skck[18:] == ["C/B", "sampel belum cukup (n=6 dari 30)"]
    mean = by_first_cells(table, None, "Seluruh unit (rata-rata IKM unit)")
    assert mean[2] == 9 and mean[3:13] == [None] * 10
    assert round(mean[13], 2) == 89.03 and mean[14] == "A"  # type: ignore[call-overload]
    assert [round(v, 2) for v in mean[16:18]] == [84.48, 93.58]  # type: ignore[call-overload]
    pooled = by_first_cells(table, None, "Gabungan seluruh responden")
    assert round(pooled[13], 2) == 85.41  # type: ignore[call-overload]
    assert book["SKM per unit"]["N2"].number_format == "0.00"


async def test_profile_distribution_correlation_and_ikm_by_profile(bot: BotHarness):
    await seed(bot, KNOWN)
    book = await export(bot, ADMIN_ID, "/ekspor 2026-Q4")
    profile = rows_of(book, "Profil")
    assert by_first_cells(profile, "Jenis kelamin", "L")[2:4] == ["Laki-laki", 5]
    assert by_first_cells(profile, "Jenis kelamin", "P")[3] == 4
    # Two respondents in a category could be told apart: the count is withheld.
    few = "terlalu sedikit responden untuk ditampilkan"
    assert by_first_cells(profile, "Pendidikan terakhir", "SMA")[3:] == [few, None]
    assert by_first_cells(profile, "Pendidikan terakhir", "S2")[3] == 0
    assert by_first_cells(profile, "Pendidikan terakhir", None)[2:4] == ["Tidak diisi", 6]
    distribution = rows_of(book, "Distribusi")
    u3 = by_first_cells(distribution, "U3")
    assert u3[1] == "Waktu Penyelesaian"
    assert u3[2:6] == [1, 3, 2, 3]
    assert u3[6] == pytest.approx(1 / 9)
    correlation = rows_of(book, "Korelasi")
    assert correlation[0] == ["Spearman", *[f"U{i}" for i in range(1, 10)]]
    u1 = by_first_cells(correlation, "U1")
    assert u1[1] == pytest.approx(1.0)
    assert u1[3] == pytest.approx(0.92998, abs=1e-4)  # U1 with U3
    assert u1[4] is None  # everyone gave U4 a 4: no spread, no correlation
    by_profile = rows_of(book, "IKM per profil")
    assert by_first_cells(by_profile, "Jenis kelamin", "L")[3:] == [5, pytest.approx(85.47), "B"]
    assert by_first_cells(by_profile, "Usia", "17-25")[3:] == [few, None, None]


async def test_an_officer_exports_only_their_scope(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    book = await export(bot, SKCK_OFFICER, "/export 2026-Q4")
    units = {row[1] for row in rows_of(book, "Responden")[1:]}
    assert units == {"SKCK"}
    assert [r[0] for r in rows_of(book, "SKM per unit")[1:]] == ["SKCK", None, None]


@pytest.mark.parametrize(("words", "sep"), [("csv", ";"), ("csv ,", ","), (";", ";"), (",", ",")])
async def test_csv_on_request_round_trips_through_the_import_format(
    bot: BotHarness, words: str, sep: str
):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, f"/ekspor 2026-Q4 {words}")
    shown = bot.last(ADMIN_ID)
    assert shown.kind == "document" and shown.filename == "skm-2026-Q4.csv"
    assert shown.file is not None
    # Excel opens it in columns: UTF-8 with a BOM, ';' unless a comma was asked for.
    assert shown.file.startswith(b"\xef\xbb\xbfsubmitted_at" + sep.encode() + b"unit")
    text = shown.file.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    assert tuple(header) == CSV_COLUMNS
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    assert any(row[-1] == "Ruang tunggu panas & sempit" for row in rows)
    back = read_csv(shown.file, JAKARTA)
    assert back.bad == []
    assert sorted(r.submitted_at for r, _ in back.rows) == sorted(
        r.submitted_at for r in [*SKCK_Q4, *SIM_Q4]
    )
    assert {r.suggestion for r, _ in back.rows} >= {"Ruang tunggu panas & sempit", "<b>Mantap</b>"}


async def test_the_workbooks_csv_button_sends_the_same_selection(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await export(bot, SKCK_OFFICER, "/ekspor SKCK 2026-Q4")
    await bot.press(SKCK_OFFICER, "Kirim sebagai CSV")
    shown = bot.last(SKCK_OFFICER)
    assert shown.filename == "skm-SKCK-2026-Q4.csv" and shown.file is not None
    lines = shown.file.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + len(SKCK_Q4)
    assert lines[0].startswith("submitted_at;unit;office;u1;")


async def test_exports_are_not_sent_to_groups(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ekspor 2026-Q4", chat_id=-100777, chat_type="group")
    shown = bot.last(-100777)
    assert shown.kind == "text" and "hanya dikirim lewat chat pribadi" in shown.text


async def test_a_forged_csv_button_in_a_group_sends_nothing(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/bantuan", chat_id=-100777, chat_type="group")
    in_group = bot.last(-100777)
    await bot.press_data(ADMIN_ID, "off:csv:*:*:2026-Q4", shown=in_group)
    assert "hanya dikirim lewat chat pribadi" in bot.request.notices()[-1]
    assert all(m.kind == "text" for m in bot.request.messages(-100777))


async def test_a_selection_too_big_for_one_file_says_how_to_narrow_it(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch
):
    await seed(bot, KNOWN)
    monkeypatch.setattr(exports, "EXPORT_LIMIT", len(SKCK_Q4) + len(SIM_Q4) - 1)
    for command in ("/ekspor 2026-Q4", "/ekspor 2026-Q4 csv"):
        await bot.send(ADMIN_ID, command)
        shown = bot.last(ADMIN_ID)
        assert shown.kind == "text", shown.filename
        assert shown.text.startswith(f"Pilihan ini berisi {len(SKCK_Q4) + len(SIM_Q4)} jawaban")
        assert "/ekspor 2026-Q4" in shown.text
    # One unit fits.
    book = await export(bot, ADMIN_ID, "/ekspor SKCK 2026-Q4")
    assert len(rows_of(book, "Responden")) == 1 + len(SKCK_Q4)


async def test_the_follow_up_sheet_holds_the_actions_as_text(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    written = datetime(2026, 11, 2, 9, 30, tzinfo=JAKARTA)
    hostile = '=HYPERLINK("http://evil.example","klik")'
    mine = await followups.add(
        bot.db,
        "SKCK",
        "POLRES",
        "U3",
        hostile,
        "+62 812",
        date(2026, 12, 31),
        "berjalan",
        SKCK_OFFICER,
        written,
    )
    await followups.add(
        bot.db,
        "SIM",
        None,
        "U1",
        "Not SKCK's",
        "x",
        date(2026, 12, 1),
        "rencana",
        ADMIN_ID,
        written,
    )
    book = await export(bot, SKCK_OFFICER, "/ekspor 2026-Q4")
    sheet = rows_of(book, "Tindak lanjut")
    assert sheet[0] == [
        "#",
        "Kode",
        "Unit layanan",
        "Kantor",
        "Unsur",
        "Nama unsur",
        "Kegiatan",
        "Penanggung jawab",
        "Batas waktu",
        "Status",
        "Dicatat oleh (id)",
        "Dicatat pada",
        "Diubah oleh (id)",
        "Diubah pada",
    ]
    assert sheet[1:] == [
        [
            mine.id,
            "SKCK",
            "Pelayanan SKCK",
            "Polres Contoh",
            "U3",
            "Waktu Penyelesaian",
            hostile,
            "+62 812",
            "2026-12-31",
            "berjalan",
            SKCK_OFFICER,
            "2026-11-02 09:30",
            SKCK_OFFICER,
            "2026-11-02 09:30",
        ]
    ]  # the SIM action lies outside the officer's scope
    cell = book["Tindak lanjut"]["G2"]
    assert cell.data_type == "s" and cell.value == hostile  # text, not a formula
