"""What the officers' side adds to the Application: handlers, jobs, alerts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import AppState, BotContext, SkmApplication
from bot.officers import (
    access,
    admin,
    alerts,
    exports,
    followup,
    ikm,
    kiosk,
    laporan,
    outbox,
    poster,
    publikasi,
    roster,
    suggestions,
    weekly,
)
from bot.officers import help as menus
from service.config import Settings
from service.listeners import ResponseListener, StoredResponse
from skm.records import Response


def handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """The officers' and admins' handlers, in the order they are tried."""
    return [
        # An invite link: only `/start inv-…`; every other /start is the survey's.
        CommandHandler(
            "start",
            admin.accept_invite,
            filters=filters.ChatType.PRIVATE & filters.Regex(r"^/start(@\w+)? inv-"),
        ),
        # Officers' commands (each checks the sender's role and scope).
        CommandHandler("ikm", ikm.ikm),
        CommandHandler("saran", suggestions.saran),
        CommandHandler("qr", poster.qr),
        CommandHandler("kiosk", kiosk.kiosk),
        CommandHandler(["ekspor", "export"], exports.ekspor),
        CommandHandler(["laporan", "report"], laporan.laporan),
        CommandHandler(["tindaklanjut", "followup"], followup.tindaklanjut),
        CommandHandler("publikasi", publikasi.publikasi),
        CommandHandler(["langganan", "subscribe"], weekly.langganan),
        CommandHandler(["berhenti", "unsubscribe"], weekly.berhenti),
        CommandHandler("nrp", roster.nrp),
        # Admins' commands.
        CommandHandler(["undang", "invite"], admin.undang),
        CommandHandler("petugas", roster.petugas),
        # Help for everyone, by role.
        CommandHandler(["bantuan", "help"], menus.bantuan),
        # Buttons: suggestion pages, the export's CSV, the officers roster.
        CallbackQueryHandler(suggestions.on_page, pattern=r"^off:sug:"),
        CallbackQueryHandler(exports.on_csv_button, pattern=r"^off:csv:"),
        CallbackQueryHandler(roster.on_roster_button, pattern=r"^off:(rev|rvk|lst|inv|ivc)"),
        CallbackQueryHandler(poster.on_office_button, pattern=r"^off:qr:"),
        CallbackQueryHandler(followup.on_button, pattern=r"^off:rtl:"),
        # Every handler above reads its data with bot.officers.buttons; what none takes is stale.
        CallbackQueryHandler(access.on_unknown_button, pattern=r"^off:"),
    ]


def typed_text_handlers() -> list[BaseHandler[Update, BotContext, Any]]:
    """An officer's typed answer to an open /tindaklanjut dialogue (tried before all others).

    It takes a private chat's text only when the sender has a dialogue open in the database
    (and has not answered the survey since), and then stops the update there; any other
    text goes on to the survey. Blocking, as a handler that stops an update must be.
    """
    typed = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [MessageHandler(typed, followup.on_text, block=True)]


def first_message_handlers(state: AppState) -> list[BaseHandler[Update, BotContext, Any]]:
    """Staff whose command menu waits for their first message; matches nobody else."""
    return [MessageHandler(menus.MenuPending(state.menus_pending), menus.on_first_message)]


async def on_startup(app: SkmApplication) -> None:
    """Schedule the weekly summary and the alerts' delivery, and set the command menus."""
    weekly.schedule(app)
    outbox.schedule(app)
    await menus.set_all_menus(app)


def alert_rule(settings: Settings) -> Callable[[Response], bool]:
    """Which stored responses alert the officers (the survey asks it as it stores one)."""
    return alerts.rule(settings)


def response_listener(app: SkmApplication) -> ResponseListener:
    """What hears of a stored response, from any channel: its queued alerts go out now."""

    async def on_response(stored: StoredResponse) -> None:
        if stored.alerted:
            outbox.kick_queue(app.job_queue)

    return on_response
