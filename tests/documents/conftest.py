"""One known year in a database file, its Laporan SKM and its `report --json`, per module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.documents.helpers import cli, known_year, report_json, seed


@dataclass(frozen=True)
class Written:
    """The database, the document written from it and the report JSON for the same data."""

    db: Path
    docx: Path
    report: dict[str, Any]
    stdout: str


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A working directory without .env, the database setting pointing inside it."""
    path = tmp_path_factory.mktemp("laporan")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(path)
        mp.setenv("SKM_DATABASE", str(path / "skm.db"))
        mp.delenv("SKM_UNITS_FILE", raising=False)
        mp.delenv("SKM_WEIGHTING", raising=False)
        yield path


@pytest.fixture(scope="module")
def written(workdir: Path) -> Written:
    """The 2025 report of the known year, written by `skm-bot laporan`."""
    db = workdir / "skm.db"
    seed(db, known_year())
    out = workdir / "laporan-2025.docx"
    code, stdout, stderr = cli("laporan", "--db", str(db), "--period", "2025", "--out", str(out))
    assert code == 0, stderr
    return Written(db, out, report_json(db, "2025"), stdout)
