"""Reading and writing the project's CSV format: messy real exports in, one clean format out."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from bot.cells import csv_cell, from_csv_cell
from service.directory import Directory, not_served
from skm.forms import header_column
from skm.profile import PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES
from skm.records import CSV_COLUMNS, Response, RowError, parse_row
from storage.imports import identity, import_key

REQUIRED = ("submitted_at", "unit", "office", *(c.lower() for c in ELEMENT_CODES))


class CsvError(ValueError):
    """The file as a whole cannot be read (encoding, header, broken quoting)."""


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read, and why."""

    line: int
    column: str  # "" when the line as a whole is wrong
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ReadResult:
    """The rows read from a file, each with its import key, and the lines that failed."""

    rows: list[tuple[Response, str]]
    bad: list[BadLine]


FIELD_LIMIT = csv.field_size_limit()  # Python's csv module refuses longer fields
_CHUNK = 1 << 20


def open_text(path: Path) -> TextIO:
    """The file as text: UTF-8 (a BOM or none) if it is valid UTF-8, else cp1252 (Excel's)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            with path.open("rb") as raw:
                # A streaming check, so that a large file is never held whole in memory.
                check = codecs.getincrementaldecoder(encoding)()
                while chunk := raw.read(_CHUNK):
                    check.decode(chunk)
                check.decode(b"", final=True)
            return path.open(encoding=encoding, newline="")
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise CsvError(f"cannot read {path}: {exc.strerror}.") from None
    raise CsvError(f"{path}: cannot read the text encoding; save the file as UTF-8 CSV.")


def read_lines(
    text: Iterable[str],
    local: tzinfo,
    directory: Directory | None = None,
    name: str = "file",
    known_only: bool = True,
) -> Iterator[tuple[int, Response] | BadLine]:
    """Each data line of a CSV as (line number, response) or as a BadLine, one at a time.

    Accepts a BOM, ';' or ',', any header case, and Google Forms' exports. Unit and office
    names in the directory are read as their codes; with `known_only`, a code it does not
    know, or a unit at an office that does not serve it, makes a bad line. Raises CsvError
    when the file as a whole cannot be read: no header, or quoting so broken that where a
    row ends is a guess.
    """
    lines = iter(text)
    first_line = next(lines, "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: a quote left open makes an error instead of silently swallowing the rows after.
    reader = csv.reader(chain([first_line], lines), delimiter=delimiter, strict=True)
    header = _next_row(reader, name, 1)
    if header is None:
        raise CsvError(f"{name} is empty; it needs the header {','.join(CSV_COLUMNS)}.")
    columns = read_header(header, name)
    names = _Names(directory)
    while True:
        line = reader.line_num + 1  # where the next row begins
        values = _next_row(reader, name, line)
        if values is None:
            return
        joined = "".join(values)
        if not joined.strip():
            continue
        if len(values) != len(columns):
            # A field too few or too many shifts the others: answers would land on the
            # wrong element, so the line is refused rather than guessed at.
            yield BadLine(line, "", f"{len(values)} columns, expected {len(columns)}")
            continue
        if "'" in joined:  # perhaps a cell our export quoted (see bot.cells)
            values = [from_csv_cell(v) for v in values]
        record = dict(zip(columns, values, strict=True))
        try:
            response = parse_row(names.codes(record), local)
            if known_only:
                _check_known(response, directory)
        except RowError as exc:
            yield BadLine(line, exc.column, exc.message)
            continue
        yield line, response


def _next_row(reader: Any, name: str, line: int) -> list[str] | None:
    """The reader's next row (None at the end); CsvError naming the line it began on."""
    try:
        row: list[str] = next(reader)
    except StopIteration:
        return None
    except csv.Error as exc:
        raise CsvError(_broken(name, line, reader.line_num, str(exc))) from None
    return row


def _broken(name: str, line: int, reached: int, error: str) -> str:
    """One sentence on a file whose rows cannot be told apart, naming where it goes wrong."""
    where = f"{name}, line {line}"
    fix = 'nothing was imported: close the quote, or write a quote inside a text as ""'
    if "field larger than field limit" in error:
        return (
            f"{where}: a field runs past {FIELD_LIMIT:,} characters (to line {reached}), far "
            f'longer than any answer, most likely because a quote (") opened there is never '
            f"closed; {fix}."
        )
    if "unexpected end of data" in error or "expected after" in error:
        if reached > line:
            return (
                f'{where}: a quote (") opened on this line is not closed properly before line '
                f"{reached}, so the rows in between would be swallowed into one field; {fix}."
            )
        return f'{where}: a quote (") in this line is not closed properly; {fix}.'
    return f"{where}: cannot be read as CSV ({error}); nothing was imported."


