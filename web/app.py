"""The web survey's ASGI application: routes, the pages for errors, and the per-address guard."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from skm.directory import Directory
from storage.database import Database
from web import desk
from web.context import Web, web_of
from web.limits import RateLimiter, client_key
from web.site import Hooks, Site

log = logging.getLogger(__name__)

# Everything the page loads is the bot's own: no third-party asset can run or track.
_CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# A kiosk's address holds its token, which opens the kiosk: a log shows the path without it.
_KIOSK_TOKEN_IN_PATH = re.compile(r"/k/[^/]+")
_ERROR_KEYS = {
    400: "web.error.bad_form",
    403: "web.error.session",
    404: "web.error.not_found",
    405: "web.error.method",
    413: "web.error.too_large",
    415: "web.error.bad_form",
    429: "web.error.too_many",
}


async def _static(request: Request) -> Response:
    """The stylesheet and the script, from the package (no file system path is taken)."""
    found = web_of(request).static.get(request.path_params["name"])
    if found is None:
        raise HTTPException(404)
    body, kind = found
    return Response(body, headers={"content-type": kind, "cache-control": "public, max-age=3600"})


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    key = _ERROR_KEYS.get(status, "web.error.generic")
    response = web_of(request).error(request, status, key)
    if isinstance(exc, HTTPException) and exc.headers:
        response.headers.update(exc.headers)  # the methods a 405 allows
    return response


async def _server_error(request: Request, exc: Exception) -> Response:
    # The traceback names no citizen: forms and cookies are not in it; nor is a kiosk's token.
    path = _KIOSK_TOKEN_IN_PATH.sub("/k/…", request.url.path)
    log.error("The web survey failed on %s %s", request.method, path, exc_info=exc)
    return web_of(request).error(request, 500, "web.error.generic")


class Guard:
    """Per client address (an IPv6 one's /64), a rate limit on every request; and the security
    headers on every page.

    The address is the proxy's X-Forwarded-For when the request comes from the proxy
    (uvicorn's forwarded_allow_ips), and is kept in memory only, never logged.
    """

    def __init__(self, app: ASGIApp, web: Web, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.web = web
        self.clock = clock
        self.limiter = RateLimiter(web.site.requests)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client_key(client[0]) if client else ""
        if not self.limiter.allow(address, self.clock()):
            response = self.web.error(Request(scope, receive), 429, "web.error.too_many")
            response.headers["retry-after"] = "60"
            await response(scope, receive, _with_headers(send))
            return
        await self.app(scope, receive, _with_headers(send))


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *_HEADERS]
        await send(message)

    return sending


def _routes() -> list[BaseRoute]:
    return [
        Route("/", desk.index, methods=["GET"]),
        Route("/d/{code}", desk.landing, methods=["GET"]),
        Route("/s/{code}", desk.survey, methods=["GET", "POST"]),
        Route("/s/{code}/selesai", desk.thanks, methods=["GET"]),
        Route("/k/{token}", desk.kiosk, methods=["GET", "POST"]),
        Route("/k/{token}/selesai", desk.kiosk_thanks, methods=["GET"]),
        Route("/static/{name}", _static, methods=["GET"]),
    ]


def build(site: Site, directory: Directory, db: Database, hooks: Hooks | None = None) -> ASGIApp:
    """The web survey as an ASGI application, serving under the site's path."""
    web = Web(site, directory, db, hooks or Hooks())
    routes = _routes()
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        HTTPException: _http_error,
        Exception: _server_error,
    }
    app = Starlette(
        routes=[Mount(site.prefix, routes=routes)] if site.prefix else routes,
        exception_handlers=handlers,
    )
    app.state.web = web
    return Guard(app, web)
