"""/ikm against known data: every unit at once, one unit in detail, and its chart."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from PIL import Image

from bot.officers import chart
from skm.index import compute_ikm
from skm.period import current_quarter
from tests.bot.officer_helpers import (
    JAKARTA,
    KNOWN,
    SKCK_OFFICER,
    SKCK_Q4,
    q4,
    register,
    response,
    seed,
)
from tests.support.harness import ADMIN_ID, BotHarness
from tests.support.telegram import feed


async def test_overview_shows_every_unit_with_change_and_all_units(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ikm 2026-Q4")
    text = bot.last(ADMIN_ID).text
    assert "Periode: 2026-Q4 (01-10-2026 s.d. 31-12-2026)" in text
    # SKCK's own values (x 25 x 0,999): 83,25 80,47 69,38 91,58 74,93 69,38; sd 8,672,
    # se 3,540, t(0.975, 5) 2,5706: 78,16 +- 9,10. Q3's two 74,93 are within that: the
    # +3,24 is no change. SKCK is also served at Polsek offices without a volume: 30.
    assert (
        "<b>Pelayanan SKCK</b> (SKCK)\n"
        "6 responden · IKM 78,16 · mutu B (Baik) · sampel belum cukup (n=6 dari 30)\n"
        "Rentang 95%: 69,06–87,26 (mutu C atau B)\n"
        "Perubahan dari 2026-Q3: tidak berubah secara bermakna (selisih +3,24)"
    ) in text
    # SIM: 2.000 a month at Polres, N = 6.000 for the quarter, Krejcie-Morgan 361.
    assert (
        "<b>Pelayanan SIM</b> (SIM)\n"
        "3 responden · IKM 99,90 · mutu A (Sangat Baik) · sampel belum cukup (n=3 dari 361)\n"
        "Rentang 95%: 99,90–99,90 (mutu A)\n"
        "Belum ada pembanding dari 2026-Q3."
    ) in text
    assert "<b>Sentra Pelayanan Kepolisian Terpadu</b> (SPKT)\nBelum ada responden." in text
    # The mean of unit IKMs: se = √(3,540² + 0) / 2, Welch df 5: 89,03 +- 4,55.
    assert (
        "IKM 89,03 (rata-rata IKM unit) · mutu A (Sangat Baik) · sampel belum cukup (n=9 dari 30)\n"
        "Rentang 95%: 84,48–93,58 (mutu B atau A)\n"
        "IKM gabungan seluruh responden: 85,41 · 9 responden"
    ) in text


async def test_a_change_is_called_one_only_when_it_is_real(bot: BotHarness):
    earlier = datetime(2026, 8, 1, 10, tzinfo=JAKARTA)
    await seed(bot, [*SKCK_Q4, *(response("222222222", when=earlier) for _ in range(4))])
    await bot.send(ADMIN_ID, "/ikm 2026-Q4")
    # Q3: four 49,95, no spread; 78,16 - 49,95 = 28,21 is far beyond +- 9,10.
    assert "Perubahan dari 2026-Q3: +28,21" in bot.last(ADMIN_ID).text


async def test_a_one_unit_officer_sees_no_all_units_line(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/ikm 2026-Q4")
    text = bot.last(SKCK_OFFICER).text
    assert "6 responden · IKM 78,16" in text
    assert "Seluruh unit" not in text and "IKM gabungan" not in text


async def test_unit_detail_names_elements_priorities_offices_and_sample(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ikm SKCK 2026-Q4")
    text, photo = (m for m in bot.request.messages(ADMIN_ID)[-2:])
    lines = text.text.splitlines()
    assert lines[0] == "<b>Pelayanan SKCK</b> (SKCK) · semua kantor"
    assert "Responden: 6" in lines
    assert (
        "IKM: <b>78,16</b> · mutu <b>B</b> · kinerja <b>Baik</b> · sampel belum cukup (n=6 dari 30)"
    ) in lines
    assert "Rentang 95%: 69,06–87,26 (mutu C atau B)" in lines
    assert "Perubahan dari 2026-Q3: tidak berubah secara bermakna (selisih +3,24)" in lines
    assert "U3 Waktu Penyelesaian: 2,17 · 54,17" in lines
    assert "U4 Biaya/Tarif: 4,00 · 100,00" in lines
    assert "U9 Penanganan Pengaduan, Saran dan Masukan: 3,17 · 79,17" in lines
    priorities = lines[lines.index("<b>Prioritas perbaikan</b> (unsur terendah)") + 1 :][:3]
    assert priorities == [
        "1. Waktu Penyelesaian (U3): 2,17 · 54,17",
        "2. Sarana dan Prasarana (U8): 2,67 · 66,67",
        "3. Sistem, Mekanisme, dan Prosedur (U2): 2,83 · 70,83",
    ]
    # 1.200 a month at Polres: N = 3.600, Krejcie-Morgan 347.
    assert (
        "Polres Contoh: 4 responden · IKM 81,17 · mutu B (Baik) · sampel belum cukup (n=4 dari 347)"
    ) in lines
    assert "Polsek Kota: terlalu sedikit responden untuk ditampilkan" in lines
    assert "Polsek Utara: Belum ada responden." in lines
    # SKCK is served at Polsek Utara, Selatan and Barat too, which have no volume: the check
    # says so and asks for 30 rather than adding up the volumes it knows.
    assert (
        "<b>Sampel</b>: belum cukup, 6 responden dari minimal 30 (volume per bulan belum diatur "
        "untuk Polsek Utara, Polsek Selatan, Polsek Barat di berkas unit, jadi dipakai batas 30 "
        "responden)."
    ) in lines
    assert photo.kind == "photo" and photo.file is not None
    image = Image.open(io.BytesIO(photo.file))
    assert image.format == "PNG"
    assert image.size == (900, 560)


async def test_one_office_of_two_respondents_withholds_its_elements_and_chart(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ikm SKCK PS_KOTA 2026-Q4")
    shown = bot.last(ADMIN_ID)
    assert shown.kind == "text"  # no chart: it would show two citizens' answers
    text = shown.text
    assert text.startswith("<b>Pelayanan SKCK</b> (SKCK) · Polsek Kota")
    assert (
        "IKM: <b>72,15</b> · mutu <b>C</b> · kinerja <b>Kurang Baik</b>"
        " · sampel belum cukup (n=2 dari 269)"
    ) in text
    assert "<b>Nilai per unsur</b> (NRR 1-4 · skala 25-100)\n" in text
    assert "terlalu sedikit responden untuk ditampilkan" in text
    assert "Waktu Penyelesaian" not in text and "Prioritas" not in text
    assert "minimal 269 untuk N = 900 orang dilayani (300/bulan x 3 bulan)" in text
    await bot.send(ADMIN_ID, "/ikm SKCK PS_UTARA 2026-Q4")
    text = bot.last(ADMIN_ID).text
    assert "Belum ada responden." in text


async def test_three_respondents_show_the_elements(bot: BotHarness):
    await seed(bot, [response("433433433", office="PS_KOTA", when=q4(d)) for d in (3, 4, 5)])
    await bot.send(ADMIN_ID, "/ikm SKCK PS_KOTA 2026-Q4")
    text, photo = bot.request.messages(ADMIN_ID)[-2:]
    assert "U1 Persyaratan: 4,00 · 100,00" in text.text
    assert photo.kind == "photo"


async def test_sample_check_scales_a_days_period(bot: BotHarness):
    now = datetime.now(JAKARTA)
    await seed(bot, [response("444444444", unit="SIM", when=now - timedelta(hours=2))])
    await bot.send(ADMIN_ID, "/ikm SIM 30d")
    text = bot.last(ADMIN_ID).text
    # 2.000 a month for 30 days (one month): Krejcie-Morgan asks 322.
    assert "minimal 322 untuk N = 2.000 orang dilayani (2.000/bulan x 1 bulan)" in text
    assert "· sampel belum cukup (n=1 dari 322)" in text
    assert "Rentang 95%: belum dapat dihitung (kurang dari 2 responden)" in text


async def test_a_unit_with_a_blank_element_says_what_is_missing(bot: BotHarness):
    await seed(bot, [response("4444-4444", unit="SPKT", when=q4(d)) for d in (3, 4, 5)])
    await bot.send(ADMIN_ID, "/ikm SPKT 2026-Q4")
    text = bot.request.messages(ADMIN_ID)[-2].text
    assert "IKM belum dapat dihitung: belum ada jawaban untuk U5." in text
    assert "U5 Produk Spesifikasi Jenis Pelayanan: belum dijawab" in text


async def test_no_respondents_means_no_chart(bot: BotHarness):
    await bot.send(ADMIN_ID, "/ikm SATNARKOBA 2026-Q4")
    shown = bot.last(ADMIN_ID)
    assert shown.kind == "text" and shown.text.endswith("Belum ada responden.")


async def test_default_period_is_the_current_quarter(bot: BotHarness):
    now = datetime.now(JAKARTA)
    await seed(bot, [response("333333333", when=now - timedelta(seconds=1))])
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/ikm")
    text = bot.last(SKCK_OFFICER).text
    assert f"Periode: {current_quarter(now).label} (" in text
    assert "1 responden · IKM 74,93 · mutu C (Kurang Baik)" in text


async def test_an_unknown_word_lists_what_is_accepted(bot: BotHarness):
    await bot.send(ADMIN_ID, "/ikm SKCK kemarin")
    text = bot.last(ADMIN_ID).text
    assert text.startswith("Tidak dikenal: kemarin.")
    assert "SKCK" in text and "2026-Q4" in text


async def test_english_readers_get_english_names_and_decimal_points(bot: BotHarness):
    await seed(bot, KNOWN)
    raw = bot.updates.text(ADMIN_ID, "/ikm SKCK 2026-Q4")
    raw["message"]["from"]["language_code"] = "en"
    assert bot.app is not None
    await feed(bot.app, raw)
    text = bot.request.messages(ADMIN_ID)[-2].text
    assert "IKM: <b>78.16</b> · grade <b>B</b> · performance <b>Good</b>" in text
    assert "1. Completion Time (U3): 2.17 · 54.17" in text


def test_the_chart_is_a_png_of_the_nine_elements():
    result = compute_ikm([r.answers for r in SKCK_Q4])
    png = chart.element_chart(result, "Pelayanan SKCK · 2026-Q4", "id")
    image = Image.open(io.BytesIO(png))
    assert image.size == (900, 560)
    # The bands are drawn: the chart is not one flat colour.
    colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50
