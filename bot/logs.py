"""Logging set-up that never prints the bot token."""

from __future__ import annotations

import logging
import re

# Bot API URLs carry the token (/bot<token>/method): mask anything shaped like one.
_TOKEN_SHAPE = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,}")


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token in a log record with [token]."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN_SHAPE.search(message):
            record.msg = _TOKEN_SHAPE.sub("[token]", message)
            record.args = None
        return True


def setup_logging(level: str) -> None:
    """Log to stderr at a level; httpx's per-request lines (with URLs) only as warnings."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactTokens())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
