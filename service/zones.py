"""The name a reader knows a time zone by: WIB, WITA or WIT in Indonesia, else the zone."""

from __future__ import annotations

from datetime import datetime

# Indonesia's three zones, by the IANA names its regions use (Asia/Pontianak is WIB too).
_INDONESIAN = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_label(name: str) -> str:
    """The label of an IANA zone name: WIB, WITA, WIT for Indonesia's zones, else the name."""
    return _INDONESIAN.get(name, name)


def moment(when: datetime, zone: str) -> str:
    """A date and time as replies show it, with the zone's label: "08-12-2026 14:00 WIB"."""
    return f"{when.strftime('%d-%m-%Y %H:%M')} {zone_label(zone)}"
