"""What the survey adds to the Application: its handlers and its start-up work."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext, SkmApplication


def handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """The survey's handlers, in the order they are tried."""
    return []


async def on_startup(app: SkmApplication) -> None:
    """Schedule the survey's jobs (expiry of abandoned surveys)."""