def read_csv(
    data: bytes, local: tzinfo, directory: Directory | None = None, name: str = "file"
) -> ReadResult:
    """Read a small CSV held in memory: its rows with their import keys, and its bad lines."""
    for encoding in ("utf-8-sig", "cp1252"):  # as open_text decides
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CsvError(f"{name}: cannot read the text encoding; save the file as UTF-8 CSV.")
    rows: list[tuple[Response, str]] = []
    bad: list[BadLine] = []
    seen: Counter[str] = Counter()
    for item in read_lines(io.StringIO(text, newline=""), local, directory, name):
        if isinstance(item, BadLine):
            bad.append(item)
            continue
        canon = identity(item[1])
        seen[canon] += 1
        rows.append((item[1], import_key(canon, seen[canon])))
    return ReadResult(rows, bad)


def read_header(header: list[str], name: str) -> list[str]:
    """The column each header names: the project's own names, or a form's questions.

    CsvError when a needed column is missing or two headers name the same column.
    """
    columns: list[str] = []
    for text in header:
        column = header_column(text) or " ".join(text.split()).lower()
        if column in columns:
            first = header[columns.index(column)].strip()
            raise CsvError(
                f'{name}: the headers "{first}" and "{text.strip()}" both read as the column '
                f"{column}; rename one of them."
            )
        columns.append(column)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise CsvError(
            f"{name}: the header lacks {', '.join(missing)}; expected {','.join(CSV_COLUMNS)} "
            "(or a Google Forms export whose questions name them)."
        )
    return columns


class _Names:
    """Unit and office names, as a form's choices give them, read as their codes."""

    def __init__(self, directory: Directory | None) -> None:
        self._units: dict[str, str] = {}
        self._offices: dict[str, str] = {}
        if directory is not None:  # without one (report --csv), codes are taken as they are
            for unit in directory.units.values():
                for label in (unit.name, unit.name_en):
                    self._units[_fold(label)] = unit.code
            for office in directory.offices.values():
                self._offices[_fold(office.name)] = office.code

    def codes(self, record: dict[str, str]) -> dict[str, str]:
        """The record with a unit or office given by its name replaced by the code."""
        if not self._units:
            return record
        unit = self._units.get(_fold(record["unit"]))
        office = self._offices.get(_fold(record["office"]))
        if unit is None and office is None:
            return record
        return {**record, "unit": unit or record["unit"], "office": office or record["office"]}


@lru_cache(maxsize=1024)  # a file repeats the same few units and offices on every line
def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _check_known(response: Response, directory: Directory | None) -> None:
    if directory is None:
        return
    if response.unit not in directory.units:
        known = ", ".join(directory.units)
        raise RowError("unit", f"{response.unit} is not in the units file (known: {known})")
    if response.office not in directory.offices:
        known = ", ".join(directory.offices)
        raise RowError("office", f"{response.office} is not in the units file (known: {known})")
    problem = not_served(directory, response.unit, response.office)
    if problem:
        raise RowError("office", problem)


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


SEPARATORS = (";", ",")  # ';' first: Excel in Indonesian (and most of Europe) splits on it
BOM = "\ufeff"  # tells Excel the file is UTF-8; without it, "é" and "—" come out garbled


def write_csv(responses: Iterable[Response], local: tzinfo, sep: str = ";") -> bytes:
    """Responses in the import format as a file Excel opens in columns: UTF-8 with a BOM.

    Blanks are left empty and text is never a formula (see cells). The separator is ';' by
    default, as Excel in an Indonesian locale expects; ',' for other spreadsheets.
    """
    if sep not in SEPARATORS:
        raise ValueError(f"separator {sep!r}: use one of {' '.join(SEPARATORS)}")
    out = io.StringIO()
    out.write(BOM)
    # RFC 4180's CRLF: the writer then quotes any field holding a CR or LF of its own, where
    # with "\n" alone a bare CR in a suggestion went out unquoted and split the row.
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in CSV_COLUMNS])
    for r in responses:
        writer.writerow([csv_cell(v) for v in export_fields(r, local)])
    return out.getvalue().encode("utf-8")
