"""People's text: one catalogue per language (Indonesian default, English), and number style."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.i18n import en as _en
from bot.i18n import id as _id
from skm.questionnaire import LANGS, Lang

CATALOGUES: dict[Lang, dict[str, str]] = {"id": _id.TEXTS, "en": _en.TEXTS}
DEFAULT_LANG: Lang = "id"


def as_lang(value: str | None) -> Lang:
    """A supported language code, Indonesian when unknown."""
    for lang in LANGS:
        if value == lang:
            return lang
    return DEFAULT_LANG


def t(lang: Lang, key: str, **values: Any) -> str:
    """The text for a key in a language, with its {placeholders} filled."""
    template = CATALOGUES[lang].get(key) or CATALOGUES[DEFAULT_LANG][key]
    return template.format(**values) if values else template


def number(value: Decimal | float | int, digits: int = 2, lang: Lang = DEFAULT_LANG) -> str:
    """A number rounded half-up to some decimals: 82,29 for Indonesian readers, 82.29 else."""
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{dec.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP):,.{digits}f}"
    if lang == "id":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def signed(value: Decimal | float, digits: int = 2, lang: Lang = DEFAULT_LANG) -> str:
    """A change with its sign: +1,25 or -0,40."""
    text = number(value, digits, lang)
    return text if text.startswith("-") else "+" + text
