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
    "survey.welcome": (
        "Survei Kepuasan Masyarakat (SKM)\n\n"
        "Unit layanan: {unit}\n"
        "Kantor: {office}\n\n"
        "Terima kasih telah menggunakan layanan kami. Mohon luangkan sekitar 2 menit untuk "
        "menjawab 4 pertanyaan tentang diri Anda dan 9 pertanyaan tentang pelayanan yang baru "
        "Anda terima.\n\n"
        "Yang disimpan: jenis kelamin, kelompok usia, pendidikan, pekerjaan, jawaban Anda, dan "
        "saran bila ada. Survei ini anonim: nama, nomor, dan akun Telegram Anda tidak disimpan.\n\n"
        "Ketik /batal untuk membatalkan kapan saja."
    ),
    "survey.button.start": "Mulai survei",
    "survey.button.lang": "English",
    "survey.button.back": "« Kembali",
    "survey.button.skip": "Lewati",
    "survey.button.confirm": "Kirim jawaban",
    "survey.profile": "Tentang Anda ({n}/{total})\n\n{question}:",
    "survey.element": "Pertanyaan {n}/{total} · {name}\n\n{question}",
    "survey.suggestion": (
        "Saran dan masukan (tidak wajib)\n\n"
        "Apa saran Anda untuk {unit}? Ketik dalam satu pesan (paling banyak {limit} karakter), "
        "atau tekan Lewati."
    ),
    "survey.summary.title": "Periksa jawaban Anda sebelum dikirim:",
    "survey.summary.unit": "Unit layanan: {unit}",
    "survey.summary.office": "Kantor: {office}",
    "survey.summary.none": "(tidak diisi)",
    "survey.summary.suggestion": "Saran: {text}",
    "survey.summary.hint": "Tekan Kirim jawaban untuk menyimpan, atau Kembali untuk mengubah.",
    "survey.thanks": (
        "Terima kasih! Jawaban Anda untuk {unit} di {office} sudah tersimpan. "
        "Masukan Anda membantu kami memperbaiki pelayanan."
    ),
    "survey.recorded": "Terima kasih! Jawaban Anda sudah tersimpan.",
    "survey.already_today": (
        "Terima kasih, Anda sudah mengisi survei untuk {unit} hari ini. "
        "Anda dapat mengisinya lagi besok."
    ),
    "survey.pick_unit": (
        "Survei Kepuasan Masyarakat (SKM)\n\n"
        "Layanan apa yang baru saja Anda terima? Pilih unit layanan:"
    ),
    "survey.unknown_code": "Kode QR ini tidak dikenal.",
    "survey.pick_office": "{unit}\n\nDi kantor mana Anda dilayani?",
    "survey.group": (
        "Survei diisi di chat pribadi dengan bot agar jawaban Anda tetap anonim. Buka: {link}"
    ),
    "survey.truncated": "Saran Anda lebih dari {limit} karakter, jadi dipotong menjadi {limit}.",
    "survey.resumed": "Melanjutkan survei Anda dari pertanyaan terakhir.",
    "survey.use_buttons": "Silakan jawab dengan menekan salah satu tombol di bawah ini.",
    "survey.no_survey": (
        "Untuk mengisi Survei Kepuasan Masyarakat, pindai kode QR di loket layanan, "
        "atau kirim /start untuk memilih layanan."
    ),
    "survey.no_cancel": "Tidak ada survei yang sedang diisi.",
    "survey.cancelled": (
        "Survei dibatalkan; jawaban Anda tidak disimpan. "
        "Pindai kode QR lagi kapan saja untuk memulai dari awal."
    ),
    "survey.notice.stale": "Tombol ini sudah tidak berlaku.",
    "survey.notice.invalid": "Tombol ini tidak dikenal.",
    "survey.notice.expired": "Survei ini sudah berakhir. Pindai kode QR lagi untuk memulai.",
    "survey.notice.recorded": "Jawaban Anda sudah tersimpan. Terima kasih!",
    "survey.notice.limit": "Anda sudah mengisi survei ini hari ini.",
    "survey.poster_title": "Survei Kepuasan Masyarakat",
    "survey.poster_hint": (
        "Pindai kode QR ini dengan kamera ponsel untuk mengisi survei (sekitar 2 menit, anonim)."
    ),
    "survey.qr_written": "Poster QR disimpan di {path}\nTautan: {link}",
    # --- officers and admins ---
    "officer.refused": (
        "Maaf, perintah ini hanya untuk petugas SKM. "
        "Untuk mengisi survei, pindai kode QR di loket layanan."
    ),
    "admin.refused": "Maaf, perintah ini hanya untuk admin SKM.",
    "officer.out_of_scope": (
        "Maaf, data itu di luar cakupan Anda. Ketik /ikm untuk melihat unit dalam cakupan Anda."
    ),
    "officer.unknown_word": (
        "Tidak dikenal: {word}.\nUnit: {units}\nKantor: {offices}\nPeriode: {periods}"
    ),
    "officer.not_served": "{unit} tidak dilayani di {office}.",
    "officer.all_units": "Semua unit",
    "officer.all_offices": "semua kantor",
    "officer.unit_head": "<b>{name}</b> ({code})",
    "officer.office": "Kantor: {office}",
    "officer.period": "Periode: {period}",
    "officer.period_span": "{label} ({start} s.d. {end})",
    "officer.no_respondents": "Belum ada responden.",
    "officer.incomplete": (
        "{respondents} responden · IKM belum dapat dihitung: belum ada jawaban untuk {elements}."
    ),
    "officer.result": "{respondents} responden · IKM {ikm} · mutu {letter} ({performance})",
    "officer.change": "Perubahan dari {previous}: {change}",
    "officer.change_none": "Belum ada pembanding dari {previous}.",
    "officer.overview_title": "<b>IKM per unit</b>\nPeriode: {period}",
    "officer.overall": (
        "<b>Seluruh unit</b>: IKM {ikm} (rata-rata IKM unit) · mutu {letter} ({performance})\n"
        "IKM gabungan seluruh responden: {pooled} · {respondents} responden"
    ),
    "officer.overall_none": (
        "<b>Seluruh unit</b>: IKM belum dapat dihitung ({respondents} responden)."
    ),
    "officer.overview_hint": "Rincian satu unit: /ikm KODE, mis. /ikm {code}",
    "officer.respondents": "Responden: {respondents}",
    "officer.ikm_grade": (
        "IKM: <b>{ikm}</b> · mutu <b>{letter}</b> · kinerja <b>{performance}</b>"
    ),
    "officer.incomplete_ikm": "IKM belum dapat dihitung: belum ada jawaban untuk {elements}.",
    "officer.elements_title": "<b>Nilai per unsur</b> (NRR 1-4 · skala 25-100)",
    "officer.element": "{code} {name}: {nrr} · {converted}",
    "officer.element_blank": "{code} {name}: belum dijawab",
    "officer.priorities_title": "<b>Prioritas perbaikan</b> (unsur terendah)",
    "officer.priority": "{rank}. {name} ({code}): {nrr} · {converted}",
    "officer.offices_title": "<b>Per kantor</b>",
    "officer.sample_enough": (
        "<b>Sampel</b> (Krejcie-Morgan): cukup, {respondents} responden dari minimal {required} "
        "untuk N = {population} orang dilayani ({monthly}/bulan x {months} bulan)."
    ),
    "officer.sample_short": (
        "<b>Sampel</b> (Krejcie-Morgan): belum cukup, {respondents} responden dari minimal "
        "{required} untuk N = {population} orang dilayani ({monthly}/bulan x {months} bulan)."
    ),
    "officer.sample_unknown": (
        "<b>Sampel</b>: jumlah layanan per bulan unit ini belum diatur (volume di berkas unit), "
        "jadi kecukupan sampel belum dapat dinilai."
    ),
    "officer.chart_axis": "Nilai unsur (NRR x 25, skala 25-100)",
    "officer.chart_ikm": "IKM {ikm} ({letter})",
    "officer.chart_caption": "Nilai per unsur terhadap batas mutu A, B, C dan D.",
    "officer.saran_title": "<b>Saran terbaru</b> · {heading}",
    "officer.saran_none": "Belum ada saran.",
    "officer.saran_range": "{first}-{last} dari {total}, terbaru lebih dulu",
    "officer.saran_where": "<i>{date} · {unit} · {office}</i>",
    "officer.saran_newer": "« Lebih baru",
    "officer.saran_older": "Lebih lama »",
    "officer.qr_usage": "Tulis unitnya: /qr UNIT [KANTOR], mis. /qr SKCK POLRES.\nUnit: {units}",
    "officer.qr_which_office": (
        "{unit} dilayani di beberapa kantor; sebutkan kantornya: /qr {unit} KANTOR\n"
        "Kantor: {offices}"
    ),
    "officer.qr_caption": (
        "Poster QR survei: <b>{unit}</b> · {office}\nCetak dan pasang di loket. Tautan: {link}"
    ),
    "officer.export_caption": "Data SKM, periode {period}",
    "officer.export_csv_button": "Kirim sebagai CSV",
    "officer.export_preparing": "⏳ Sedang disiapkan… berkasnya menyusul sebentar lagi.",
    "officer.export_too_many": (
        "Pilihan ini berisi {count} jawaban, lebih dari {limit} yang muat dalam satu berkas. "
        "Persempit periodenya (mis. /ekspor 2026-Q4) atau pilih satu unit (/ekspor SKCK)."
    ),
    "officer.export_private": (
        "Ekspor berisi jawaban dan saran warga, jadi hanya dikirim lewat chat pribadi "
        "dengan bot. Kirim /ekspor di sana."
    ),
    "officer.xlsx_sheet_raw": "Responden",
    "officer.xlsx_sheet_units": "SKM per unit",
    "officer.xlsx_sheet_profile": "Profil",
    "officer.xlsx_sheet_distribution": "Distribusi",
    "officer.xlsx_sheet_correlation": "Korelasi",
    "officer.xlsx_sheet_by_profile": "IKM per profil",
    "officer.xlsx_code": "Kode",
    "officer.xlsx_unit": "Unit layanan",
    "officer.xlsx_respondents": "Responden",
    "officer.xlsx_index": "Indeks (NRR tertimbang)",
    "officer.xlsx_grade": "Mutu",
    "officer.xlsx_performance": "Kinerja",
    "officer.xlsx_overall_mean": "Seluruh unit (rata-rata IKM unit)",
    "officer.xlsx_overall_pooled": "Gabungan seluruh responden",
    "officer.xlsx_field": "Profil",
    "officer.xlsx_category": "Kategori",
    "officer.xlsx_share": "Persentase",
    "officer.xlsx_blank": "Tidak diisi",
    "officer.xlsx_element": "Unsur",
    "officer.xlsx_score_n": "Skor {score}",
    "officer.xlsx_score_share": "% skor {score}",
    "officer.weekly_title": "<b>Ringkasan mingguan SKM</b>",
    "officer.weekly_spans": (
        "Minggu ini: 7 hari {start} s.d. {end}, dibandingkan 7 hari sebelumnya.\n"
        "Kuartal berjalan: {quarter} sejak {quarter_start}."
    ),
    "officer.weekly_empty": "Tidak ada responden minggu ini.",
    "officer.weekly_none": "Minggu ini: tidak ada responden.",
    "officer.weekly_week": "Minggu ini: {figures}",
    "officer.weekly_change": "Dibanding minggu lalu: {change}",
    "officer.weekly_change_none": "Dibanding minggu lalu: belum ada pembanding.",
    "officer.weekly_quarter": "Kuartal berjalan: {figures}",
    "officer.weekly_weakest": "Unsur terlemah minggu ini: {name} ({code}) {nrr}",
    "officer.weekly_suggestions": "Saran baru: {count}",
    "officer.subscribed": (
        "Chat ini akan menerima ringkasan mingguan SKM setiap {day} pukul {time} ({zone}) "
        "untuk {scope}. Hentikan dengan /berhenti."
    ),
    "officer.subscribed_again": (
        "Chat ini sudah berlangganan; cakupannya kini {scope}. "
        "Ringkasan dikirim setiap {day} pukul {time} ({zone})."
    ),
    "officer.unsubscribed": "Langganan ringkasan mingguan untuk chat ini dihentikan.",
    "officer.not_subscribed": "Chat ini tidak berlangganan ringkasan mingguan.",
    "officer.day_mon": "Senin",
    "officer.day_tue": "Selasa",
    "officer.day_wed": "Rabu",
    "officer.day_thu": "Kamis",
    "officer.day_fri": "Jumat",
    "officer.day_sat": "Sabtu",
    "officer.day_sun": "Minggu",
    "officer.alert_title": "⚠️ <b>Perlu perhatian</b>: {unit} · {office}",
    "officer.alert_low": "Nilai 1 (terendah) pada: {elements}",
    "officer.alert_suggestion": "Saran: “{text}”",
    "officer.alert_hint": "Identitas responden dirahasiakan. Lihat /ikm {unit} dan /saran {unit}.",
    "officer.menu.start": "Mulai survei",
    "officer.menu.batal": "Batalkan survei",
    "officer.menu.bantuan": "Bantuan dan daftar perintah",
    "officer.menu.ikm": "IKM per unit, atau rincian satu unit",
    "officer.menu.saran": "Saran terbaru dari warga",
    "officer.menu.qr": "Poster QR survei untuk loket",
    "officer.menu.ekspor": "Unduh data (XLSX atau CSV)",
    "officer.menu.langganan": "Ringkasan mingguan untuk chat ini",
    "officer.menu.berhenti": "Hentikan ringkasan mingguan",
    "officer.menu.undang": "Undang petugas (tautan sekali pakai)",
    "officer.menu.petugas": "Daftar petugas dan pencabutan",
    "officer.help_title.citizen": (
        "<b>SKM Bot</b>: survei kepuasan masyarakat. "
        "Pindai kode QR di loket layanan untuk mengisi survei."
    ),
    "officer.help_title.officer": "<b>Perintah petugas</b>",
    "officer.help_title.admin": "<b>Perintah admin dan petugas</b>",
    "officer.help.start": "/start — mulai survei (lewat kode QR di loket)",
    "officer.help.batal": "/batal — batalkan survei yang sedang diisi",
    "officer.help.bantuan": "/bantuan (/help) — daftar perintah ini",
    "officer.help.ikm": (
        "/ikm [UNIT] [KANTOR] [PERIODE] — tanpa unit: semua unit dalam cakupan Anda; "
        "dengan unit: nilai per unsur, prioritas perbaikan, per kantor, kecukupan sampel "
        "dan grafik"
    ),
    "officer.help.saran": "/saran [UNIT] [KANTOR] [PERIODE] — saran terbaru dari warga",
    "officer.help.qr": "/qr UNIT [KANTOR] — poster QR survei untuk dicetak",
    "officer.help.ekspor": (
        "/ekspor [PERIODE] [csv] (/export) — data dalam XLSX atau CSV, lewat chat pribadi"
    ),
    "officer.help.langganan": "/langganan (/subscribe) — chat ini menerima ringkasan mingguan",
    "officer.help.berhenti": "/berhenti (/unsubscribe) — hentikan ringkasan mingguan",
    "officer.help.undang": (
        "/undang UNIT|SEMUA [KANTOR] (/invite) — tautan undangan sekali pakai untuk petugas"
    ),
    "officer.help.petugas": "/petugas — daftar petugas, dengan tombol cabut",
    "officer.help_periods": (
        "Periode: 2026, 2026-S2, 2026-Q4, 2026-11 atau 30d (bawaan: kuartal berjalan)."
    ),
    "admin.invite_usage": (
        "Tulis: /undang UNIT [KANTOR], /undang SEMUA [KANTOR] atau /undang KANTOR.\n"
        "Unit: {units}\nKantor: {offices}"
    ),
    "admin.invite_made": (
        "Undangan petugas untuk <b>{scope}</b>, sekali pakai, berlaku sampai {expires}:\n"
        "{link}\nKirim tautan ini hanya kepada petugas yang dimaksud."
    ),
    "admin.invite_invalid": (
        "Undangan ini tidak berlaku lagi (sudah dipakai atau kedaluwarsa). "
        "Mintalah undangan baru kepada admin."
    ),
    "admin.invite_welcome": (
        "Selamat datang! Anda terdaftar sebagai petugas SKM untuk <b>{scope}</b>. "
        "Ketik /bantuan untuk daftar perintah."
    ),
    "admin.invite_used": "{name} kini terdaftar sebagai petugas untuk {scope}.",
    "admin.roster_title": "<b>Petugas terdaftar</b> ({count})",
    "admin.roster_empty": "Belum ada petugas. Undang dengan /undang UNIT [KANTOR].",
    "admin.roster_line": "{n}. {name} — {scope} (sejak {since})",
    "admin.roster_range": "{first}-{last} dari {total}",
    "admin.roster_prev": "« Sebelumnya",
    "admin.roster_next": "Berikutnya »",
    "admin.roster_invites": "Undangan yang masih berlaku: {count}",
    "admin.revoke_button": "Cabut {n}. {name}",
    "admin.revoke_confirm": (
        "Cabut {name} ({scope}) sebagai petugas? Ia tidak akan bisa melihat data lagi."
    ),
    "admin.revoke_yes": "Ya, cabut",
    "admin.revoke_back": "Kembali",
    "admin.revoked": "{name} dicabut.",
    "admin.revoke_gone": "Petugas itu sudah tidak terdaftar.",
}
