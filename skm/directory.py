"""The offices and the units each serves, as plain data (read from the units file by bot/)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skm.questionnaire import Lang


@dataclass(frozen=True)
class Unit:
    """A service unit (jenis layanan): a short code and its display names."""

    code: str
    name: str
    name_en: str

    def display(self, lang: Lang) -> str:
        """The unit's name in a language."""
        return self.name if lang == "id" else self.name_en


@dataclass(frozen=True)
class Head:
    """Who signs the office's reports: the head's name, rank and NRP, and the city."""

    name: str | None = None
    rank: str | None = None
    nrp: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Office:
    """An office (Polres or Polsek), the units it serves and their monthly volumes."""

    code: str
    name: str
    units: tuple[str, ...]
    volume: dict[str, int]
    head: Head = Head()


@dataclass(frozen=True)
class Directory:
    """Every office and unit the bot knows."""

    units: dict[str, Unit]
    offices: dict[str, Office]

    def offices_serving(self, unit: str) -> list[Office]:
        """The offices where a unit is served, in file order."""
        return [o for o in self.offices.values() if unit in o.units]

    def serves(self, unit: str, office: str) -> bool:
        """Whether an office serves a unit."""
        return office in self.offices and unit in self.offices[office].units

    def volumes(
        self, unit: str, office: str | None = None, seen: Iterable[str] = ()
    ) -> dict[str, int | None]:
        """A unit's monthly volume at every office its figure counts (None where not set).

        The offices counted are the one asked for; else every office serving the unit and
        any other its respondents came from.
        """
        codes = [office] if office is not None else [o.code for o in self.offices_serving(unit)]
        if office is None:
            codes += [c for c in seen if c not in codes]
        return {c: self.offices[c].volume.get(unit) if c in self.offices else None for c in codes}

    def unit_name(self, code: str, lang: Lang = "id") -> str:
        """The display name of a unit code, or the code itself when unknown."""
        unit = self.units.get(code)
        return unit.display(lang) if unit else code

    def office_name(self, code: str) -> str:
        """The display name of an office code, or the code itself when unknown."""
        office = self.offices.get(code)
        return office.name if office else code
