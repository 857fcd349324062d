"""Indonesian texts (the default language)."""

TEXTS: dict[str, str] = {
    # --- report (command line and shared) ---
    "report.title": "Laporan SKM",
    "report.period": "Periode: {label} ({start} s.d. {end})",
    "report.all_time": "Periode: semua data",
    "report.office": "Kantor: {office}",
    "report.unit": "Unit layanan: {name}",
    "report.col_element": "Unsur pelayanan",
    "report.col_nrr": "NRR",
    "report.col_weighted": "NRR tertimbang",
    "report.index": "Indeks (1-4)",
    "report.ikm": "IKM (25-100)",
    "report.grade": "Mutu pelayanan",
    "report.performance": "Kinerja unit pelayanan",
    "report.interval": "Rentang 95% (mutu)",
    "report.respondents": "Jumlah responden",
    "report.missing": "IKM tidak dapat dihitung: tidak ada jawaban untuk {elements}.",
    "report.overall": "Seluruh unit",
    "report.overall_mean": "IKM (rata-rata IKM unit)",
    "report.overall_pooled": "IKM gabungan seluruh responden",
    "report.no_data": "Tidak ada responden untuk pilihan ini.",
    "report.profile": "Profil responden",
    "report.col_count": "Jumlah",
    "report.col_share": "Persentase",
    "report.blank": "Tidak diisi",
    "report.weight": "Bobot tiap unsur: {weight}",
    "report.channels": "Per saluran pengisian",
    "channel.telegram": "Telegram",
    "channel.web": "Web (browser)",
    "channel.kiosk": "Kiosk (tablet loket)",
    "channel.import": "Impor (data lama)",
    # --- laporan (command line) ---
    "laporan.written": "Laporan SKM ditulis ke {path}: {respondents} responden, {period}.",
    "laporan.empty": (
        "Tidak ada responden pada periode {period} untuk pilihan ini; tidak ada berkas yang "
        "ditulis."
    ),
    "laporan.pdf_written": "PDF ditulis ke {path}.",
    "laporan.no_soffice": (
        "PDF tidak dibuat karena LibreOffice (soffice) tidak terpasang; buka berkas DOCX di "
        "Word dan simpan sebagai PDF."
    ),
    "laporan.pdf_failed": "PDF tidak dibuat: LibreOffice gagal mengonversi berkas ({reason}).",
    # --- errors ---
    "error.generic": "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.",
    # --- import (command line) ---
    "import.done": "{new} respons baru diimpor, {dupes} sudah ada sebelumnya.",
    "import.bad_header": "Baris berikut tidak valid; tidak ada yang diimpor:",
    "import.skipped": "Baris berikut dilewati:",
    "import.more": "… dan {count} baris lain.",
    "import.hint": "Perbaiki baris tersebut, atau jalankan lagi dengan --skip-invalid.",
    "migrate.table": "  {table}: {count} baris",
    "migrate.done": "Selesai: {rows} baris disalin ke {target}.",
    # --- survey (citizens) ---
    "survey.welcome": (
        "Terima kasih telah menggunakan {unit} di {office}. Mohon nilai pelayanan kami dalam "
        "Survei Kepuasan Masyarakat: {questions} pertanyaan, sekitar 2 menit.\n\n"
        "Anonim: hanya jawaban Anda yang disimpan, tanpa nama, nomor, atau akun Telegram."
    ),
    "survey.button.start": "Mulai survei",
    "survey.button.lang": "English",
    "survey.button.back": "« Kembali",
    "survey.button.skip": "Lewati",
    "survey.button.confirm": "Kirim jawaban",
    "survey.button.switch_new": "Mulai survei baru",
    "survey.button.switch_back": "Lanjutkan survei sebelumnya",
    "survey.button.continue": "Lanjutkan survei",
    "survey.switch": (
        "Survei Anda untuk {old_unit} di {old_office} belum selesai.\n\n"
        "Mulai survei baru untuk {unit} di {office}? Jawaban survei sebelumnya akan dihapus."
    ),
    "survey.still_open": (
        "Kode QR ini tidak dikenal. Survei Anda untuk {unit} di {office} masih terbuka."
    ),
    "survey.unknown_command": "Perintah itu tidak dikenal. Ketik /bantuan untuk daftar perintah.",
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
    "survey.recovered": "Maaf, ada gangguan sebentar. Silakan lanjutkan:",
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
        "Pindai kode QR ini dengan kamera ponsel untuk mengisi survei (sekitar 2 menit, anonim). "
        "Tautan: {link}"
    ),
    "survey.poster_hint_web": (
        "Pindai kode QR ini dengan kamera ponsel, lalu isi survei di browser atau di Telegram "
        "(sekitar 2 menit, anonim). Telegram tidak wajib. Tautan: {link}"
    ),
    "survey.qr_written": "Poster QR disimpan di {path}\nTautan: {link}",
    # --- web survey and kiosk (citizens, in a browser) ---
    "web.title": "Survei Kepuasan Masyarakat",
    "web.about_you": "Tentang Anda ({n}/{total})",
    "web.question": "Pertanyaan {n}/{total}",
    "web.suggestion_title": "Saran dan masukan (tidak wajib)",
    "web.suggestion": (
        "Apa saran Anda untuk {unit}? Tulis di kotak di bawah (paling banyak {limit} karakter), "
        "atau tekan Lewati."
    ),
    "web.button.send_suggestion": "Lanjut",
    "web.summary.unit": "Unit layanan",
    "web.summary.office": "Kantor",
    "web.summary.suggestion": "Saran",
    "web.notice.empty": "Kotak saran masih kosong. Tulis saran Anda, atau tekan Lewati.",
    "web.notice.truncated": "Saran Anda dipotong menjadi {limit} karakter.",
    "web.index": "Survei Kepuasan Masyarakat (SKM)\n\nPilih layanan yang baru saja Anda terima:",
    "web.landing": (
        "Survei Kepuasan Masyarakat untuk {unit} di {office}: sekitar 2 menit, anonim.\n\n"
        "Isi langsung di browser ponsel Anda, atau di Telegram bila Anda memakainya. "
        "Telegram tidak wajib."
    ),
    "web.in_browser": "Isi di browser",
    "web.in_telegram": "Buka di Telegram",
    "web.plain": "{text}",
    "web.start_again": "Ke halaman awal survei",
    "web.kiosk_next": "Mulai survei baru",
    "web.kiosk_restart": "Mulai dari awal (hapus jawaban ini)",
    "web.error.bad_form": (
        "Maaf, isian ini tidak dapat dibaca dan tidak disimpan. Silakan buka lagi halaman survei."
    ),
    "web.error.session": (
        "Maaf, sesi survei di browser ini tidak dikenali, jadi jawaban ini tidak disimpan. "
        "Buka lagi halaman survei untuk melanjutkan."
    ),
    "web.error.csrf": (
        "Maaf, formulir ini bukan dari halaman survei Anda, jadi tidak disimpan. "
        "Buka lagi halaman survei untuk melanjutkan."
    ),
    "web.error.not_found": "Maaf, halaman atau kode layanan ini tidak dikenal.",
    "web.error.method": "Maaf, halaman ini tidak dapat dibuka dengan cara itu.",
    "web.error.too_large": "Maaf, isian ini terlalu besar dan tidak disimpan.",
    "web.error.too_long": (
        "Maaf, saran paling banyak 1.000 karakter; isian ini tidak disimpan. "
        "Kembali, persingkat saran Anda, lalu kirim lagi."
    ),
    "web.error.too_many": (
        "Terlalu banyak permintaan dari jaringan ini dalam waktu singkat. "
        "Silakan coba lagi beberapa menit lagi."
    ),
    "web.error.stale": (
        "Halaman ini sudah tidak berlaku (survei Anda sudah berlanjut, mungkin di tab lain). "
        "Jawaban ini tidak disimpan."
    ),
    "web.error.expired": (
        "Survei ini sudah berakhir atau dibatalkan, jadi jawaban ini tidak disimpan. "
        "Silakan mulai lagi."
    ),
    "web.error.generic": "Maaf, terjadi kesalahan. Silakan coba lagi sebentar lagi.",
    # --- kiosk links (command line and officers) ---
    "kiosk.made": (
        "Tautan kiosk nomor {number}: {link}\nBuka di tablet loket. Tautan ini bekerja sampai "
        "admin mencabutnya (skm-bot kiosk revoke {number})."
    ),
    "kiosk.none": "Tidak ada tautan kiosk yang aktif.",
    "kiosk.line": "{number}. {unit} · {office}, dibuat {when}",
    "kiosk.unknown": "tidak ada tautan kiosk aktif bernomor {number}.",
    "kiosk.revoked": "Tautan kiosk nomor {number} ({unit} · {office}) dicabut.",
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
    "officer.period_range": (
        "Periode {word} di luar jangkauan: pilih periode dari tahun {first} sampai {last}."
    ),
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
    "officer.sample_floor_enough": (
        "<b>Sampel</b>: cukup, {respondents} responden dari minimal {required} "
        "(volume per bulan belum diatur untuk {offices} di berkas unit, jadi dipakai batas "
        "{required} responden)."
    ),
    "officer.sample_floor_short": (
        "<b>Sampel</b>: belum cukup, {respondents} responden dari minimal {required} "
        "(volume per bulan belum diatur untuk {offices} di berkas unit, jadi dipakai batas "
        "{required} responden)."
    ),
    "officer.sample_tag": "sampel belum cukup (n={respondents} dari {required})",
    "officer.interval": "Rentang 95%: {low}–{high} (mutu {grades})",
    "officer.interval_none": "Rentang 95%: belum dapat dihitung (kurang dari 2 responden)",
    "officer.grades_or": " atau ",
    "officer.too_few": "terlalu sedikit responden untuk ditampilkan",
    "officer.change_flat": (
        "Perubahan dari {previous}: tidak berubah secara bermakna (selisih {change})"
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
    "officer.kiosk_private": (
        "Tautan kiosk hanya dibuat di chat pribadi dengan bot: siapa pun yang memegangnya dapat "
        "mengisi survei atas nama loket."
    ),
    "officer.kiosk_no_web": (
        "Survei web belum aktif: admin perlu mengisi SKM_WEB_URL agar tautan kiosk dapat dibuat."
    ),
    "officer.kiosk_usage": (
        "Tulis unitnya: /kiosk UNIT [KANTOR], mis. /kiosk SKCK POLRES.\nUnit: {units}\n"
        "Juga: /kiosk daftar, dan (admin) /kiosk cabut NOMOR."
    ),
    "officer.kiosk_which_office": (
        "Unit {unit} dilayani di beberapa kantor; tulis kantornya: {offices}"
    ),
    "officer.kiosk_made": (
        "Tautan kiosk nomor {number} untuk <b>{unit}</b> · {office}:\n{link}\n\n"
        "Buka di tablet loket. Setiap warga mendapat survei baru (tanpa batas harian); survei "
        "kembali ke awal setelah dikirim atau bila dibiarkan 2 menit. Tautan ini bekerja sampai "
        "admin mencabutnya: /kiosk cabut {number}."
    ),
    "officer.kiosk_list_title": "<b>Tautan kiosk yang aktif</b>",
    "officer.kiosk_revoke_usage": "Tulis nomornya: /kiosk cabut NOMOR (lihat /kiosk daftar).",
    "officer.kiosk_unknown": "Tidak ada tautan kiosk aktif bernomor {number}.",
    "officer.channels_title": "<b>Per saluran pengisian</b>",
    "officer.qr_usage": "Tulis unitnya: /qr UNIT [KANTOR], mis. /qr SKCK POLRES.\nUnit: {units}",
    "officer.qr_which_office": "<b>{unit}</b> dilayani di beberapa kantor. Pilih kantornya:",
    "officer.qr_file": "Berkas PNG untuk dicetak (tanpa kompresi).",
    "officer.nrp_usage": "Tulis NRP Anda (8-18 angka), mis. /nrp 12345678.",
    "officer.nrp_saved": "NRP Anda tercatat: {nrp}. NRP ditampilkan di daftar petugas.",
    "officer.nrp_not_officer": "NRP hanya dicatat untuk petugas yang terdaftar lewat undangan.",
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
    "officer.nrp_private": (
        "NRP hanya dicatat lewat chat pribadi dengan bot, agar tidak dibaca seisi grup. "
        "Kirim /nrp di sana (dan hapus pesan berisi NRP dari grup ini)."
    ),
    "officer.saran_private": (
        "Saran berisi tulisan warga, jadi hanya ditampilkan lewat chat pribadi dengan bot. "
        "Kirim /saran di sana."
    ),
    "admin.invite_private": (
        "Undangan petugas hanya dibuat lewat chat pribadi dengan bot, agar tautannya tidak "
        "dipakai orang lain di grup. Kirim /undang di sana."
    ),
    "admin.roster_private": (
        "Daftar petugas hanya ditampilkan lewat chat pribadi dengan bot. Kirim /petugas di sana."
    ),
    "officer.export_private": (
        "Ekspor berisi jawaban dan saran warga, jadi hanya dikirim lewat chat pribadi "
        "dengan bot. Kirim /ekspor di sana."
    ),
    "officer.laporan_preparing": "Laporan SKM {period} sedang disiapkan…",
    "officer.laporan_caption": (
        "Laporan SKM, periode {period}. Buka di Word, periksa, lalu tandatangani."
    ),
    "officer.laporan_empty": (
        "Tidak ada responden pada periode {period} untuk pilihan ini; laporan tidak dibuat."
    ),
    "officer.laporan_private": (
        "Laporan SKM berisi saran warga, jadi hanya dikirim lewat chat pribadi dengan bot. "
        "Kirim /laporan di sana."
    ),
    # --- follow-up plan (/tindaklanjut) ---
    "followup.title": "<b>Rencana tindak lanjut</b> · unsur terlemah {period}",
    "followup.weakest": "Unsur terlemah: {elements}",
    "followup.weakest_item": "{code} {name} {nrr}",
    "followup.no_answers": "Belum ada jawaban pada periode ini, jadi belum ada unsur terlemah.",
    "followup.none": "Belum ada tindak lanjut.",
    "followup.item": (
        "#{id} {code} {name} — {action}\n    PJ: {responsible} · batas {due} · {status}{late}"
    ),
    "followup.late": " · <b>lewat batas waktu</b>",
    "followup.more": "{count} tindak lanjut lain tidak muat di sini; kirim /tindaklanjut {unit}.",
    "followup.hint_private": (
        "Tekan 📝 Tambah untuk menambah, atau nomor tindak lanjut untuk mengubah, menandai selesai "
        "atau menghapusnya."
    ),
    "followup.hint_group": (
        "Untuk menambah atau mengubah, kirim /tindaklanjut di chat pribadi dengan bot."
    ),
    "followup.private": (
        "Tindak lanjut ditambah dan diubah lewat chat pribadi dengan bot. "
        "Kirim /tindaklanjut di sana."
    ),
    "followup.add_button": "📝 Tambah · {unit}",
    "followup.item_button": "#{id}",
    "followup.status.rencana": "rencana",
    "followup.status.berjalan": "berjalan",
    "followup.status.selesai": "selesai",
    "followup.status_button.rencana": "Rencana",
    "followup.status_button.berjalan": "Berjalan",
    "followup.status_button.selesai": "Selesai",
    "followup.view": (
        "<b>Tindak lanjut #{id}</b> · {unit}\n"
        "Kantor: {office}\n"
        "Unsur: {code} {name}\n"
        "Kegiatan: {action}\n"
        "Penanggung jawab: {responsible}\n"
        "Batas waktu: {due}{late}\n"
        "Status: {status}\n"
        "Dicatat {created} oleh {created_by}; terakhir diubah {updated} oleh {updated_by}."
    ),
    "followup.saved": "Tersimpan.",
    "followup.admin": "admin",
    "followup.edit_action": "Ubah kegiatan",
    "followup.edit_responsible": "Ubah penanggung jawab",
    "followup.edit_due": "Ubah batas waktu",
    "followup.delete_button": "Hapus",
    "followup.back_button": "« Daftar",
    "followup.delete_confirm": (
        "Hapus tindak lanjut #{id} ({code} {name}: {action})? Tindakan ini tidak bisa dibatalkan."
    ),
    "followup.delete_yes": "Ya, hapus",
    "followup.delete_no": "Jangan",
    "followup.deleted": "Tindak lanjut #{id} dihapus.",
    "followup.gone": "Tindak lanjut itu sudah tidak ada.",
    "followup.status_set": "Status #{id}: {status}.",
    "followup.new_title": "<b>Tindak lanjut baru</b> · {unit}",
    "followup.ask_element": (
        "Pilih unsur yang akan diperbaiki: tiga unsur terlemah {period} di atas, unsur lain "
        "di bawahnya."
    ),
    "followup.ask_element_nodata": (
        "Pilih unsur yang akan diperbaiki (belum ada jawaban pada {period})."
    ),
    "followup.element_button": "{code} {name} · {nrr}",
    "followup.ask_action": (
        "Unsur: {code} {name}.\nTulis kegiatan tindak lanjutnya (paling banyak {max} huruf)."
    ),
    "followup.ask_responsible": (
        "Kegiatan: {action}\nSiapa penanggung jawabnya? Tulis nama atau jabatan "
        "(paling banyak {max} huruf)."
    ),
    "followup.ask_due": (
        "Penanggung jawab: {responsible}\nKapan batas waktunya? Tulis tanggal DD-MM-YYYY "
        "(misalnya {example}) atau pilih:"
    ),
    "followup.due_button": "+{days} hari · {date}",
    "followup.ask_status": "Batas waktu: {due}\nBagaimana statusnya sekarang?",
    "followup.edit_ask_action": (
        "<b>Tindak lanjut #{id}</b>\nKegiatan sekarang: {current}\n"
        "Tulis kegiatan yang baru (paling banyak {max} huruf)."
    ),
    "followup.edit_ask_responsible": (
        "<b>Tindak lanjut #{id}</b>\nPenanggung jawab sekarang: {current}\n"
        "Tulis penanggung jawab yang baru (paling banyak {max} huruf)."
    ),
    "followup.edit_ask_due": (
        "<b>Tindak lanjut #{id}</b>\nBatas waktu sekarang: {current}\n"
        "Tulis tanggal baru DD-MM-YYYY (misalnya {example}) atau pilih:"
    ),
    "followup.cancel_button": "Batal",
    "followup.cancelled": "Dibatalkan; tidak ada yang diubah.",
    "followup.use_buttons": "Pilih dengan tombol pada pesan di atas, atau tekan Batal.",
    "followup.bad.empty": "Teksnya kosong. Tulis lagi lalu kirim.",
    "followup.bad.long": (
        "Terlalu panjang: {length} huruf, paling banyak {max}. Persingkat lalu kirim lagi."
    ),
    "followup.bad.format": (
        "Tanggal tidak terbaca. Tulis DD-MM-YYYY, misalnya {example}, atau pilih tombol."
    ),
    "followup.bad.no_such_day": (
        "Tanggal itu tidak ada di kalender. Tulis DD-MM-YYYY, misalnya {example}."
    ),
    "followup.bad.past": "Batas waktu tidak boleh sebelum hari ini ({today}).",
    "followup.bad.far": "Batas waktu paling lama dua tahun dari hari ini (sampai {last}).",
    "followup.weekly_due": "Tindak lanjut dengan batas waktu 7 hari ke depan:",
    "followup.weekly_overdue": "Tindak lanjut lewat batas waktu:",
    "followup.weekly_item": "• #{id} {code} {action} — {responsible}, batas {due} ({status})",
    "officer.xlsx_sheet_followup": "Tindak lanjut",
    "followup.xlsx_office": "Kantor",
    "followup.xlsx_element_name": "Nama unsur",
    "followup.xlsx_action": "Kegiatan",
    "followup.xlsx_responsible": "Penanggung jawab",
    "followup.xlsx_due": "Batas waktu",
    "followup.xlsx_status": "Status",
    "followup.xlsx_created_by": "Dicatat oleh (id)",
    "followup.xlsx_created_at": "Dicatat pada",
    "followup.xlsx_updated_by": "Diubah oleh (id)",
    "followup.xlsx_updated_at": "Diubah pada",
    # --- published results (/publikasi, skm-bot publikasi) ---
    "publikasi.preparing": "Poster hasil SKM {period} sedang disiapkan…",
    "publikasi.caption": (
        "Poster hasil SKM {unit}, periode {period}. Cetak A4 dan pasang di samping loket."
    ),
    "publikasi.empty": (
        "Tidak ada responden pada periode {period} untuk pilihan ini; poster tidak dibuat."
    ),
    "publikasi.need_unit": (
        "Poster dibuat per unit: tulis /publikasi UNIT [KANTOR] [PERIODE]. Unit: {units}"
    ),
    "publikasi.written": "Poster ditulis ke {path}: {unit}, {respondents} responden, {period}.",
    "publikasi.cli_need_unit": (
        "Poster dibuat per unit, dan pilihan ini memuat {units}: sebutkan satu dengan --unit."
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
    "officer.xlsx_ci_low": "Rentang 95% bawah",
    "officer.xlsx_ci_high": "Rentang 95% atas",
    "officer.xlsx_ci_grades": "Mutu dalam rentang",
    "officer.xlsx_sample": "Sampel",
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
    "officer.weekly_change_flat": (
        "Dibanding minggu lalu: tidak berubah secara bermakna (selisih {change})"
    ),
    "officer.weekly_quarter": "Kuartal berjalan: {figures}",
    "officer.weekly_weakest": "Unsur terlemah minggu ini: {name} ({code}) {nrr}",
    "officer.weekly_suggestions": "Saran baru: {count}",
    "officer.subscribed": (
        "Chat ini akan menerima ringkasan mingguan SKM setiap {day} pukul {time} {zone} "
        "untuk {scope}. Hentikan dengan /berhenti."
    ),
    "officer.subscribed_again": (
        "Chat ini sudah berlangganan; cakupannya kini {scope}. "
        "Ringkasan dikirim setiap {day} pukul {time} {zone}."
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
    "officer.alert_title": "⚠️ <b>Perlu perhatian</b>: {unit}",
    "officer.alert_count": "{count} respons memberi nilai 1 (terendah).",
    "officer.alert_element": "{name} ({code}) {count}x",
    "officer.alert_low": "Nilai 1 pada: {elements}",
    "officer.alert_offices": "Kantor: {offices}",
    "officer.alert_hint": (
        "Identitas responden dirahasiakan. Lihat /ikm {unit}; saran ada di /saran {unit} "
        "dan ringkasan mingguan."
    ),
    "officer.menu.start": "Mulai survei",
    "officer.menu.batal": "Batalkan survei",
    "officer.menu.bantuan": "Bantuan dan daftar perintah",
    "officer.menu.ikm": "IKM per unit, atau rincian satu unit",
    "officer.menu.saran": "Saran terbaru dari warga",
    "officer.menu.kiosk": "Tautan kiosk survei untuk tablet loket",
    "officer.menu.qr": "Poster QR survei untuk loket",
    "officer.menu.ekspor": "Unduh data (XLSX atau CSV)",
    "officer.menu.laporan": "Laporan SKM (DOCX) untuk ditandatangani",
    "officer.menu.tindaklanjut": "Rencana tindak lanjut unsur terlemah",
    "officer.menu.publikasi": "Poster hasil SKM untuk warga",
    "officer.menu.langganan": "Ringkasan mingguan untuk chat ini",
    "officer.menu.berhenti": "Hentikan ringkasan mingguan",
    "officer.menu.undang": "Undang petugas (tautan sekali pakai)",
    "officer.menu.petugas": "Daftar petugas dan pencabutan",
    "officer.menu.nrp": "Catat NRP Anda untuk daftar petugas",
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
    "officer.help.saran": (
        "/saran [UNIT] [KANTOR] [PERIODE] — saran terbaru dari warga, lewat chat pribadi"
    ),
    "officer.help.kiosk": (
        "/kiosk UNIT [KANTOR] — tautan survei untuk tablet di loket (kiosk); /kiosk daftar, "
        "/kiosk cabut NOMOR (admin)"
    ),
    "officer.help.qr": "/qr UNIT [KANTOR] — poster QR survei untuk dicetak",
    "officer.help.ekspor": (
        "/ekspor [PERIODE] [csv] (/export) — data dalam XLSX atau CSV (dipisah titik "
        "koma untuk Excel; /ekspor csv , untuk koma), lewat chat pribadi"
    ),
    "officer.help.laporan": (
        "/laporan [UNIT] [KANTOR] [PERIODE] (/report) — Laporan SKM dalam DOCX "
        "(bawaan: tahun lalu), lewat chat pribadi"
    ),
    "officer.help.tindaklanjut": (
        "/tindaklanjut [UNIT] [KANTOR] [PERIODE] (/followup) — tiga unsur terlemah tiap "
        "unit dan tindak lanjutnya; menambah dan mengubah lewat chat pribadi"
    ),
    "officer.help.publikasi": (
        "/publikasi [UNIT] [KANTOR] [PERIODE] — poster hasil SKM (A4, PNG) untuk "
        "dipasang di loket dan media sosial kantor"
    ),
    "officer.help.langganan": "/langganan (/subscribe) — chat ini menerima ringkasan mingguan",
    "officer.help.berhenti": "/berhenti (/unsubscribe) — hentikan ringkasan mingguan",
    "officer.help.undang": (
        "/undang UNIT|SEMUA [KANTOR] (/invite) — tautan undangan sekali pakai untuk petugas, "
        "lewat chat pribadi"
    ),
    "officer.help.petugas": (
        "/petugas — daftar petugas dan undangan yang masih berlaku, dengan tombol cabut dan "
        "batalkan, lewat chat pribadi"
    ),
    "officer.help.nrp": "/nrp NOMOR — catat NRP Anda (sekali saja) untuk daftar petugas",
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
    "admin.invite_unknown": (
        "{word} bukan kode unit atau kantor.\nUnit: {units}\nKantor: {offices}"
    ),
    "admin.invite_unknown_office": "{word} bukan kode kantor.\nKantor: {offices}",
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
    "admin.roster_line_nrp": "{n}. {name} (NRP {nrp}) — {scope} (sejak {since})",
    "admin.roster_range": "{first}-{last} dari {total}",
    "admin.roster_prev": "« Sebelumnya",
    "admin.roster_next": "Berikutnya »",
    "admin.roster_invites": "Undangan yang masih berlaku: {count}",
    "admin.roster_invite": "Undangan {n}: {scope}, berlaku sampai {expires}",
    "admin.roster_invites_more": "… dan {count} undangan lain.",
    "admin.invite_cancel_button": "Batalkan undangan {n}",
    "admin.invite_cancel_confirm": (
        "Batalkan undangan untuk <b>{scope}</b> (berlaku sampai {expires})? "
        "Tautannya tidak akan bisa dipakai lagi."
    ),
    "admin.invite_cancel_yes": "Ya, batalkan",
    "admin.invite_cancelled": "Undangan dibatalkan.",
    "admin.invite_gone": "Undangan itu sudah tidak berlaku.",
    "admin.revoke_button": "Cabut {n}. {name}",
    "admin.revoke_confirm": (
        "Cabut {name} ({scope}) sebagai petugas? Ia tidak akan bisa melihat data lagi."
    ),
    "admin.revoke_yes": "Ya, cabut",
    "admin.revoke_back": "Kembali",
    "admin.revoked": "{name} dicabut.",
    "admin.revoke_gone": "Petugas itu sudah tidak terdaftar.",
}
