"""web/ is Telegram-free: it may use service/, storage/ and skm/, never bot/ or telegram."""

from __future__ import annotations

from pathlib import Path

import web
from tests.skm.test_purity import imported_roots

WEB_DIR = Path(web.__file__).parent


def test_web_imports_nothing_from_the_bot():
    offenders = {
        path.name: sorted(imported_roots(path) & {"bot", "telegram"})
        for path in sorted(WEB_DIR.rglob("*.py"))
        if imported_roots(path) & {"bot", "telegram"}
    }
    assert offenders == {}
    assert {"app.py", "desk.py", "cookies.py", "server.py"} <= {
        p.name for p in WEB_DIR.glob("*.py")
    }


def test_the_web_pages_load_nothing_from_elsewhere():
    # No third-party assets or trackers: every address in a template is the bot's own.
    for path in sorted((WEB_DIR / "templates").glob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//" not in text, path.name
