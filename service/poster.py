"""The survey poster for a desk: Indonesian words from the catalogue, drawing from documents/."""

from __future__ import annotations

from documents import qr
from service.i18n import t


def render_poster(link: str, unit_name: str, office_name: str, web: bool = False) -> bytes:
    """A PNG poster that opens the survey at `link` for a unit at an office.

    With `web`, the link is the desk's web page, which offers both ways to answer (the
    browser, or Telegram): the poster says so, and that Telegram is optional.
    """
    hint = t("id", "survey.poster_hint_web" if web else "survey.poster_hint", link=link)
    return qr.render_poster(
        link, unit_name, office_name, title=t("id", "survey.poster_title"), hint=hint
    )
