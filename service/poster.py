"""The survey poster for a desk: Indonesian words from the catalogue, drawing from documents/."""

from __future__ import annotations

from documents import qr
from service.i18n import t


def render_poster(link: str, unit_name: str, office_name: str) -> bytes:
    """A PNG poster that opens the survey at `link` for a unit at an office."""
    return qr.render_poster(
        link,
        unit_name,
        office_name,
        title=t("id", "survey.poster_title"),
        hint=t("id", "survey.poster_hint"),
    )
