"""/tindaklanjut: the weakest elements per unit, and the actions officers record on them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.officers.buttons import (
    DraftCancel,
    DraftDue,
    DraftElement,
    DraftStatus,
    FollowUpAdd,
    FollowUpDelete,
    FollowUpEdit,
    FollowUpList,
    FollowUpStatus,
    FollowUpView,
    parse,
)
from storage import followups
from tests.bot.officer_helpers import (
    CITIZEN,
    JAKARTA,
    KNOWN,
    SIM_OFFICER,
    SKCK_OFFICER,
    register,
    seed,
)
from tests.bot.survey_helpers import ELEMENT_LABELS, PROFILE_LABELS, QR
from tests.support.harness import ADMIN_ID, BotHarness

STALE = "Tombol ini sudah tidak berlaku."
NO_SURVEY = "Untuk mengisi Survei Kepuasan Masyarakat"


def today() -> date:
    return datetime.now(JAKARTA).date()


def dmy(day: date) -> str:
    return day.strftime("%d-%m-%Y")


async def start_adding(bot: BotHarness, user: int, unit: str = "SKCK") -> None:
    await bot.send(user, "/tindaklanjut 2026-Q4")
    await bot.press(user, f"📝 Tambah · {unit}")


async def add_action(
    bot: BotHarness, user: int, action: str = "Tambah loket pada jam sibuk"
) -> followups.FollowUp:
    """The whole dialogue, pressing and typing as an officer would; returns what was stored."""
    await start_adding(bot, user)
    await bot.press(user, "U3 ")
    await bot.send(user, action)
    await bot.send(user, "Bripka Andi")
    await bot.press(user, "+14 hari")
    await bot.press(user, "Berjalan")
    stored = await followups.for_units(bot.db, ["SKCK"], None)
    assert stored
    return stored[-1]


@pytest.mark.parametrize(
    "button",
    [
        FollowUpList(None, None, "2026-Q4"),
        FollowUpList("SKCK", "PS_KOTA", "30d"),
        FollowUpAdd("SKCK", None, "2026-Q4"),
        FollowUpAdd("SATNARKOBA", "PS_KOTA", None),
        DraftElement(999_999, "U9"),
        DraftDue(1, 30),
        DraftStatus(42, "selesai"),
        DraftCancel(7),
        FollowUpView(1),
        FollowUpStatus(999_999_999_999, "rencana"),
        FollowUpEdit(3, "responsible"),
        FollowUpDelete(3, False),
        FollowUpDelete(3, True),
    ],
)
def test_every_follow_up_button_round_trips_within_64_bytes(button):
    data = button.encode()
    assert len(data.encode()) <= 64
    assert parse(data) == button


@pytest.mark.parametrize(
    "data",
    [
        "off:rtl:el:1:U0",
        "off:rtl:el:1:u3",
        "off:rtl:el:0:U3",
        "off:rtl:el:1234567:U3",
        "off:rtl:due:1:U3",
        "off:rtl:due:1:-7",
        "off:rtl:st:1:x",
        "off:rtl:st:1",
        "off:rtl:x:1:U1",
        "off:rtl:v:0",
        "off:rtl:v:1:r",
        "off:rtl:set:1:a",
        "off:rtl:ed:1:r",
        "off:rtl:del:1:s",
        "off:rtl:add:*:*",
        "off:rtl:add:skck:*",
        "off:rtl:ls:*:*:*",
        "off:rtl:v:²",
    ],
)
def test_forged_follow_up_data_parses_to_nothing(data):
    assert parse(data) is None


async def test_the_plan_lists_the_three_weakest_elements_per_unit(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await bot.send(SKCK_OFFICER, "/tindaklanjut 2026-Q4")
    shown = bot.last(SKCK_OFFICER)
    # SKCK in 2026-Q4: weakest U3 2,17, U8 2,67, U2 2,83 (see officer_helpers).
    assert shown.text.splitlines()[:5] == [
        "<b>Rencana tindak lanjut</b> · unsur terlemah 2026-Q4 (01-10-2026 s.d. 31-12-2026)",
        "",
        "<b>Pelayanan SKCK</b> (SKCK)",
        "Unsur terlemah: U3 Waktu Penyelesaian 2,17 · U8 Sarana dan Prasarana 2,67 · "
        "U2 Sistem, Mekanisme, dan Prosedur 2,83",
        "Belum ada tindak lanjut.",
    ]
    assert "SIM" not in shown.text  # outside the officer's scope
    assert shown.button_texts() == ["📝 Tambah · SKCK"]


async def test_an_officer_adds_an_action_with_buttons_and_text(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK", name="Sari")
    await start_adding(bot, SKCK_OFFICER)
    picker = bot.last(SKCK_OFFICER)
    assert picker.button_texts()[:3] == [
        "U3 Waktu Penyelesaian · 2,17",
        "U8 Sarana dan Prasarana · 2,67",
        "U2 Sistem, Mekanisme, dan Prosedur · 2,83",
    ]
    assert picker.button_texts()[3:] == ["U1", "U4", "U5", "U6", "U7", "U9", "Batal"]
    await bot.press(SKCK_OFFICER, "U3 ")
    assert bot.last(SKCK_OFFICER).text == (
        "Unsur: U3 Waktu Penyelesaian.\nTulis kegiatan tindak lanjutnya (paling banyak 500 huruf)."
    )
    await bot.send(SKCK_OFFICER, "  Tambah <b>loket</b>\x07 pada\n jam sibuk ")
    assert bot.last(SKCK_OFFICER).text.startswith(
        "Kegiatan: Tambah &lt;b&gt;loket&lt;/b&gt; pada jam sibuk\nSiapa penanggung jawabnya?"
    )
    await bot.send(SKCK_OFFICER, "Bripka Andi")
    due_prompt = bot.last(SKCK_OFFICER)
    in_14 = today() + timedelta(days=14)
    assert due_prompt.button_texts() == [
        f"+7 hari · {dmy(today() + timedelta(days=7))}",
        f"+14 hari · {dmy(in_14)}",
        f"+30 hari · {dmy(today() + timedelta(days=30))}",
        "Batal",
    ]
    await bot.press(SKCK_OFFICER, "+14 hari")
    assert bot.last(SKCK_OFFICER).button_texts() == ["Rencana", "Berjalan", "Selesai", "Batal"]
    await bot.press(SKCK_OFFICER, "Berjalan")
    [stored] = await followups.for_units(bot.db, ["SKCK"], None)
    assert (stored.unit, stored.office, stored.element) == ("SKCK", None, "U3")
    assert stored.action == "Tambah <b>loket</b> pada jam sibuk"  # plain text, as typed
    assert (stored.responsible, stored.due, stored.status) == ("Bripka Andi", in_14, "berjalan")
    assert stored.created_by == stored.updated_by == SKCK_OFFICER
    assert await followups.get_draft(bot.db, SKCK_OFFICER) is None
    view = bot.last(SKCK_OFFICER).text
    assert view.startswith(f"Tersimpan.\n\n<b>Tindak lanjut #{stored.id}</b> · Pelayanan SKCK\n")
    assert "Kegiatan: Tambah &lt;b&gt;loket&lt;/b&gt; pada jam sibuk\n" in view  # escaped
    assert "oleh Sari" in view
    # No survey answer ever appeared: the typed text was the officer's, not the survey's.
    assert not any(NO_SURVEY in m.text for m in bot.request.messages(SKCK_OFFICER))
    assert not bot.request.refused
    # The list now shows it, with its button.
    await bot.send(SKCK_OFFICER, "/tindaklanjut 2026-Q4")
    listing = bot.last(SKCK_OFFICER)
    assert (
        f"#{stored.id} U3 Waktu Penyelesaian — Tambah &lt;b&gt;loket&lt;/b&gt; pada jam sibuk\n"
        f"    PJ: Bripka Andi · batas {dmy(in_14)} · berjalan"
    ) in listing.text
    assert listing.button_texts() == ["📝 Tambah · SKCK", f"#{stored.id}"]


async def test_a_restart_mid_dialogue_loses_nothing(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await start_adding(bot, SKCK_OFFICER)
    await bot.press(SKCK_OFFICER, "U8 ")
    await bot.send(SKCK_OFFICER, "Kotak saran di ruang tunggu")
    await bot.restart()
    await bot.send(SKCK_OFFICER, "Kanit SKCK")
    await bot.send(SKCK_OFFICER, dmy(today() + timedelta(days=3)))
    await bot.press(SKCK_OFFICER, "Rencana")
    [stored] = await followups.for_units(bot.db, ["SKCK"], None)
    assert (stored.element, stored.action, stored.responsible) == (
        "U8",
        "Kotak saran di ruang tunggu",
        "Kanit SKCK",
    )
    assert (stored.due, stored.status) == (today() + timedelta(days=3), "rencana")


async def test_bad_input_gets_a_sentence_and_loses_nothing(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await start_adding(bot, SKCK_OFFICER)
    await bot.send(SKCK_OFFICER, "typed instead of a button")
    assert bot.last(SKCK_OFFICER).text == (
        "Pilih dengan tombol pada pesan di atas, atau tekan Batal."
    )
    await bot.press(SKCK_OFFICER, "U3 ", shown=bot.request.messages(SKCK_OFFICER)[-2])
    await bot.send(SKCK_OFFICER, "x" * 501)
    assert bot.last(SKCK_OFFICER).text == (
        "Terlalu panjang: 501 huruf, paling banyak 500. Persingkat lalu kirim lagi."
    )
    await bot.send(SKCK_OFFICER, "\x00\x1b \u202e")
    assert bot.last(SKCK_OFFICER).text == "Teksnya kosong. Tulis lagi lalu kirim."
    await bot.send(SKCK_OFFICER, "y" * 500)
    await bot.send(SKCK_OFFICER, "Bripka Andi")
    yesterday, far = today() - timedelta(days=1), today() + timedelta(days=731)
    for typed, said in [
        ("besok", "Tanggal tidak terbaca."),
        ("31-02-2027", "Tanggal itu tidak ada di kalender."),
        (dmy(yesterday), f"Batas waktu tidak boleh sebelum hari ini ({dmy(today())})."),
        (dmy(far), "Batas waktu paling lama dua tahun dari hari ini (sampai "),
    ]:
        await bot.send(SKCK_OFFICER, typed)
        assert bot.last(SKCK_OFFICER).text.startswith(said), typed
    draft = await followups.get_draft(bot.db, SKCK_OFFICER)
    assert draft is not None
    assert (draft.step, draft.element, draft.action, draft.responsible) == (
        "due",
        "U3",
        "y" * 500,
        "Bripka Andi",
    )
    await bot.send(SKCK_OFFICER, dmy(today() + timedelta(days=730)))
    await bot.press(SKCK_OFFICER, "Selesai")
    [stored] = await followups.for_units(bot.db, ["SKCK"], None)
    assert (stored.action, stored.due) == ("y" * 500, today() + timedelta(days=730))
    assert not bot.request.refused


async def test_edit_mark_done_and_delete_after_asking(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    stored = await add_action(bot, SKCK_OFFICER)
    await bot.press(SKCK_OFFICER, "Ubah penanggung jawab")
    assert "Penanggung jawab sekarang: Bripka Andi" in bot.last(SKCK_OFFICER).text
    await bot.send(SKCK_OFFICER, "Iptu Sari")
    await bot.press(SKCK_OFFICER, "Ubah batas waktu")
    await bot.send(SKCK_OFFICER, dmy(today() + timedelta(days=60)))
    await bot.press(SKCK_OFFICER, "Selesai")
    assert bot.request.notices()[-1] == f"Status #{stored.id}: selesai."
    changed = await followups.get(bot.db, stored.id)
    assert changed is not None
    assert (changed.responsible, changed.due, changed.status) == (
        "Iptu Sari",
        today() + timedelta(days=60),
        "selesai",
    )
    assert changed.action == stored.action and changed.updated_by == SKCK_OFFICER
    view = bot.last(SKCK_OFFICER)
    assert "Status: selesai" in view.text and "✓ Selesai" in view.button_texts()
    await bot.press(SKCK_OFFICER, "Hapus")
    assert bot.last(SKCK_OFFICER).text.startswith(f"Hapus tindak lanjut #{stored.id} (U3 ")
    assert await followups.get(bot.db, stored.id) is not None  # asked, not yet deleted
    await bot.press(SKCK_OFFICER, "Ya, hapus")
    assert await followups.get(bot.db, stored.id) is None
    assert bot.last(SKCK_OFFICER).text == f"Tindak lanjut #{stored.id} dihapus."
    await bot.press(SKCK_OFFICER, "« Daftar")
    assert "Belum ada tindak lanjut." in bot.last(SKCK_OFFICER).text


async def test_stale_and_forged_presses_change_nothing(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await start_adding(bot, SKCK_OFFICER)
    old_press = bot.last(SKCK_OFFICER).callback_for("U8 ")
    await bot.press(SKCK_OFFICER, "U3 ")
    await bot.press_data(SKCK_OFFICER, old_press)  # the step has moved on
    assert bot.request.notices()[-1] == STALE
    draft = await followups.get_draft(bot.db, SKCK_OFFICER)
    assert draft is not None and (draft.step, draft.element) == ("action", "U3")
    for data in (
        DraftElement(draft.nonce + 1, "U1").encode(),
        DraftStatus(draft.nonce, "selesai").encode(),  # no action typed yet
        FollowUpView(424242).encode(),
        "off:rtl:v:1:r",
    ):
        await bot.press_data(SKCK_OFFICER, data)
    assert await followups.for_units(bot.db, None, None) == []
    await bot.press(SKCK_OFFICER, "Batal")
    assert bot.last(SKCK_OFFICER).text == "Dibatalkan; tidak ada yang diubah."
    assert await followups.get_draft(bot.db, SKCK_OFFICER) is None
    assert not bot.request.refused


async def test_outside_the_scope_nothing_is_seen_or_changed(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await register(bot, SIM_OFFICER, "SIM", name="Wati")
    stored = await add_action(bot, SKCK_OFFICER)
    await bot.send(SIM_OFFICER, "/tindaklanjut 2026-Q4")
    assert "SKCK" not in bot.last(SIM_OFFICER).text
    for data in (
        FollowUpStatus(stored.id, "selesai").encode(),
        FollowUpDelete(stored.id, True).encode(),
        FollowUpAdd("SKCK", None, None).encode(),
    ):
        await bot.press_data(SIM_OFFICER, data)
        assert bot.request.notices()[-1].startswith("Maaf, data itu di luar cakupan Anda.")
    assert await followups.get(bot.db, stored.id) == stored
    await bot.send(SIM_OFFICER, "/tindaklanjut SKCK")
    assert bot.last(SIM_OFFICER).text.startswith("Maaf, data itu di luar cakupan Anda.")


async def test_a_group_reads_the_plan_but_cannot_change_it(bot: BotHarness):
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    stored = await add_action(bot, SKCK_OFFICER)
    group = -100555
    await bot.send(SKCK_OFFICER, "/tindaklanjut 2026-Q4", chat_id=group, chat_type="group")
    shown = bot.last(group)
    assert f"#{stored.id} U3 Waktu Penyelesaian" in shown.text
    assert shown.text.endswith(
        "Untuk menambah atau mengubah, kirim /tindaklanjut di chat pribadi dengan bot."
    )
    assert shown.buttons == []
    await bot.press_data(SKCK_OFFICER, FollowUpStatus(stored.id, "selesai").encode(), shown)
    assert bot.request.notices()[-1].startswith("Tindak lanjut ditambah dan diubah lewat chat")
    assert (await followups.get(bot.db, stored.id)) == stored


async def test_citizens_text_still_reaches_the_survey_and_citizens_see_no_plan(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(CITIZEN, "halo")
    assert bot.last(CITIZEN).text.startswith(NO_SURVEY)
    await bot.send(CITIZEN, "/tindaklanjut")
    assert bot.last(CITIZEN).text.startswith("Maaf, perintah ini hanya untuk petugas SKM.")


async def test_an_officer_taking_the_survey_meanwhile_types_the_suggestion_into_it(
    bot: BotHarness,
):
    # An officer tries the poster they printed while a dialogue waits for its action text:
    # the suggestion goes to the survey, answered after the dialogue, not into the plan.
    await seed(bot, KNOWN)
    await register(bot, SKCK_OFFICER, "SKCK")
    await start_adding(bot, SKCK_OFFICER)
    await bot.press(SKCK_OFFICER, "U8 ")
    draft = await followups.get_draft(bot.db, SKCK_OFFICER)
    assert draft is not None and draft.step == "action"
    earlier = datetime.now(JAKARTA) - timedelta(minutes=5)
    await followups.save_draft(bot.db, draft, earlier)  # the dialogue was left a while ago
    await bot.send(SKCK_OFFICER, QR)
    for label in ["Mulai survei", *PROFILE_LABELS, *ELEMENT_LABELS]:
        await bot.press(SKCK_OFFICER, label)
    await bot.send(SKCK_OFFICER, "Poster sudah terpasang")
    summary = bot.last(SKCK_OFFICER)
    assert "Poster sudah terpasang" in summary.text and "Kirim jawaban" in summary.button_texts()
    kept = await followups.get_draft(bot.db, SKCK_OFFICER)
    assert kept is not None and (kept.step, kept.action) == ("action", None)


async def test_an_admin_sees_every_unit_and_adds_for_any(bot: BotHarness):
    await seed(bot, KNOWN)
    await bot.send(ADMIN_ID, "/followup 2026-Q4")
    shown = bot.last(ADMIN_ID)
    assert "<b>Pelayanan SIM</b> (SIM)" in shown.text
    assert "<b>Pelayanan SKCK</b> (SKCK)" in shown.text
    assert "📝 Tambah · SATNARKOBA" in shown.button_texts()
