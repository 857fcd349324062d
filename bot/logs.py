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
    """Log to stderr at a level; libraries that print request data stay at INFO or above."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactTokens())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every URL (the token is in it); PTB's and aiosqlite's debug lines print
    # request parameters and SQL arguments (chat ids, pseudonyms), so they never go below INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    quiet = max(logging.INFO, logging.getLevelName(level))
    for name in ("telegram", "aiosqlite"):
        logging.getLogger(name).setLevel(quiet)
