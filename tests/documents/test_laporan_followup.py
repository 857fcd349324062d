"""BAB V's follow-up plan carries the actions officers recorded, and keeps empty rows to fill in."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from skm.followup import Status
from storage import followups
from storage.database import Database
from tests.documents.helpers import JAKARTA, cli, known_year, next_table, report_json, seed

HOSTILE_ACTION = '=HYPERLINK("http://evil.example","klik") <w:p>sisipan</w:p>'


async def _record(
    path: Path, actions: list[tuple[str, str | None, str, str, str, date, Status]]
) -> None:
    db = await Database.open(path)
    try:
        for unit, office, element, action, who, due, status in actions:
            await followups.add(
                db,
                unit,
                office,
                element,
                action,
                who,
                due,
                status,
                700101,
                datetime(2026, 1, 5, 9, tzinfo=JAKARTA),
            )
    finally:
        await db.close()


def test_the_plan_table_holds_the_recorded_actions(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    monkeypatch.delenv("SKM_UNITS_FILE", raising=False)
    db = tmp_path / "skm.db"
    seed(db, known_year())
    skck = next(u for u in report_json(db, "2025")["units"] if u["unit"] == "SKCK")
    weakest = sorted(skck["nrr"], key=lambda code: (skck["nrr"][code], code))[:3]
    other = next(c for c in skck["nrr"] if c not in weakest)
    asyncio.run(
        _record(
            db,
            [
                (
                    "SKCK",
                    None,
                    weakest[0],
                    "Tambah loket",
                    "Kanit SKCK",
                    date(2026, 3, 31),
                    "berjalan",
                ),
                (
                    "SKCK",
                    "POLRES",
                    weakest[0],
                    HOSTILE_ACTION,
                    "Bripka Andi",
                    date(2026, 2, 1),
                    "selesai",
                ),
                (
                    "SKCK",
                    None,
                    other,
                    "Papan alur layanan",
                    "Kasubbag",
                    date(2026, 4, 1),
                    "rencana",
                ),
                ("SIM", None, "U1", "Not in this report", "x", date(2026, 4, 1), "rencana"),
            ],
        )
    )
    out = tmp_path / "laporan.docx"
    code, _, err = cli(
        "laporan", "--db", str(db), "--period", "2025", "--unit", "SKCK", "--out", str(out)
    )
    assert code == 0, err
    plan = next_table(out, "5.2 Rencana Tindak Lanjut")
    assert plan[0][3:] == ["Kegiatan", "Penanggung jawab", "Batas waktu", "Status"]
    body = [row[2:] for row in plan[1:]]
    first, second, third = (e for e in weakest)
    assert [row[0].split(" ")[0] for row in body] == [first, first, second, third, other]
    # Open ones first (by deadline), then those done; the text exactly as typed, plain.
    assert body[0][1:] == ["Tambah loket", "Kanit SKCK", "31-03-2026", "Berjalan"]
    assert body[1][1:] == [HOSTILE_ACTION, "Bripka Andi", "01-02-2026", "Selesai"]
    assert body[2][1:] == body[3][1:] == ["", "", "", ""]  # weak, no action yet: to fill in
    assert body[4][1:] == ["Papan alur layanan", "Kasubbag", "01-04-2026", "Rencana"]
    assert [row[0] for row in plan[1:]] == ["1", "2", "3", "4", "5"]
    assert all(row[1] == "Pelayanan SKCK" for row in plan[1:])
    # The office's report shows its own and the unit-wide actions, not another office's.
    out_kota = tmp_path / "laporan-kota.docx"
    code, _, err = cli(
        "laporan",
        "--db",
        str(db),
        "--period",
        "2025",
        "--unit",
        "SKCK",
        "--office",
        "PS_KOTA",
        "--out",
        str(out_kota),
    )
    assert code == 0, err
    kota = [row[3] for row in next_table(out_kota, "5.2 Rencana Tindak Lanjut")[1:]]
    assert "Tambah loket" in kota and HOSTILE_ACTION not in kota
