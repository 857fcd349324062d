"""`skm-bot web`: the web survey and the kiosks in a process of their own, without Telegram.

It runs beside one Telegram process (`skm-bot run`) on the same database and never talks to
Telegram: two processes polling for updates would take each other's. A web response that
calls for the officers' attention has its alerts queued in its own transaction; the
Telegram process's outbox job sends them, and its expiry job drops abandoned surveys of
every channel. python-telegram-bot is never imported here.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import timedelta

from bot.logs import setup_logging
from service.config import ConfigError, Settings, WebAddress
from service.directory import Directory
from service.policy import Policy
from storage.database import Database, shown
from web.app import build
from web.server import WebServer, start_or_explain
from web.site import Hooks, Site

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def run(settings: Settings, directory: Directory) -> None:
    """Serve the web survey and kiosks until SIGINT or SIGTERM; ConfigError if it cannot."""
    address = settings.require_web()
    if address is None:
        raise ConfigError(
            "SKM_WEB_URL is not set, and `skm-bot web` serves only the web survey: put its "
            "public address in .env, e.g. SKM_WEB_URL=https://skm.example.go.id/survei."
        )
    secret = settings.require_secret()
    setup_logging(settings.skm_log_level)
    asyncio.run(_serve(settings, directory, address, secret))


async def _serve(
    settings: Settings, directory: Directory, address: WebAddress, secret: bytes
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:  # first: a stop while starting must not leave the database open
        loop.add_signal_handler(signum, _on_signal, stop, signum)
    db = await Database.open(settings.skm_database)
    try:
        log.info("Database ready at %s", shown(settings.skm_database))
        site = Site(
            base_url=address.url,
            prefix=address.path,
            secret=secret,
            # The same rules as the Telegram process's, its alert rule included.
            policy=Policy.from_settings(settings),
            bot_username=settings.skm_bot_username,  # "Open in Telegram" when it is set
            kiosk_idle=timedelta(seconds=settings.skm_kiosk_idle_seconds),
        )
        server = WebServer(
            build(site, directory, db, Hooks()), settings.skm_web_listen, settings.skm_web_port
        )
        await start_or_explain(server)
        log.info("Web survey only (no Telegram) at %s", address.url)
        try:
            await stop.wait()
        finally:
            await server.stop()  # requests in flight finish before the database closes
    finally:
        await db.close()
        log.info("Database closed")


def _on_signal(stop: asyncio.Event, signum: int) -> None:
    name = signal.Signals(signum).name
    if stop.is_set():
        log.warning("Got %s while stopping; the shutdown goes on", name)
        return
    log.info("Got %s; stopping", name)
    stop.set()
