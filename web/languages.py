"""The page's language: the survey's own, else the one asked for, else the browser's."""

from __future__ import annotations

from starlette.requests import Request

from service.i18n import DEFAULT_LANG, as_lang
from skm.questionnaire import LANGS, Lang


def from_accept(header: str) -> Lang:
    """The supported language the browser prefers most (Accept-Language), Indonesian if none."""
    best: tuple[float, int, Lang] | None = None
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if q <= 0 or primary not in LANGS:
            continue
        candidate = (q, -position, as_lang(primary))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else DEFAULT_LANG


def of_request(request: Request) -> Lang:
    """The language asked for in the address (?lang=en), else the browser's."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return as_lang(asked)
    return from_accept(request.headers.get("accept-language", ""))
