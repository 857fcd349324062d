"""Indonesian texts (the default language)."""

TEXTS: dict[str, str] = {
    # --- report (command line and shared) ---
    "report.title": "Laporan SKM",
    "report.period": "Periode: {label} ({start} s.d. {end})",
    "report.all_time": "Periode: semua data",
    "report.office": "Kantor: {office}",
    "report.unit": "Unit layanan: {name} ({code})",
    "report.col_element": "Unsur pelayanan",
    "report.col_nrr": "NRR",
    "report.col_weighted": "NRR tertimbang",
    "report.index": "Indeks (1-4)",
    "report.ikm": "IKM (25-100)",
    "report.grade": "Mutu pelayanan",
    "report.performance": "Kinerja unit pelayanan",
    "report.respondents": "Jumlah responden",
    "report.missing": "IKM tidak dapat dihitung: tidak ada jawaban untuk {elements}.",
    "report.overall": "Seluruh unit",
    "report.overall_mean": "IKM (rata-rata IKM unit)",
    "report.overall_pooled": "IKM gabungan seluruh responden",
    "report.no_data": "Tidak ada responden untuk pilihan ini.",
    "report.profile": "Profil responden",
    "report.weight": "Bobot tiap unsur: {weight}",
    # --- errors ---
    "error.generic": "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.",
    # --- import (command line) ---
    "import.done": "{new} respons baru diimpor, {dupes} sudah ada sebelumnya.",
    "import.bad_header": "Baris berikut tidak valid; tidak ada yang diimpor:",
    "import.skipped": "Baris berikut dilewati:",
    "import.hint": "Perbaiki baris tersebut, atau jalankan lagi dengan --skip-invalid.",
    # --- survey (citizens) ---
    # --- officers and admins ---
}
