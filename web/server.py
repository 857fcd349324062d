"""The web survey's HTTP server, run by uvicorn in the bot's own event loop (one database)."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import uvicorn
from starlette.types import ASGIApp

log = logging.getLogger(__name__)

# Requests in flight get this long to finish at shutdown, before the database closes.
GRACE_S = 3


class WebServer:
    """uvicorn's Server without its own signal handling: the bot owns the stop signals."""

    def __init__(self, app: ASGIApp, host: str, port: int) -> None:
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            # The proxy's X-Forwarded-For is believed only from 127.0.0.1 (uvicorn's default
            # forwarded_allow_ips), for the per-address limit; addresses are never logged.
            proxy_headers=True,
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
