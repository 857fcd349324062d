import ast
from pathlib import Path

import skm

SKM_DIR = Path(skm.__file__).parent
FORBIDDEN = {"bot", "web", "service", "documents", "storage", "telegram", "aiosqlite", "sqlite3"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_skm_module_is_checked():
    names = {p.name for p in SKM_DIR.glob("*.py")}
    assert {"index.py", "flow.py", "records.py", "period.py"} <= names


def test_skm_imports_nothing_from_outside_the_method():
    offenders = {
        path.name: sorted(imported_roots(path) & FORBIDDEN)
        for path in sorted(SKM_DIR.rglob("*.py"))
        if imported_roots(path) & FORBIDDEN
    }
    assert offenders == {}


def test_imported_roots_sees_both_import_forms():
    sample = Path(__file__)
    assert {"ast", "pathlib", "skm"} <= imported_roots(sample)


def calls(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
    return names


def test_skm_reads_no_clock_and_no_files():
    clock_or_files = {"now", "utcnow", "today", "time", "monotonic", "open", "read_text"}
    offenders = {
        path.name: sorted(calls(path) & clock_or_files)
        for path in sorted(SKM_DIR.rglob("*.py"))
        if calls(path) & clock_or_files
    }
    assert offenders == {}
