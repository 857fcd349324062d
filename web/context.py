"""What every request of the web survey shares: settings, directory, database, templates."""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from service.i18n import t
from skm.directory import Directory
from storage.database import Database
from web import languages
from web.limits import RateLimiter
from web.pages import Page, message
from web.site import Hooks, Site

STATIC = {
    "skm.css": "text/css; charset=utf-8",
    "skm.js": "text/javascript; charset=utf-8",
}


class Web:
    """What every request shares: settings, directory, database, templates and limits."""

    def __init__(self, site: Site, directory: Directory, db: Database, hooks: Hooks) -> None:
        self.site = site
        self.directory = directory
        self.db = db
        self.hooks = hooks
        self.templates = Environment(
            loader=PackageLoader("web", "templates"),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.starts = RateLimiter(site.starts)
        self.kiosk_starts = RateLimiter(site.kiosk_starts)
        self.static = {
            name: (resources.files("web").joinpath("static", name).read_bytes(), kind)
            for name, kind in STATIC.items()
        }

    def url(self, path: str) -> str:
        """An address on this site as the browser reaches it (behind the proxy's path)."""
        return f"{self.site.prefix}{path}"

    def render(
        self,
        page: Page,
        status: int = 200,
        action: str = "",
        form: dict[str, str] | None = None,
    ) -> HTMLResponse:
        """A page as HTML, never cached: it shows one citizen's survey."""
        html = self.templates.get_template("page.html").render(
            page=page, action=action, form=form or {}, static=self.url("/static")
        )
        return HTMLResponse(html, status, headers={"cache-control": "no-store"})

    def error(self, request: Request, status: int, key: str) -> HTMLResponse:
        """A clear page in the citizen's language for a refused request."""
        lang = languages.of_request(request)
        start = ((t(lang, "web.start_again"), self.url("/")),)
        return self.render(message(lang, key, start), status)


def web_of(request: Request) -> Web:
    """The shared state, from the request's application."""
    web: Web = request.app.state.web
    return web
