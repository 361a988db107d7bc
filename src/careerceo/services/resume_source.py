"""Reading a résumé or LinkedIn export for import: the file checked, parsed in a child process
held to limits, and the entry counts checked, before anything is planned or written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from careerceo.documents.limits import MAX_ENTRIES, MAX_FILE_BYTES, MAX_ZIP_BYTES
from careerceo.documents.linkedin_export import read_export_folder
from careerceo.documents.parse_worker import ParseLimits, parse_isolated
from careerceo.documents.read_any import plain_name
from careerceo.errors import CareerError
from careerceo.model.resume import Resume
from careerceo.settings import load_settings


@dataclass
class ImportSource:
    """A file read and parsed, not yet written anywhere."""

    filename: str
    kind: str  # resume | linkedin
    fmt: str  # pdf | docx | json | linkedin | text
    media_type: str
    content: bytes
    text: str
    resume: Resume

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def parse_limits() -> ParseLimits:
    """The limits set by CAREER_PARSE_SECONDS / CAREER_PARSE_MEMORY_MB, read at each import so
    a changed setting applies without a restart."""
    settings = load_settings()
    return ParseLimits(seconds=settings.parse_seconds, memory_mb=settings.parse_memory_mb)


def read_source(data: bytes, filename: str, limits: ParseLimits | None = None) -> ImportSource:
    """Read and parse one file in a child process held to memory and time limits.

    The checks that cost nothing (size, emptiness) run here; everything that depends on the
    bytes runs in ``parse_worker``, so no file can freeze or exhaust the calling process.
    """
    name = plain_name(filename)
    limit = MAX_ZIP_BYTES if name.lower().endswith(".zip") else MAX_FILE_BYTES
    if len(data) > limit:
        raise CareerError(
            f"{name} is {len(data) / 2**20:.1f} MB; the limit is {limit // 2**20} MB", field="file"
        )
    if not data:
        raise CareerError(f"{name} is empty", field="file")
    parsed = parse_isolated({name: data}, limits=limits or parse_limits())
    return ImportSource(
        name, parsed.kind, parsed.fmt, parsed.media_type, data, parsed.text, parsed.resume
    )


def read_path(path: Path, limits: ParseLimits | None = None) -> ImportSource:
    """A file, or a folder holding an unzipped LinkedIn export."""
    if path.is_dir():
        files = read_export_folder(path)
        parsed = parse_isolated(files, folder=path.name, limits=limits or parse_limits())
        blob = b"".join(files[name] for name in sorted(files))
        return ImportSource(path.name, "linkedin", "linkedin", "text/csv", blob, "", parsed.resume)
    if not path.is_file():
        raise CareerError(f"{path} does not exist", field="file")
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise CareerError(f"{path.name} is larger than {MAX_ZIP_BYTES // 2**20} MB", field="file")
    return read_source(path.read_bytes(), path.name, limits)


def check_counts(resume: Resume) -> None:
    for label, items in (
        ("positions", resume.positions),
        ("education entries", resume.education),
        ("skills", resume.skills),
        ("certifications", resume.certifications),
        ("languages", resume.languages),
    ):
        if len(items) > MAX_ENTRIES:
            raise CareerError(f"the file has {len(items)} {label}; the limit is {MAX_ENTRIES}")
