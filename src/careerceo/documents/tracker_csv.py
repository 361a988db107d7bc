"""Past applications from another tracker's CSV export (a spreadsheet, Huntr, Teal, Notion...).

Trackers name their columns differently, so each column is recognised by its usual names
("Company" / "Employer" / "Organization", "Job Title" / "Position" / "Role", "Status" /
"Stage", "Date Applied" / "Applied On"...). The dates the file has become the stage history,
backdated, so time-in-stage figures are honest from the first day: a row saved on 3 March,
applied on 5 March and interviewed on 20 March entered target, applied and interviewing on
those days. A status the app does not know is refused with its line, never guessed; nothing is
returned half-read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from careerceo.documents.connections_csv import decode
from careerceo.documents.limits import MAX_CSV_ROWS
from careerceo.errors import CareerError
from careerceo.text.dates import strptime_first

COLUMNS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "title": ("title", "job title", "position", "role", "job"),
    "url": ("url", "link", "job url", "job link", "posting url", "job posting"),
    "status": ("status", "stage", "state"),
    "added": ("date added", "added", "date saved", "saved", "created", "created at", "date"),
    "networking": ("networking date", "date networking", "reached out on"),
    "applied": ("date applied", "applied", "applied on", "application date"),
    "interview": ("interview date", "date interviewed", "interviewed", "first interview"),
    "offer": ("offer date", "date offered", "offered"),
    "closed": ("date closed", "closed", "rejected on", "date rejected", "rejection date"),
    "source": ("source", "how found", "channel"),
    "notes": ("notes", "note", "comments"),
}

# Status words as trackers write them -> (stage, closing reason).
STATUSES: dict[str, tuple[str, str]] = {
    **{w: ("target", "") for w in ("wishlist", "saved", "bookmarked", "target", "interested",
                                    "to apply", "researching")},
    **{w: ("networking", "") for w in ("networking", "reached out", "referral requested")},
    **{w: ("applied", "") for w in ("applied", "application sent", "submitted")},
    **{w: ("interviewing", "") for w in ("interviewing", "interview", "phone screen",
                                          "screening", "onsite", "interviewed")},
    **{w: ("offer", "") for w in ("offer", "offered", "offer received")},
    "accepted": ("accepted", ""),
    "declined": ("declined", ""),
    **{w: ("closed", "rejected") for w in ("rejected", "not selected", "rejection")},
    **{w: ("closed", "withdrawn") for w in ("withdrawn", "withdrew")},
    **{w: ("closed", "position filled") for w in ("position filled", "filled")},
    **{w: ("closed", "no response") for w in ("no response", "ghosted")},
}  # fmt: skip
STAGE_DATE = {"target": "added", "networking": "networking", "applied": "applied",
              "interviewing": "interview", "offer": "offer"}  # fmt: skip
ORDER = ("target", "networking", "applied", "interviewing", "offer")
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d %b %Y", "%b %d, %Y", "%B %d, %Y",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Application:
    """One application as a tracker file holds it, read or written."""

    company: str
    title: str
    url: str
    stage: str
    reason: str  # why it closed
    source: str
    notes: str
    history: list[tuple[str, date]]  # oldest first; the last entry is ``stage``


@dataclass(frozen=True, kw_only=True)
class TrackedApplication(Application):
    line: int
    stage_dated: bool  # False: the file has no date for the current stage (an earlier one is used)


def _refuse(name: str, line: int, problem: str) -> CareerError:
    return CareerError(f"{name}, line {line}: {problem}; nothing was imported", field="file")


def _date(raw: str) -> date | None:
    text = raw.strip()
    if not text:
        return None
    return strptime_first(text, DATE_FORMATS)


def _columns(header: list[str], name: str) -> dict[str, int]:
    seen = {" ".join(c.replace("_", " ").split()).lower(): i for i, c in enumerate(header)}
    found = {key: next((seen[n] for n in names if n in seen), -1) for key, names in COLUMNS.items()}
    if found["title"] < 0 or found["status"] < 0:
        raise _refuse(
            name,
            1,
            f"the header ({', '.join(h for h in header if h)[:200]}) has no job title or no "
            "status column; the file needs at least a title (Title, Job Title, Position or "
            "Role) and a status (Status or Stage), plus Company, URL and dates if you have them",
        )
    return {k: v for k, v in found.items() if v >= 0}


def _history(
    stage: str, dates: dict[str, date | None], line: int, name: str
) -> list[tuple[str, date]]:
    """The stages the row's dates show, in order, ending at its current stage."""
    points: list[tuple[str, date]] = []
    for key, st in (("added", "target"), ("networking", "networking"), ("applied", "applied"),
                    ("interview", "interviewing"), ("offer", "offer")):  # fmt: skip
        when = dates.get(key)
        if when is None:
            continue
        if stage in ORDER and ORDER.index(st) > ORDER.index(stage):
            continue  # a date beyond where the row stands (e.g. an interview date on "applied")
        if points and when < points[-1][1]:
            raise _refuse(
                name,
                line,
                f"the {key} date {when} is before the {points[-1][0]} date {points[-1][1]}; "
                "correct the dates so each step follows the one before",
            )
        points.append((st, when))
    last = dates.get("closed") if stage not in ORDER else None
    if points and points[-1][0] == stage:
        return points
    when = last or (points[-1][1] if points else None) or date.today()
    if points and when < points[-1][1]:
        raise _refuse(name, line, f"the closing date {when} is before {points[-1][1]}")
    return [*points, (stage, when)]


