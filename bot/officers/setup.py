"""What the officers' side adds to the Application: handlers, jobs, alerts."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext, SkmApplication
from skm.records import Response


def handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """The officers' and admins' handlers, in the order they are tried."""
    return []


async def on_startup(app: SkmApplication) -> None:
    """Schedule the weekly summary and set the command menus."""


async def on_response(context: BotContext, response: Response) -> None:
    """Alert the unit's officers about a low score or a suggestion."""
