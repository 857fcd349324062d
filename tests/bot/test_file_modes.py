"""Files that hold answers or keys are created readable by their owner only (0600)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from storage.database import Database

ROOT = Path(__file__).parents[2]
CSV = (
    "submitted_at,unit,office,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,"
    "suggestion\n2026-10-02 09:15,SKCK,POLRES,3,3,4,4,3,3,4,3,3,L,34,SMA,WIRASWASTA,\n"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A working directory without .env, under a umask that would make files world-readable."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SKM_DATABASE", str(tmp_path / "skm.db"))
    monkeypatch.setenv("SKM_BOT_USERNAME", "SkmPolresBot")
    before = os.umask(0o022)
    yield tmp_path
    os.umask(before)


async def test_the_database_and_its_wal_and_shm_are_private(workdir: Path):
    db = await Database.open(workdir / "new.db")
    try:
        await db.write("INSERT INTO subscriptions VALUES (1, NULL, NULL, 'id', 1, 0)")
        files = [workdir / name for name in ("new.db", "new.db-wal", "new.db-shm")]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        await db.close()


def test_the_command_line_creates_private_files_and_restores_the_umask(workdir: Path):
    (workdir / "answers.csv").write_text(CSV, encoding="utf-8")
    assert main(["import", "answers.csv"]) == 0
    assert main(["qr", "SKCK", "--out", "poster.png"]) == 0
    assert mode(workdir / "skm.db") == 0o600
    assert mode(workdir / "poster.png") == 0o600
    assert os.umask(0o022) == 0o022  # main put back what it found


def test_start_sh_writes_a_private_env(tmp_path: Path):
    """The script in a copy of the project whose bootstrap and bot do nothing."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "start.sh", tmp_path / "scripts" / "start.sh")
    (tmp_path / "scripts" / "bootstrap.sh").write_text("true\n")
    shutil.copy(ROOT / ".env.example", tmp_path / ".env.example")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(sys.executable)
    (bin_dir / "skm-bot").write_text("#!/bin/sh\nexit 0\n")
    (bin_dir / "skm-bot").chmod(0o755)
    script = f"umask 022; exec bash {tmp_path / 'scripts' / 'start.sh'}"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    env = tmp_path / ".env"
    assert mode(env) == 0o600
    secret = next(line for line in env.read_text().splitlines() if line.startswith("SKM_SECRET="))
    assert len(secret.removeprefix("SKM_SECRET=")) == 64
