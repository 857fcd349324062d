"""People's text: one catalogue per language (Indonesian default, English), and number style."""

from __future__ import annotations

from typing import Any

from service.i18n import en as _en
from service.i18n import id as _id

# Number style lives in skm/ so Telegram-free packages (documents/) format the same way.
from skm.numbers import number as number
from skm.numbers import signed as signed
from skm.questionnaire import LANGS, Lang

CATALOGUES: dict[Lang, dict[str, str]] = {"id": _id.TEXTS, "en": _en.TEXTS}
DEFAULT_LANG: Lang = "id"


def as_lang(value: str | None) -> Lang:
    """A supported language code, Indonesian when unknown."""
    for lang in LANGS:
        if value == lang:
            return lang
    return DEFAULT_LANG


def from_telegram(language_code: str | None) -> Lang:
    """The language of a Telegram app: English if it is set to English, else Indonesian."""
    return "en" if (language_code or "").lower().startswith("en") else DEFAULT_LANG


def t(lang: Lang, key: str, **values: Any) -> str:
    """The text for a key in a language, with its {placeholders} filled."""
    template = CATALOGUES[lang].get(key) or CATALOGUES[DEFAULT_LANG][key]
    return template.format(**values) if values else template
