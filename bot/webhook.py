"""The webhook's HTTP endpoint: the secret and the size checked on the headers, before the body.

python-telegram-bot's tornado handler reads the whole body (tornado allows 100 MB) and
only then checks Telegram's secret, so anyone who finds the URL can make the bot hold
hundreds of megabytes; and it answers 400 to an update it cannot build, which Telegram
posts again forever. This handler refuses a post on its headers (403 without the
secret, 413 over MAX_BODY), reads at most MAX_BODY, and acknowledges an update it
cannot build after logging it by its id alone.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Bot, Update
from telegram.ext import ExtBot
from telegram.ext import _updater as ptb_updater
from telegram.ext._utils.webhookhandler import WebhookAppClass
from tornado.http1connection import HTTP1Connection

from bot.transport import parse_update

log = logging.getLogger(__name__)

# Telegram's updates are a few kilobytes; the longest message with its entities is far
# below this.
MAX_BODY = 1024 * 1024
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    """Takes one update per POST from Telegram and puts it on the Application's queue."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(
        self, bot: Bot, update_queue: asyncio.Queue[object], secret_token: str | None
    ) -> None:
        """Tornado's per-request set-up: what the Updater shares with every request."""
        self.bot = bot
        self.update_queue = update_queue
        self.secret_token = secret_token
        self.body = bytearray()

    def set_default_headers(self) -> None:
        """Answer in JSON, as python-telegram-bot's handler does."""
        self.set_header("Content-Type", 'application/json; charset="utf-8"')

    def prepare(self) -> None:
        """Refuse on the headers alone: with this handler, tornado calls it before the body."""
        if self.request.headers.get("Content-Type") != "application/json":
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        if self.secret_token is not None:
            given = self.request.headers.get(SECRET_HEADER, "").encode()
            if not hmac.compare_digest(given, self.secret_token.encode()):
                log.debug("Refused a webhook post without the right secret")
                raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        length = self.request.headers.get("Content-Length", "").strip()
        if length.isdigit() and int(length) > MAX_BODY:
            log.warning("Refused a webhook post of %s bytes (the limit is %d)", length, MAX_BODY)
            raise tornado.web.HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        # A chunked body has no length up front: tornado stops reading it at the limit.
        if isinstance(self.request.connection, HTTP1Connection):
            self.request.connection.set_max_body_size(MAX_BODY)

    def data_received(self, chunk: bytes) -> None:
        """Keep the body as it arrives (never more than MAX_BODY)."""
        self.body += chunk

    async def post(self) -> None:
        """Queue the update; one the library cannot build is logged by its id and acknowledged."""
        try:
            data = json.loads(self.body)
        except ValueError as exc:  # not from Telegram, which sends JSON
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from exc
        self.set_status(HTTPStatus.OK)
        update = parse_update(data, self.bot)
        if isinstance(update, Update):
            if isinstance(self.bot, ExtBot):  # as python-telegram-bot's handler does
                self.bot.insert_callback_data(update)
            await self.update_queue.put(update)


class GuardedWebhookApp(WebhookAppClass):
    """python-telegram-bot's webhook application, serving UpdateHandler instead of its own."""

    def __init__(
        self,
        webhook_path: str,
        bot: Bot,
        update_queue: asyncio.Queue[Any],
        secret_token: str | None = None,
    ) -> None:
        self.shared_objects = {
            "bot": bot,
            "update_queue": update_queue,
            "secret_token": secret_token,
        }
        handlers = [(rf"{webhook_path}/?", UpdateHandler, self.shared_objects)]
        tornado.web.Application.__init__(self, handlers)


def guard_webhooks() -> None:
    """Make the Updater's start_webhook serve GuardedWebhookApp.

    Updater.start_webhook builds its tornado application from a name in its own module
    and takes no other; python-telegram-bot is pinned to a minor version, and the webhook
    end-to-end test fails if this stops taking effect.
    """
    if getattr(ptb_updater, "WebhookAppClass", None) not in (WebhookAppClass, GuardedWebhookApp):
        raise RuntimeError("python-telegram-bot's Updater no longer builds WebhookAppClass")
    ptb_updater.WebhookAppClass = GuardedWebhookApp  # type: ignore[attr-defined]
