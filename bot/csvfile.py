"""Reading and writing the project's CSV format: messy real exports in, one clean format out."""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from bot.cells import csv_cell, from_csv_cell
from bot.directory import Directory
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import CSV_COLUMNS, Response, RowError, parse_row

REQUIRED = ("submitted_at", "unit", "office", *(c.lower() for c in ELEMENT_CODES))


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header)."""


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read, and why."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


@dataclass(frozen=True)
class ReadResult:
    """The rows read from a file, each with its import key, and the lines that failed."""

    rows: list[tuple[Response, str]]
    bad: list[BadLine]


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvError(f"{name}: cannot read the text encoding; save the file as UTF-8 CSV.")


def _import_key(response: Response, occurrence: int) -> str:
    """A fingerprint of the row's content and its repeat number within the file."""
    parts = [
        response.submitted_at.isoformat(),
        response.unit,
        response.office,
        *(str(response.answers.get(c)) for c in ELEMENT_CODES),
        *(str(response.profile.get(f.key)) for f in PROFILE_FIELDS),
        response.suggestion or "",
        str(occurrence),
    ]
    return "import:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def read_csv(
    data: bytes, local: tzinfo, directory: Directory | None = None, name: str = "file"
) -> ReadResult:
    """Read CSV bytes (BOM, ';' or ',', any header case); checks codes against a directory."""
    text = _decode(data, name)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise CsvError(f"{name} is empty; it needs the header {','.join(CSV_COLUMNS)}.")
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise CsvError(
            f"{name}: the header lacks {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}."
        )
    rows: list[tuple[Response, str]] = []
    bad: list[BadLine] = []
    seen: Counter[tuple[object, ...]] = Counter()
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            bad.append(BadLine(line, "-", f"{len(values)} fields, the header has {len(columns)}"))
            continue
        record = dict(zip(columns, map(from_csv_cell, values), strict=False))
        try:
            response = parse_row(record, local)
            _check_known(response, directory)
        except RowError as exc:
            bad.append(BadLine(line, exc.column, exc.message))
            continue
        identity = (
            response.submitted_at,
            response.unit,
            response.office,
            tuple(response.answers.items()),
            tuple(response.profile.items()),
            response.suggestion,
        )
        seen[identity] += 1
        rows.append((response, _import_key(response, seen[identity])))
    return ReadResult(rows, bad)


def _check_known(response: Response, directory: Directory | None) -> None:
    if directory is None:
        return
    if response.unit not in directory.units:
        known = ", ".join(directory.units)
        raise RowError("unit", f"{response.unit} is not in the units file (known: {known})")
    if response.office not in directory.offices:
        known = ", ".join(directory.offices)
        raise RowError("office", f"{response.office} is not in the units file (known: {known})")


def read_csv_file(path: Path, local: tzinfo, directory: Directory | None = None) -> ReadResult:
    """Read a CSV file from disk."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvError(f"cannot read {path}: {exc.strerror}.") from None
    return read_csv(data, local, directory, str(path))


def export_fields(r: Response, local: tzinfo) -> list[str | int | None]:
    """One response in the order of CSV_COLUMNS (time in local time with its offset)."""
    return [
        r.submitted_at.astimezone(local).isoformat(timespec="seconds"),
        r.unit,
        r.office,
        *(r.answers.get(c) for c in ELEMENT_CODES),
        *(r.profile.get(f.key) for f in PROFILE_FIELDS),
        r.suggestion,
    ]


def write_csv(responses: Iterable[Response], local: tzinfo) -> str:
    """Responses in the import format, blanks left empty, text never a formula (see cells)."""
    out = io.StringIO()
    # RFC 4180's CRLF: the writer then quotes any field holding a CR or LF of its own, where
    # with "\n" alone a bare CR in a suggestion went out unquoted and split the row.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in CSV_COLUMNS])
    for r in responses:
        writer.writerow([csv_cell(v) for v in export_fields(r, local)])
    return out.getvalue()
