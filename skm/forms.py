"""Reading answers exported from Google Forms: question headers, answer labels, its timestamps.

A form exports each question's text as the column header, the label a respondent chose
as the answer, and its timestamp in the spreadsheet's locale (day first in Indonesia).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo

from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENTS, ELEMENTS_BY_CODE, SCORES

# Header words that name a column, tried in this order; the first column whose words
# match wins. The order matters: U9's question speaks of "saran dan masukan" (so it
# comes before the suggestion) and of a "sarana pengaduan" (so before U8's "sarana");
# U1 and U2 mention "pelayanan" and "unit" (so the elements come before unit and office);
# "Stempel waktu" comes before U3's "waktu". A word matches at the start of a word:
# "layanan" matches "Jenis layanan", not "pelayanan".
HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("submitted_at", ("timestamp", "stempel waktu", "cap waktu", "waktu pengisian")),
    ("u9", ("pengaduan", "penanganan", "komplain", "complaint")),
    ("u1", ("persyaratan", "requirement")),
    ("u2", ("prosedur", "mekanisme", "procedure")),
    ("u3", ("kecepatan", "waktu", "quick", "completion")),
    ("u4", ("biaya", "tarif", "cost", "fee")),
    ("u5", ("produk", "spesifikasi", "product")),
    ("u6", ("kompetensi", "kemampuan", "competen")),
    ("u7", ("perilaku", "kesopanan", "keramahan", "behavio")),
    ("u8", ("sarana", "prasarana", "facilit")),
    ("gender", ("jenis kelamin", "kelamin", "gender")),
    ("age", ("umur", "usia", "age")),
    ("education", ("pendidikan", "education")),
    ("occupation", ("pekerjaan", "profesi", "occupation")),
    ("suggestion", ("saran", "masukan", "kritik", "suggestion")),
    ("unit", ("jenis layanan", "layanan", "unit", "service")),
    ("office", ("kantor", "polres", "polsek", "office")),
)
_HEADER_PATTERNS = tuple(
    (column, re.compile("|".join(rf"\b{re.escape(w)}" for w in words)))
    for column, words in HEADER_WORDS
)
_CANONICAL = frozenset(column for column, _ in HEADER_WORDS)


def header_column(text: str) -> str | None:
    """The project's column a header names: its own name, or a form question's key words."""
    header = " ".join(text.split()).lower()
    if header in _CANONICAL:
        return header
    for column, pattern in _HEADER_PATTERNS:
        if pattern.search(header):
            return column
    return None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


# Each element's answer labels in both languages (U1 "Sangat sesuai" is 4), as a form shows them.
_SCORE_OF_LABEL: dict[str, dict[str, int]] = {
    e.code: {_key(e.label(s, lang)): s for s in SCORES for lang in ("id", "en")} for e in ELEMENTS
}
# Each profile category's label in both languages ("17-25 tahun" is 17-25), as a form shows it.
_CODE_OF_LABEL: dict[str, dict[str, str]] = {
    f.key: {_key(c.label(lang)): c.code for c in f.categories for lang in ("id", "en")}
    for f in PROFILE_FIELDS
}


def score_of_label(element: str, text: str) -> int | None:
    """The score 1-4 of an element's answer label ("Sangat sesuai" for U1 is 4), or None."""
    return _SCORE_OF_LABEL[element].get(_key(text))


def labels(element: str) -> str:
    """An element's Indonesian answer labels from 1 to 4, for a message."""
    return ", ".join(ELEMENTS_BY_CODE[element].label(s, "id") for s in SCORES)


def category_of_label(field: str, text: str) -> str | None:
    """The category code of a profile label as the form shows it ("17-25 tahun"), or None."""
    return _CODE_OF_LABEL[field].get(_key(text))


# 02/10/2026 9:15:00, 2/10/2026 9:15 or 02/10/2026 09.15.00: a sheet in an Indonesian
# locale, day first. Google's own download writes 2026/10/02 9:15:00 AM GMT+7 instead.
_DAY_FIRST = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
)
_FORMS_DOWNLOAD = re.compile(
    r"(\d{4})/(\d{1,2})/(\d{1,2}) +(\d{1,2}):(\d{2})(?::(\d{2}))? *([AP]M)"
    r"(?: +GMT([+-]\d{1,2})(?::?(\d{2}))?)?",
    re.IGNORECASE,
)


def form_time(text: str, local: tzinfo) -> datetime | None:
    """A Google Forms timestamp (in `local` time unless it gives its zone), or None if it is
    not one; ValueError when it has the shape of one but names no real time (31/02/2026)."""
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year, hour, minute, second = (int(g or 0) for g in match.groups())
        return datetime(year, month, day, hour, minute, second, tzinfo=local)
    if match := _FORMS_DOWNLOAD.fullmatch(text):
        year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {match[7]}")
        hour = hour % 12 + (12 if match[7].upper() == "PM" else 0)
        zone = local
        if match[8] is not None:
            offset = timedelta(hours=abs(int(match[8])), minutes=int(match[9] or 0))
            zone = timezone(-offset if match[8].startswith("-") else offset)
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    return None
