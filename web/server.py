"""The web survey's HTTP server, run by uvicorn in the bot's own event loop (one database)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import h11
import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from service.config import ConfigError

log = logging.getLogger(__name__)

# Requests in flight get this long to finish at shutdown, before the database closes.
GRACE_S = 3
# A request's headers and body must have arrived this long after the connection opened (or
# its previous response was sent); an honest form post of at most 16 kB takes a moment.
REQUEST_TIMEOUT_S = 20.0


class _TimelyH11(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request does not arrive in time.

    uvicorn waits for ever for a request's headers and body: slow clients (slowloris) could
    hold thousands of connections, and the file descriptors the bot also needs for Telegram
    and its database. A request that has fully arrived is never cut, however long it runs.
    """

    timeout_s = REQUEST_TIMEOUT_S
    _slow: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._slow is not None:
            self._slow.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._slow is not None:
            self._slow.cancel()
        self._slow = self.loop.call_later(self.timeout_s, self._too_slow)

    def _too_slow(self) -> None:
        # IDLE: headers not yet complete (or a kept-alive connection, closed all the same);
        # SEND_BODY: the body still on its way. DONE: the request is in, and is answered.
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
            self.transport.close()


class WebServer:
    """uvicorn's Server without its own signal handling: the bot owns the stop signals."""

    def __init__(
        self, app: ASGIApp, host: str, port: int, request_timeout_s: float = REQUEST_TIMEOUT_S
    ) -> None:
        protocol = type("TimelyH11", (_TimelyH11,), {"timeout_s": request_timeout_s})
        config = uvicorn.Config(
            app,
            http=protocol,
            host=host,
            port=port,
            # The proxy's X-Forwarded-For is believed only from this machine, for the
            # per-address limit (given here: uvicorn would take FORWARDED_ALLOW_IPS from the
            # environment, "*" in some images); addresses are never logged.
            proxy_headers=True,
            forwarded_allow_ips=["127.0.0.1", "::1"],
            access_log=False,
            log_config=None,
            lifespan="off",
            server_header=False,
            date_header=False,
            timeout_graceful_shutdown=GRACE_S,
            h11_max_incomplete_event_size=16 * 1024,
        )
        self.host, self.port = host, port
        self._server = uvicorn.Server(config)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Listen, then serve in the background; OSError when the address cannot be used."""
        server = self._server
        config = server.config
        config.load()
        server.lifespan = config.lifespan_class(config)
        try:
            await server.startup()
        except SystemExit:  # uvicorn logs why, then exits: here it is the caller's to decide
            raise OSError(f"cannot listen on {self.host}:{self.port}") from None
        self._task = asyncio.create_task(server.main_loop(), name="web-server")
        log.info("Web survey listening on %s:%s", self.host, self.port)

    async def stop(self) -> None:
        """Stop taking requests, let those in flight finish (at most GRACE_S), close."""
        if self._task is None:
            return
        server = self._server
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        await server.shutdown()
        log.info("Web survey stopped")


async def start_or_explain(server: WebServer) -> None:
    """Start the server; a ConfigError in one sentence when its port cannot be used."""
    try:
        await server.start()
    except OSError as exc:
        raise ConfigError(
            f"The web survey {exc} (is another program using SKM_WEB_PORT "
            f"{server.port}?): stop it, or set another SKM_WEB_PORT."
        ) from None
