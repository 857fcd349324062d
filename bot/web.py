"""The web survey in the bot's process: started once the database is open, stopped before."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.context import SkmApplication
from web.app import build
from web.server import WebServer, start_or_explain
from web.site import Hooks, Site

log = logging.getLogger(__name__)


async def start(app: SkmApplication) -> None:
    """Serve the web survey when SKM_WEB_URL is set, in this event loop, on the bot's database."""
    state = app.bot_data
    config = state.config
    address = config.require_web()
    if address is None:
        return
    site = Site(
        base_url=address.url,
        prefix=address.path,
        secret=state.secret,
        policy=state.policy,
        bot_username=app.bot.username,
        kiosk_idle=timedelta(seconds=config.skm_kiosk_idle_seconds),
    )
    # The officers' side hears of a web response as of a Telegram one (its alerts are
    # queued in the response's own transaction either way).
    hooks = Hooks(listeners=state.response_listeners)
    server = WebServer(
        build(site, state.units, state.database, hooks), config.skm_web_listen, config.skm_web_port
    )
    await start_or_explain(server)
    state.web = server
    log.info("Web survey at %s", address.url)


async def stop(app: SkmApplication) -> None:
    """Stop the web survey (its requests in flight finish first); nothing if it is not running."""
    server = app.bot_data.web
    if server is not None:
        app.bot_data.web = None
        await server.stop()
