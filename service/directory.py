"""The offices and the units each serves, read from a TOML file and validated."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

# The plain data lives in skm/ so Telegram-free packages (documents/) can use it too.
from skm.directory import Directory as Directory
from skm.directory import Head as Head
from skm.directory import Office as Office
from skm.directory import Unit as Unit
from skm.records import CODE_PATTERN

DEFAULT_FILE = "units.toml"


class DirectoryError(ValueError):
    """The units file cannot be used; the message says what to fix."""


def _check_code(value: str) -> str:
    if not CODE_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a code: use A-Z, 0-9 and _, at most 24 characters")
    return value


class UnitModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str = Field(min_length=1)
    name_en: str | None = None

    _code = field_validator("code")(_check_code)


class OfficeModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str = Field(min_length=1)
    units: list[str] = Field(min_length=1)
    volume: dict[str, int] = Field(default_factory=dict)
    # Who signs the report (Laporan SKM); blank lines in the document when not set.
    head_name: str | None = None
    head_rank: str | None = None
    head_nrp: str | None = None
    city: str | None = None

    _code = field_validator("code")(_check_code)


class DirectoryModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    units: list[UnitModel] = Field(min_length=1)
    offices: list[OfficeModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> DirectoryModel:
        units = [u.code for u in self.units]
        offices = [o.code for o in self.offices]
        for kind, codes in (("unit", units), ("office", offices)):
            dupes = sorted({c for c in codes if codes.count(c) > 1})
            if dupes:
                raise ValueError(f"{kind} code listed twice: {', '.join(dupes)}")
        for office in self.offices:
            for code in [*office.units, *office.volume]:
                if code not in units:
                    raise ValueError(f"office {office.code} names unknown unit {code}")
            if any(v < 1 for v in office.volume.values()):
                raise ValueError(f"office {office.code}: a monthly volume must be at least 1")
        return self


def not_served(directory: Directory, unit: str, office: str) -> str | None:
    """Why a unit cannot be surveyed at an office (one sentence), or None when it is served."""
    if directory.serves(unit, office):
        return None  # first: an import asks this of every row
    offices = directory.offices_serving(unit)
    if not offices:
        known = ", ".join(u for u in directory.units if directory.offices_serving(u))
        return f"no office serves a unit {unit}; the units are: {known}."
    serving = ", ".join(o.code for o in offices)
    return f"office {office} does not serve {unit}; the offices that do: {serving}."


def parse_directory(text: str, source: str = DEFAULT_FILE) -> Directory:
    """A Directory from TOML text; DirectoryError with one sentence on what to fix."""
    try:
        model = DirectoryModel.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise DirectoryError(f"{source} is not valid TOML ({exc}); fix the file.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        detail = f"{where}: {first['msg']}" if where else first["msg"]
        raise DirectoryError(f"{source}: {detail}; fix the file.") from None
    return Directory(
        {u.code: Unit(u.code, u.name, u.name_en or u.name) for u in model.units},
        {
            o.code: Office(
                o.code,
                o.name,
                tuple(o.units),
                dict(o.volume),
                Head(o.head_name, o.head_rank, o.head_nrp, o.city),
            )
            for o in model.offices
        },
    )


def load_directory(path: Path | None) -> Directory:
    """Read the units file, or the one shipped with the bot when no path is given."""
    if path is None:
        text = resources.files("service").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
        return parse_directory(text)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DirectoryError(
            f"Cannot read the units file {path} ({exc.strerror}); set SKM_UNITS_FILE."
        ) from None
    return parse_directory(text, str(path))
