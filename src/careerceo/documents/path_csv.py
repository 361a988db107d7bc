"""Reading the one-row-per-position CSV of reference profiles.

Columns: ``person,title,employer,start,end`` and optionally ``employer_size,industry,
location`` (any order, any case). Each bad line is reported with its number and skipped; the
rest of the file still counts, so one typo in a 10,000-row export costs one row, not the file.
Dates are read with the résumé date reader (``documents.dates``): "2019-03", "Mar 2019",
"03/2019", "2019"; an end of "Present" (or "current", "now") means the person still holds it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from careerceo.text.dates import CURRENT, parse_date

REQUIRED = ("person", "title", "employer", "start", "end")
OPTIONAL = ("employer_size", "industry", "location")
MAX_ROWS = 2_000_000


@dataclass
class CsvPosition:
    line: int
    title: str
    employer: str
    start: str  # partial ISO ("2019", "2019-03") or ""
    end: str  # partial ISO or ""
    current: bool
    employer_size: str = ""
    industry: str = ""
    location: str = ""


@dataclass
class CsvProfiles:
    people: dict[str, list[CsvPosition]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    rows: int = 0


class CsvLayoutError(ValueError):
    """The file is not a reference-profile CSV at all (no header, missing columns)."""


def is_path_csv(data: bytes) -> bool:
    """Does the header name a ``person`` column (and so is not a LinkedIn export file)?"""
    head = data[:4096].decode("utf-8-sig", errors="replace").splitlines()
    if not head:
        return False
    return "person" in (cell.strip().lower() for cell in head[0].split(","))


def _date(raw: str, line: int, column: str, errors: list[str]) -> tuple[str, bool, bool]:
    """(partial ISO, is_current, ok) for one date cell."""
    value = raw.strip()
    if not value:
        return "", False, True
    if value.lower().rstrip(".") in CURRENT:
        if column == "start":
            errors.append(f"line {line}: start is {value!r}; give the month the position began")
            return "", False, False
        return "", True, True
    parsed = parse_date(value)
    if not parsed:
        errors.append(
            f"line {line}: {column} {value!r} is not a date; write 2019-03, Mar 2019 or 2019"
            + (" (or Present)" if column == "end" else "")
        )
        return "", False, False
    return parsed, False, True


def _csv_text(data: bytes, name: str) -> str:
    """The file as text, or the refusal naming why it is not a CSV (encoding, binary)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvLayoutError(f"{name} is not UTF-8 text; save it as CSV UTF-8") from exc
    if "\x00" in text:
        raise CsvLayoutError(f"{name} contains NUL bytes, so it is not a CSV file")
    return text


def read_path_csv(data: bytes, *, name: str = "the CSV") -> CsvProfiles:
    """Rows grouped by the ``person`` column, in file order, with per-line errors."""
    text = _csv_text(data, name)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        raise CsvLayoutError(f"{name} is empty; the first line must name the columns")
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise CsvLayoutError(
            f"{name} lacks the column(s) {', '.join(missing)}; the header must be "
            f"{','.join(REQUIRED)}[,{','.join(OPTIONAL)}]"
        )
    index = {c: columns.index(c) for c in (*REQUIRED, *OPTIONAL) if c in columns}
    out = CsvProfiles()
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        out.rows += 1
        if out.rows > MAX_ROWS:
            out.errors.append(f"line {line}: more than {MAX_ROWS:,} rows; the rest was not read")
            break

        def cell(column: str, cells: list[str] = cells) -> str:
            at = index.get(column)
            return cells[at].strip() if at is not None and at < len(cells) else ""

        if len(cells) < len(REQUIRED):
            out.errors.append(
                f"line {line}: {len(cells)} value(s) where {len(columns)} columns were named; "
                "check for a missing comma or an unquoted comma inside a value"
            )
            continue
        person, title = cell("person"), cell("title")
        if not person:
            out.errors.append(f"line {line}: the person column is empty; name or number them")
            continue
        if not title:
            out.errors.append(f"line {line}: the title column is empty; give the job title")
            continue
        start, _, ok_start = _date(cell("start"), line, "start", out.errors)
        end, current, ok_end = _date(cell("end"), line, "end", out.errors)
        if not (ok_start and ok_end):
            continue
        if start and end and end < start[: len(end)]:
            out.errors.append(
                f"line {line}: the position ends ({end}) before it starts ({start}); fix one"
            )
            continue
        out.people.setdefault(person, []).append(
            CsvPosition(
                line=line,
                title=title[:200],
                employer=cell("employer")[:200],
                start=start,
                end=end,
                current=current,
                employer_size=cell("employer_size")[:100],
                industry=cell("industry")[:100],
                location=cell("location")[:200],
            )
        )
    return out


# A CSV of whole résumé texts, one per row (as résumé data sets are shared): the column that
# holds the text, by the names such sets use.
TEXT_COLUMNS = ("resume", "resume_str", "resume_text", "text", "profile")
MAX_TEXT_CHARS = 200_000
MAX_TEXT_ROWS = 20_000


@dataclass
class CsvText:
    line: int
    text: str


def text_column(data: bytes) -> str | None:
    """The résumé-text column a CSV's header names (and no ``person`` column), else None."""
    head = data[:4096].decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(head, newline="")), [])
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    if "person" in columns:
        return None
    return next((c for c in TEXT_COLUMNS if c in columns), None)


def read_text_csv(data: bytes, *, name: str = "the CSV") -> tuple[list[CsvText], list[str]]:
    """The non-empty résumé texts of a text CSV with their line numbers, and per-line errors."""
    text = _csv_text(data, name)
    column = text_column(data)
    if column is None:
        raise CsvLayoutError(f"{name} has no column of résumé texts ({', '.join(TEXT_COLUMNS)})")
    csv.field_size_limit(max(csv.field_size_limit(), MAX_TEXT_CHARS * 4))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().lower().replace(" ", "_") for cell in next(reader, [])]
    at = header.index(column)
    texts: list[CsvText] = []
    errors: list[str] = []
    for line, cells in enumerate(reader, start=2):
        value = cells[at].strip() if at < len(cells) else ""
        if not value:
            errors.append(f"line {line}: the {column} column is empty; nothing to read")
            continue
        if len(value) > MAX_TEXT_CHARS:
            errors.append(
                f"line {line}: a text of {len(value):,} characters is longer than a résumé "
                f"({MAX_TEXT_CHARS:,} at most); left out"
            )
            continue
        if len(texts) >= MAX_TEXT_ROWS:
            errors.append(f"line {line}: more than {MAX_TEXT_ROWS:,} texts; the rest was not read")
            break
        texts.append(CsvText(line, value))
    return texts, errors
