"""LinkedIn's "Download your data" export (the ZIP, a folder of its CSVs, or one CSV).

The layouts are the real ones (2018 and 2023/2024 exports): month-year dates ("Nov 2022"), an
empty end date for the current job, and in newer exports a "Notes:" preamble before the header
of Connections.csv. A file whose header lacks the columns this reader needs is refused with the
columns it expected, so nothing is imported half-way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from careerceo.documents.limits import MAX_CSV_ROWS, MAX_FILE_BYTES
from careerceo.documents.safe_zip import read_zip_members
from careerceo.errors import CareerError
from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeContact,
    ResumeEducation,
    ResumeLanguage,
    ResumePosition,
    ResumeSkill,
)
from careerceo.text.dates import parse_date

# file -> (columns that must be there, columns that may be)
_REQUIRED_OPTIONAL = {
    "profile.csv": ("First Name|Last Name", "Headline|Summary|Geo Location|Websites"),
    "positions.csv": ("Company Name|Title", "Description|Location|Started On|Finished On"),
    "education.csv": ("School Name", "Start Date|End Date|Notes|Degree Name|Activities"),
    "skills.csv": ("Name", ""),
    "certifications.csv": ("Name", "Url|Authority|Started On|Finished On|License Number"),
    "languages.csv": ("Name", "Proficiency"),
    "connections.csv": ("First Name|Last Name", "URL|Email Address|Company|Position|Connected On"),
}
LAYOUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    name: (tuple(req.split("|")), tuple(opt.split("|")) if opt else ())
    for name, (req, opt) in _REQUIRED_OPTIONAL.items()
}


# A leading run of spaces is taken only from where it starts: linear on long blank runs.
_INLINE_BULLET = re.compile(r"(?:(?<!\s)\s+)?[\u2022\u25cf\u25aa]\s+|(?:^|(?<!\s)\s{2,})[-*]\s+")


def _description(text: str) -> dict[str, Any]:
    """A position's description as a summary and bullets. LinkedIn keeps the bullets people type
    ("•", "-"), and its older exports flatten the line breaks, so "Intro  • Did X  • Did Y" is one
    line: each "•" opens a bullet."""
    summary: list[str] = []
    highlights: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        pieces = _INLINE_BULLET.split(line)
        head, bullets = pieces[0].strip(), [p.strip() for p in pieces[1:] if p.strip()]
        if head:
            if highlights and not bullets and head[:1].islower():
                highlights[-1] += " " + head  # a bullet that wrapped onto the next line
            else:
                summary.append(head)
        highlights.extend(bullets)
    return {"summary": "\n".join(summary), "highlights": highlights}


def _decode(content: bytes, name: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CareerError(
            f"{name} is not UTF-8 text; is it really a LinkedIn CSV?", field="file"
        ) from exc


def read_rows(content: bytes, name: str) -> list[dict[str, str]]:
    """Rows of one export CSV, after any preamble, checked against its known layout."""
    key = PurePosixPath(name).name.lower()
    required, _optional = LAYOUTS[key]
    text = _decode(content, name)
    lines = text.splitlines()
    header_at = None
    for index, line in enumerate(lines[:10]):
        cells = next(csv.reader([line]), [])
        if all(column in cells for column in required):
            header_at = index
            break
    if header_at is None:
        first = lines[0][:80] if lines else "(empty file)"
        raise CareerError(
            f"{PurePosixPath(name).name} does not have LinkedIn's layout: expected the columns "
            f"{', '.join(required)}; found {first!r}. Use the CSV exactly as LinkedIn exported it",
            field="file",
        )
    reader = csv.DictReader(io.StringIO("\n".join(lines[header_at:])))
    rows = []
    try:
        for number, row in enumerate(reader, start=1):
            if number > MAX_CSV_ROWS:
                raise CareerError(
                    f"{PurePosixPath(name).name} has more than {MAX_CSV_ROWS} rows; refused",
                    field="file",
                )
            rows.append({(k or "").strip(): (v or "").strip() for k, v in row.items() if k})
    except csv.Error as exc:  # a field over csv.field_size_limit() (131,072), a stray NUL...
        raise CareerError(
            f"{PurePosixPath(name).name} cannot be read as CSV near row {reader.line_num} "
            f"({exc}); use the CSV exactly as LinkedIn exported it",
            field="file",
        ) from None
    return rows


def _first(rows: Iterable[dict[str, str]]) -> dict[str, str]:
    return next(iter(rows), {})


def resume_from_files(files: dict[str, bytes]) -> Resume:
    """The known CSVs among ``files`` (path -> bytes) turned into one ``Resume``."""
    by_name: dict[str, tuple[str, bytes]] = {}
    for path, content in files.items():
        key = PurePosixPath(path.replace("\\", "/")).name.lower()
        if key in LAYOUTS and key not in by_name:
            by_name[key] = (path, content)
    if not by_name:
        raise CareerError(
            "no LinkedIn export CSVs found (expected Profile.csv, Positions.csv, Education.csv, "
            "Skills.csv, ...); upload the ZIP from LinkedIn's 'Download your data' or its CSVs",
            field="file",
        )
    rows = {key: read_rows(content, path) for key, (path, content) in by_name.items()}
    resume = Resume()
    _read_profile(resume, _first(rows.get("profile.csv", [])))
    for row in rows.get("positions.csv", []):
        if not (row.get("Company Name") or row.get("Title")):
            continue
        resume.positions.append(
            ResumePosition(
                employer=row.get("Company Name", ""),
                title=row.get("Title", ""),
                start=parse_date(row.get("Started On", "")),
                end=parse_date(row.get("Finished On", "")),
                location=row.get("Location", ""),
                **_description(row.get("Description", "")),
            )
        )
    for row in rows.get("education.csv", []):
        if not row.get("School Name"):
            continue
        resume.education.append(
            ResumeEducation(
                institution=row["School Name"],
                degree=row.get("Degree Name", ""),
                start=parse_date(row.get("Start Date", "")),
                end=parse_date(row.get("End Date", "")),
                description="\n".join(p for p in (row.get("Notes"), row.get("Activities")) if p),
            )
        )
    resume.skills = [
        ResumeSkill(name=r["Name"]) for r in rows.get("skills.csv", []) if r.get("Name")
    ]
    for row in rows.get("certifications.csv", []):
        if row.get("Name"):
            resume.certifications.append(
                ResumeCertification(
                    name=row["Name"],
                    issuer=row.get("Authority", ""),
                    date=parse_date(row.get("Started On", "")),
                    expires=parse_date(row.get("Finished On", "")),
                    url=row.get("Url", ""),
                    credential_id=row.get("License Number", ""),
                )
            )
    resume.languages = [
        ResumeLanguage(name=r["Name"], fluency=r.get("Proficiency", ""))
        for r in rows.get("languages.csv", [])
        if r.get("Name")
    ]
    for row in rows.get("connections.csv", []):
        name = " ".join(p for p in (row.get("First Name"), row.get("Last Name")) if p)
        if not name:
            continue
        connected = row.get("Connected On", "").split(",")[0]
        resume.contacts.append(
            ResumeContact(
                name=name,
                company=row.get("Company", ""),
                title=row.get("Position", ""),
                email=row.get("Email Address", ""),
                url=row.get("URL", ""),
                connected_on=parse_date(connected),
            )
        )
    resume.extra["linkedin_files"] = sorted(PurePosixPath(p).name for p, _ in by_name.values())
    return resume


def _read_profile(resume: Resume, profile: dict[str, str]) -> None:
    """Name, headline, summary, place, first website and industry from Profile.csv."""
    if not profile:
        return
    resume.name = " ".join(p for p in (profile.get("First Name"), profile.get("Last Name")) if p)
    resume.label = profile.get("Headline", "")
    resume.summary = profile.get("Summary", "")
    resume.location = profile.get("Geo Location", "")
    websites = profile.get("Websites", "").strip("[]")
    if websites:
        first = websites.split(",")[0]
        resume.url = (
            first.split(":", 1)[-1]
            if first.upper().startswith(
                ("PORTFOLIO:", "PERSONAL:", "COMPANY:", "BLOG:", "OTHER:", "RSS:")
            )
            else first
        )
    if profile.get("Industry"):
        resume.extra["industry"] = profile["Industry"]


def read_linkedin_zip(data: bytes, *, name: str = "the ZIP") -> Resume:
    return resume_from_files(read_zip_members(data, suffix=".csv", name=name))


def read_linkedin_folder(folder: Path) -> Resume:
    return resume_from_files(read_export_folder(folder))


def read_export_folder(folder: Path) -> dict[str, bytes]:
    """The CSV files of an unzipped export, refusing links that lead out of the folder."""
    files: dict[str, bytes] = {}
    root = folder.resolve()
    for path in sorted(folder.rglob("*.csv")):
        if not path.resolve().is_relative_to(root) or not path.is_file():
            # A link out of the export folder (to ~/.ssh, /etc/passwd...) is never read, so
            # no line of it can reach a message or the database.
            raise CareerError(
                f"{path.name} in {folder.name} links to a file outside the folder; an export "
                "folder holds plain files only - remove the link or import the ZIP",
                field="file",
            )
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CareerError(
                f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB", field="file"
            )
        files[str(path.relative_to(folder))] = path.read_bytes()
    return files
