"""Citizens' and officers' text made safe to print: plain characters, nothing that acts."""

from __future__ import annotations

import re
import unicodedata

# Bidi overrides and isolates can make a line read backwards; XML 1.0 forbids U+FFFE/FFFF.
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def plain(text: str) -> str:
    """The text with control characters gone and any run of whitespace as one space."""
    kept = (
        " " if unicodedata.category(c) == "Cc" else c
        for c in text
        if unicodedata.category(c) != "Cs"  # lone surrogates cannot be written to XML
    )
    return _SPACES.sub(" ", INVISIBLE.sub("", "".join(kept))).strip()
