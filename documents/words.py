"""The Laporan SKM's own Indonesian wording: titles, legal basis, method, dates, periods."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from skm.period import Period

TITLE = "Laporan Hasil Survei Kepuasan Masyarakat"
CHAPTERS = (
    ("BAB I", "Pendahuluan"),
    ("BAB II", "Metode Survei"),
    ("BAB III", "Hasil Survei"),
    ("BAB IV", "Analisis"),
    ("BAB V", "Kesimpulan dan Rencana Tindak Lanjut"),
)

BACKGROUND = (
    "Pelayanan publik yang baik adalah hak setiap warga negara. Untuk mengetahui sejauh "
    "mana pelayanan yang diberikan telah memenuhi harapan masyarakat, setiap unit "
    "penyelenggara pelayanan publik wajib melakukan Survei Kepuasan Masyarakat (SKM) "
    "secara berkala. Laporan ini menyajikan hasil survei tersebut: Indeks Kepuasan "
    "Masyarakat (IKM) setiap unit pelayanan, analisis unsur pelayanan, saran masyarakat, "
    "serta rencana tindak lanjutnya."
)
LEGAL_BASIS = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
    "Tahun 2009 tentang Pelayanan Publik;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun "
    "2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan "
    "Publik.",
)
AIMS = (
    "Mengukur tingkat kepuasan masyarakat terhadap pelayanan setiap unit pelayanan;",
    "Mengetahui unsur pelayanan yang masih lemah sebagai prioritas perbaikan;",
    "Menghimpun saran masyarakat sebagai bahan rencana tindak lanjut;",
    "Menjadi bahan evaluasi kinerja dan publikasi hasil kepada masyarakat.",
)

METHOD_ELEMENTS = (
    "Survei mengukur sembilan unsur pelayanan sesuai PermenPANRB Nomor 14 Tahun 2017. Setiap "
    "unsur dijawab dengan skala 1 sampai 4; jawaban yang dikosongkan tidak dihitung, baik "
    "dalam jumlah nilai maupun dalam jumlah unsur yang terisi."
)
METHOD_FORMULA = (
    "NRR per unsur = jumlah nilai persepsi per unsur ÷ jumlah responden yang mengisi unsur "
    "tersebut.",
    "NRR tertimbang per unsur = NRR per unsur × bobot nilai rata-rata tertimbang ({weight}).",
    "Nilai Indeks = jumlah NRR tertimbang kesembilan unsur (skala 1–4).",
    "Nilai IKM setelah dikonversi = Nilai Indeks × Nilai Dasar (25), skala 25–100.",
    "Mutu pelayanan ditentukan dari nilai IKM yang dibulatkan ke dua desimal.",
)
WEIGHT_REGULATION = "Bobot = jumlah bobot ÷ jumlah unsur = 1 ÷ 9 = 0,111"
WEIGHT_EXACT = "Bobot = jumlah bobot ÷ jumlah unsur = 1 ÷ 9 (tepat, tanpa pembulatan)"
# The index-scale intervals as the regulation prints them, by grade letter.
INDEX_INTERVALS = {
    "A": "3,5324 – 4,00",
    "B": "3,0644 – 3,532",
    "C": "2,60 – 3,064",
    "D": "1,00 – 2,5996",
}
NILAI_PERSEPSI = {"A": "4", "B": "3", "C": "2", "D": "1"}
METHOD_SAMPLE = (
    "Jumlah sampel minimum dihitung dengan rumus Krejcie dan Morgan (1970): "
    "s = X²·N·P(1−P) ÷ (d²(N−1) + X²·P(1−P)), dengan X² = 3,841, P = 0,5 dan d = 0,05. "
    "N adalah jumlah orang yang dilayani unit dalam periode survei (volume per bulan dalam "
    "berkas unit × jumlah bulan). Bila volume salah satu kantor tidak diisi, sampel minimum "
    "dianggap 30 responden."
)
METHOD_COLLECTION = (
    "Responden mengisi kuesioner melalui Telegram dengan memindai kode QR di loket "
    "pelayanan, atau data diimpor dari kuesioner kertas. Identitas responden tidak disimpan."
)

RTL_NOTE = (
    "Tabel berikut memuat unsur terlemah setiap unit sebagai prioritas, dengan tindak lanjut "
    "yang dicatat petugas. Baris tanpa kegiatan diisi oleh kantor."
)
# The follow-up plan's statuses as the report writes them.
RTL_STATUS = {"rencana": "Rencana", "berjalan": "Berjalan", "selesai": "Selesai"}
CLOSING = (
    "Demikian laporan hasil Survei Kepuasan Masyarakat ini dibuat untuk dipergunakan "
    "sebagaimana mestinya."
)
BLANK = "...................................."
BLANK_SHORT = "................"

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_DATE = "%d-%m-%Y"


def date_words(moment: datetime) -> str:
    """A date as letters are dated: 15 Januari 2025."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def period_span(period: Period) -> str:
    """The first and last day of a period: 01-01-2024 s.d. 31-12-2024."""
    last = period.end.astimezone(period.start.tzinfo) - timedelta(seconds=1)
    return f"{period.start.strftime(_DATE)} s.d. {last.strftime(_DATE)}"


def period_words(period: Period) -> str:
    """A period as a report names it: Tahun 2024, Semester II Tahun 2026, Triwulan IV ..."""
    label = period.label
    if re.fullmatch(r"\d{4}", label):
        return f"Tahun {label}"
    if m := re.fullmatch(r"(\d{4})-([SQ])(\d)", label):
        kind = "Semester" if m[2] == "S" else "Triwulan"
        return f"{kind} {_ROMAN[int(m[3])]} Tahun {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return f"Bulan {MONTHS[int(m[2]) - 1]} {m[1]}"
    return period_span(period)
