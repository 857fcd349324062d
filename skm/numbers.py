"""Numbers as readers write them: 82,29 and 1.234 in Indonesian, 82.29 and 1,234 in English."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from skm.questionnaire import Lang


def number(value: Decimal | float | int, digits: int = 2, lang: Lang = "id") -> str:
    """A number rounded half-up to some decimals: 82,29 for Indonesian readers, 82.29 else."""
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{dec.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP):,.{digits}f}"
    if lang == "id":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def signed(value: Decimal | float, digits: int = 2, lang: Lang = "id") -> str:
    """A change with its sign: +1,25 or -0,40."""
    text = number(value, digits, lang)
    return text if text.startswith("-") else "+" + text