def read_tracker(content: bytes, name: str = "applications.csv") -> list[TrackedApplication]:
    text = decode(content, name)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if text and not text.endswith(("\n", "\r")) and text.count('"') % 2:
        raise _refuse(name, len(rows), "the last line is cut off inside a quoted value")
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise _refuse(name, 1, "the file is empty or has no header line")
    header = [c.strip() for c in rows[0]]
    columns = _columns(header, name)
    if len(rows) - 1 > MAX_CSV_ROWS:
        raise _refuse(name, MAX_CSV_ROWS + 2, f"more than {MAX_CSV_ROWS:,} rows")
    found: list[TrackedApplication] = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise _refuse(
                name,
                line,
                f"{len(cells)} fields where the header has {len(header)} (a line cut short or "
                "an unquoted comma)",
            )

        def cell(key: str, cells: list[str] = cells) -> str:
            index = columns.get(key)
            return cells[index].strip() if index is not None else ""

        title = cell("title")
        if not title:
            raise _refuse(name, line, "the job title is empty")
        status = " ".join(cell("status").replace("_", " ").replace("-", " ").split()).lower()
        if status not in STATUSES:
            known = ", ".join(sorted({s for s in STATUSES}))
            raise _refuse(
                name,
                line,
                f"status {cell('status')!r} is not one the app knows ({known}); change it in "
                "the file to the nearest one",
            )
        stage, reason = STATUSES[status]
        dates: dict[str, date | None] = {}
        for key in ("added", "networking", "applied", "interview", "offer", "closed"):
            try:
                dates[key] = _date(cell(key))
            except ValueError:
                raise _refuse(
                    name,
                    line,
                    f"{header[columns[key]]} {cell(key)!r} is not a date; write dates as "
                    "YYYY-MM-DD (or MM/DD/YYYY)",
                ) from None
            when = dates[key]
            if when is not None and when > date.today():
                raise _refuse(name, line, f"{header[columns[key]]} {when} is in the future")
        found.append(
            TrackedApplication(
                line=line,
                company=cell("company"),
                title=title,
                url=cell("url"),
                stage=stage,
                reason=reason,
                source=cell("source"),
                notes=cell("notes"),
                history=_history(stage, dates, line, name),
                stage_dated=dates.get(STAGE_DATE.get(stage, "closed")) is not None,
            )
        )
    return found


EXPORT_HEADER = ["Company", "Job Title", "URL", "Status", "Source", "Date Added",
                 "Networking Date", "Date Applied", "Interview Date", "Offer Date",
                 "Date Closed", "Next Action", "Next Action Due", "Notes"]  # fmt: skip
_EXPORT_DATES = {"target": "Date Added", "networking": "Networking Date",
                 "applied": "Date Applied", "interviewing": "Interview Date",
                 "offer": "Offer Date"}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ExportRow(Application):
    next_action: str
    next_action_due: date | None


def write_tracker(rows: list[ExportRow]) -> str:
    """The pipeline as a tracker CSV that ``read_tracker`` reads back (first date per stage)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        cells = dict.fromkeys(EXPORT_HEADER, "")
        for stage, when in row.history:
            column = _EXPORT_DATES.get(stage, "Date Closed")
            cells[column] = cells[column] or when.isoformat()
        status = row.reason if row.stage == "closed" and row.reason else row.stage
        cells.update(
            {
                "Company": row.company,
                "Job Title": row.title,
                "URL": row.url,
                "Status": status,
                "Source": row.source,
                "Next Action": row.next_action,
                "Next Action Due": row.next_action_due.isoformat() if row.next_action_due else "",
                "Notes": row.notes,
            }
        )
        writer.writerow([cells[h] for h in EXPORT_HEADER])
    return out.getvalue()
