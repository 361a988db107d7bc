"""LinkedIn ``Connections.csv`` in both real layouts, read strictly with line numbers.

- 2023 and later: a "Notes:" preamble (a quoted note and a blank line) before the header
  ``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; dates such as
  ``04 Jul 2023``.
- 2018: no preamble and no URL column; dates such as ``1/8/18, 6:14 PM``.

A problem is reported with the line it is on (a wrong header, a file that is not UTF-8, a
quote left open by a truncated download, a row with the wrong number of fields, a date that is
no date), and nothing is returned half-read: the caller imports all rows or none.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from careerceo.documents.limits import MAX_CSV_ROWS
from careerceo.errors import CareerError
from careerceo.text.dates import strptime_first

REQUIRED = ("First Name", "Last Name", "Company", "Position", "Connected On")
OPTIONAL = ("URL", "Email Address")
HEADER_SEARCH_LINES = 20
DATE_FORMATS = ("%d %b %Y", "%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%Y-%m-%d", "%m/%d/%y")


@dataclass(frozen=True)
class ConnectionRow:
    line: int
    first_name: str
    last_name: str
    url: str
    email: str
    company: str
    position: str
    connected_on: date | None

    @cached_property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Connections:
    rows: list[ConnectionRow]
    layout: str  # "2023" (with URL column) or "2018"
    skipped: list[int]  # lines without a name (LinkedIn writes these for hidden members)


def _refuse(name: str, line: int, problem: str) -> CareerError:
    return CareerError(f"{name}, line {line}: {problem}; nothing was imported", field="file")


def decode(content: bytes, name: str) -> str:
    """UTF-8 (a BOM is fine) or UTF-16 with its BOM; anything else names the bad line."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise _refuse(name, 1, "the file says UTF-16 but is not") from None
    if b"\x00" in content:  # UTF-16 without its BOM, or a binary file: no database stores NUL
        line = content[: content.index(b"\x00")].count(b"\n") + 1
        raise _refuse(
            name,
            line,
            "the file holds NUL bytes (saved as UTF-16 without a byte-order mark, or not a "
            "text file); use the file exactly as LinkedIn exported it, or save it as UTF-8",
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise _refuse(
            name,
            line,
            f"byte 0x{content[exc.start]:02x} is not UTF-8 (the file was saved in another "
            "encoding, such as Windows-1252); use the file exactly as LinkedIn exported it, or "
            "save it as UTF-8",
        ) from None


def parse_date(raw: str) -> date | None:
    text = raw.strip()
    if not text:
        return None
    return _parse_date(text)


@lru_cache(maxsize=16384)
def _parse_date(text: str) -> date:
    """Cached: an export of 30,000 connections repeats a few thousand dates, and strptime
    was a fifth of the import's time."""
    return strptime_first(text, DATE_FORMATS)


def _header(lines: list[str]) -> tuple[int, list[str]]:
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        try:
            cells = [c.strip() for c in next(csv.reader([line]), [])]
        except csv.Error:  # a line no header could be (a field over the csv module's limit)
            continue
        if all(column in cells for column in REQUIRED):
            return index, cells
    raise ValueError


# LinkedIn's fields are a name, a company, a position, a URL: a longer cell is a damaged file.
# Checked here, not left to the csv module, whose field limit is process-wide state.
MAX_CELL_CHARS = 2_000


def _check_cell_lengths(name: str, line: int, header: list[str], cells: list[str]) -> None:
    for column, value in zip(header, cells, strict=False):
        if len(value) > MAX_CELL_CHARS:
            raise _refuse(
                name,
                line,
                f"the {column or 'unnamed'} field is {len(value):,} characters long (LinkedIn's "
                f"are under {MAX_CELL_CHARS:,}); the file is damaged - download the export again",
            )


def read_connections(content: bytes, name: str = "Connections.csv") -> Connections:
    text = decode(content, name)
    lines = text.splitlines()
    try:
        header_index, header = _header(lines)
    except ValueError:
        first = next((line for line in lines if line.strip()), "(an empty file)")
        raise _refuse(
            name,
            1,
            "this is not LinkedIn's Connections.csv: no header line with the columns "
            f"{','.join(REQUIRED[:2])},URL,Email Address,{','.join(REQUIRED[2:])} in the first "
            f"{HEADER_SEARCH_LINES} lines (the first line reads {first[:80]!r})",
        ) from None
    columns = {
        column: header.index(column) for column in (*REQUIRED, *OPTIONAL) if column in header
    }
    body = "\n".join(lines[header_index + 1 :])
    reader = csv.reader(io.StringIO(body), strict=True)
    rows: list[ConnectionRow] = []
    skipped: list[int] = []
    offset = header_index + 1
    line = offset
    try:
        for cells in reader:
            line = offset + reader.line_num
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise _refuse(
                    name,
                    line,
                    f"{len(cells)} fields where the header has {len(header)} (a line cut short "
                    "or an unquoted comma); download the export again",
                )
            if len(rows) >= MAX_CSV_ROWS:
                raise _refuse(name, line, f"more than {MAX_CSV_ROWS} connections")
            _check_cell_lengths(name, line, header, cells)

            def cell(column: str, cells: list[str] = cells) -> str:
                at = columns.get(column)
                return cells[at].strip() if at is not None else ""

            try:
                connected = parse_date(cell("Connected On"))
            except ValueError:
                raise _refuse(
                    name,
                    line,
                    f"Connected On {cell('Connected On')!r} is not a date LinkedIn writes "
                    "(such as 04 Jul 2023 or 1/8/18, 6:14 PM)",
                ) from None
            row = ConnectionRow(
                line,
                cell("First Name"),
                cell("Last Name"),
                cell("URL").rstrip("/"),
                cell("Email Address").lower(),
                cell("Company"),
                cell("Position"),
                connected,
            )
            if not row.name:
                skipped.append(line)
                continue
            rows.append(row)
    except csv.Error as exc:
        line = offset + reader.line_num
        raise _refuse(
            name,
            line,
            f"the CSV cannot be read ({exc}); a quote left open usually means the download was "
            "cut short - download the export again",
        ) from None
    return Connections(rows, "2023" if "URL" in columns else "2018", skipped)
