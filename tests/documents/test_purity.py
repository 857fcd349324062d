"""documents/ is Telegram-free: it may use storage/ and skm/, never bot/ or telegram."""

from __future__ import annotations

from pathlib import Path

import documents
from tests.skm.test_purity import imported_roots

DOCUMENTS_DIR = Path(documents.__file__).parent


def test_documents_import_nothing_from_the_bot():
    offenders = {
        path.name: sorted(imported_roots(path) & {"bot", "telegram"})
        for path in sorted(DOCUMENTS_DIR.rglob("*.py"))
        if imported_roots(path) & {"bot", "telegram"}
    }
    assert offenders == {}
    assert {"laporan.py", "gather.py", "report.py"} <= {p.name for p in DOCUMENTS_DIR.glob("*.py")}


def test_storage_imports_neither_documents_nor_the_bot():
    import storage

    for path in sorted(Path(storage.__file__).parent.rglob("*.py")):
        assert not imported_roots(path) & {"bot", "telegram", "documents"}, path.name
