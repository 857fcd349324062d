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
    assert (
        "<b>Pelayanan SKCK</b> (SKCK)\n6 responden · IKM 78,16 · mutu B (Baik)\n"
        "Perubahan dari 2026-Q3: +3,24"
    ) in text
    assert (
        "<b>Pelayanan SIM</b> (SIM)\n3 responden · IKM 99,90 · mutu A (Sangat Baik)\n"
        "Belum ada pembanding dari 2026-Q3."
    ) in text
    assert "<b>Sentra Pelayanan Kepolisian Terpadu</b> (SPKT)\nBelum ada responden." in text
    assert "IKM 89,03 (rata-rata IKM unit) · mutu A (Sangat Baik)" in text
    assert "IKM gabungan seluruh responden: 85,41 · 9 responden" in text


async def test_unit_detail_names_elements_priorities_offices_and_sample(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ikm SKCK 2026-Q4")
    text, photo = (m for m in bot.request.messages(ADMIN_ID)[-2:])
    lines = text.text.splitlines()
    assert lines[0] == "<b>Pelayanan SKCK</b> (SKCK) · semua kantor"
    assert "Responden: 6" in lines
    assert "IKM: <b>78,16</b> · mutu <b>B</b> · kinerja <b>Baik</b>" in lines
    assert "Perubahan dari 2026-Q3: +3,24" in lines
    assert "U3 Waktu Penyelesaian: 2,17 · 54,17" in lines
    assert "U4 Biaya/Tarif: 4,00 · 100,00" in lines
    assert "U9 Penanganan Pengaduan, Saran dan Masukan: 3,17 · 79,17" in lines
    priorities = lines[lines.index("<b>Prioritas perbaikan</b> (unsur terendah)") + 1 :][:3]
    assert priorities == [
        "1. Waktu Penyelesaian (U3): 2,17 · 54,17",
        "2. Sarana dan Prasarana (U8): 2,67 · 66,67",
        "3. Sistem, Mekanisme, dan Prosedur (U2): 2,83 · 70,83",
    ]
    assert "Polres Contoh: 4 responden · IKM 81,17 · mutu B (Baik)" in lines
    assert "Polsek Kota: 2 responden · IKM 72,15 · mutu C (Kurang Baik)" in lines
    assert "Polsek Utara: Belum ada responden." in lines
    # SKCK serves 1.200 a month at POLRES and 300 at PS_KOTA: N = 1.500 x 3 months.
    assert (
        "belum cukup, 6 responden dari minimal 354 untuk N = 4.500 orang dilayani "
        "(1.500/bulan x 3 bulan)"
    ) in text.text
    assert photo.kind == "photo" and photo.file is not None
    image = Image.open(io.BytesIO(photo.file))
    assert image.format == "PNG"
    assert image.size == (900, 560)


async def test_one_office_and_a_unit_without_a_volume(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/ikm SKCK PS_KOTA 2026-Q4")
    text = bot.request.messages(ADMIN_ID)[-2].text
    assert text.startswith("<b>Pelayanan SKCK</b> (SKCK) · Polsek Kota")
    assert "IKM: <b>72,15</b> · mutu <b>C</b> · kinerja <b>Kurang Baik</b>" in text
    assert "1. Waktu Penyelesaian (U3): 1,50 · 37,50" in text
    assert "minimal 269 untuk N = 900 orang dilayani (300/bulan x 3 bulan)" in text
    await bot.send(ADMIN_ID, "/ikm SKCK PS_UTARA 2026-Q4")
    text = bot.last(ADMIN_ID).text
    assert "Belum ada responden." in text


async def test_sample_check_scales_a_days_period(bot: BotHarness):
    now = datetime.now(JAKARTA)
    await seed(bot, [response("444444444", unit="SIM", when=now - timedelta(hours=2))])
    await bot.send(ADMIN_ID, "/ikm SIM 30d")
    text = bot.request.messages(ADMIN_ID)[-2].text
    # 2.000 a month for 30 days (one month): Krejcie-Morgan asks 322.
    assert "minimal 322 untuk N = 2.000 orang dilayani (2.000/bulan x 1 bulan)" in text


async def test_a_unit_with_a_blank_element_says_what_is_missing(bot: BotHarness):
    await seed(bot, [response("4444-4444", unit="SPKT")])
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
