"""How few respondents a breakdown may show: below three, one citizen's answers could show."""

from __future__ import annotations

# Per-element detail, per-office and per-profile figures of fewer respondents are withheld.
MIN_SHOWN = 3


def too_few(respondents: int) -> bool:
    """Whether a breakdown of this many respondents must not be shown (none is no secret)."""
    return 0 < respondents < MIN_SHOWN
