"""Logging set-up that never prints the bot token, whatever fails and wherever it is raised."""

from __future__ import annotations

import logging
import re
import sys
import threading
from types import TracebackType

# Bot API URLs carry the token (/bot<token>/method): mask anything shaped like one.
_TOKEN_SHAPE = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,}")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def redact(text: str) -> str:
    """The text with anything shaped like a bot token replaced by [token]."""
    return _TOKEN_SHAPE.sub("[token]", text)


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token in a log record's message with [token]."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN_SHAPE.search(message):
            record.msg = redact(message)
            record.args = None
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter that masks tokens in the whole line, tracebacks and exception texts too."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class NoInvalidTokenTraceback(logging.Filter):
    """A rejected token is one line, not a traceback: the command line says what to do."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and _invalid_token(record.exc_info[1]):
            record.exc_info, record.exc_text = None, None
        return True


def _invalid_token(exc: BaseException | None) -> bool:
    # Looked up, not imported: `skm-bot web` logs through this module and must not load
    # python-telegram-bot; where it is not loaded, no InvalidToken can have been raised.
    error = sys.modules.get("telegram.error")
    return error is not None and isinstance(exc, error.InvalidToken)


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    # Python would print the traceback straight to stderr, past the mask.
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.critical("Uncaught exception", exc_info=(kind, value, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def setup_logging(level: str) -> None:
    """Log to stderr at a level; libraries that print request data stay at INFO or above."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactTokens())
    handler.addFilter(NoInvalidTokenTraceback())
    handler.setFormatter(RedactingFormatter(_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Whatever escapes a thread or the main program goes through the mask too.
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    # httpx logs every URL (the token is in it); PTB's, aiosqlite's and asyncpg's debug lines
    # print request parameters and SQL arguments (chat ids, pseudonyms), and uvicorn's the
    # web survey's client addresses, so they never go below INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    quiet = max(logging.INFO, logging.getLevelName(level))
    for name in ("telegram", "aiosqlite", "asyncpg", "uvicorn"):
        logging.getLogger(name).setLevel(quiet)
