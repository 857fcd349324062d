"""The arrows point one way: bot/ and web/ -> service/ -> documents/ -> storage/ -> skm/."""

from __future__ import annotations

from pathlib import Path

import service
from tests.skm.test_purity import imported_roots

SERVICE_DIR = Path(service.__file__).parent


def offenders(directory: Path, forbidden: set[str]) -> dict[str, list[str]]:
    return {
        str(path.relative_to(directory)): sorted(imported_roots(path) & forbidden)
        for path in sorted(directory.rglob("*.py"))
        if imported_roots(path) & forbidden
    }


def test_service_imports_no_channel():
    assert offenders(SERVICE_DIR, {"telegram", "bot", "web", "aiohttp", "starlette"}) == {}
    assert {"survey.py", "screen.py", "policy.py", "listeners.py", "config.py"} <= {
        p.name for p in SERVICE_DIR.glob("*.py")
    }


def test_service_writes_no_sql():
    # storage/ is the only place with SQL: the service calls it.
    assert offenders(SERVICE_DIR, {"sqlite3", "aiosqlite", "psycopg", "asyncpg"}) == {}


def test_storage_and_documents_import_nothing_above_them():
    import documents
    import storage

    assert offenders(Path(storage.__file__).parent, {"service", "web", "bot", "documents"}) == {}
    assert offenders(Path(documents.__file__).parent, {"service", "web", "bot"}) == {}


def test_offenders_finds_an_arrow_the_wrong_way(tmp_path: Path):
    (tmp_path / "bad.py").write_text("from bot.survey import session\nimport telegram\n")
    assert offenders(tmp_path, {"bot", "telegram"}) == {"bad.py": ["bot", "telegram"]}
