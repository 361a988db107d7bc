"""One uploaded file to text and a ``Resume``, whatever its format: the pure reading step.

It does no I/O besides the bytes it is handed, so ``parse_worker`` can run it in a child
process with memory and time limits; the services never call it on the server's own thread.
Line length is checked before the text parser runs, because every later step is at least
linear in the longest line and a résumé never has a line of 20,000 characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from careerceo.documents.docx_reader import read_docx_text
from careerceo.documents.jsonresume import parse_jsonresume_bytes
from careerceo.documents.limits import MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_ZIP_BYTES
from careerceo.documents.linkedin_export import read_linkedin_zip, resume_from_files
from careerceo.documents.pdf_reader import read_pdf_text
from careerceo.documents.resume_parser import parse_resume_text
from careerceo.errors import CareerError
from careerceo.model.resume import Resume

MEDIA = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".json": "application/json",
    ".zip": "application/zip",
    ".csv": "text/csv",
    ".txt": "text/plain",
}


@dataclass
class ParsedFile:
    kind: str  # resume | linkedin
    fmt: str  # pdf | docx | json | linkedin | text
    media_type: str
    text: str
    resume: Resume


def plain_name(filename: str) -> str:
    return PurePosixPath(filename.replace("\\", "/")).name or "upload"


def check_lines(text: str, name: str) -> str:
    """Refuse text with a line longer than any résumé has, naming the line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise CareerError(
                f"{name}: line {number} is {len(line):,} characters long (the limit is "
                f"{MAX_LINE_CHARS:,}); this is not résumé text - break it into lines or "
                "export the résumé again",
                field="file",
            )
    return text


def _resume_text(text: str, name: str) -> Resume:
    return parse_resume_text(check_lines(text, name))


def read_file(data: bytes, filename: str) -> ParsedFile:
    """Detect the format from the name, read and parse it; ``CareerError`` says what is wrong."""
    name = plain_name(filename)
    suffix = PurePosixPath(name).suffix.lower()
    limit = MAX_ZIP_BYTES if suffix == ".zip" else MAX_FILE_BYTES
    if len(data) > limit:
        raise CareerError(
            f"{name} is {len(data) / 2**20:.1f} MB; the limit is {limit // 2**20} MB", field="file"
        )
    if not data:
        raise CareerError(f"{name} is empty", field="file")
    if suffix == ".pdf":
        text = read_pdf_text(data, name=name)
        return ParsedFile("resume", "pdf", MEDIA[suffix], text, _resume_text(text, name))
    if suffix in (".docx", ".docm"):
        text = read_docx_text(data, name=name)
        return ParsedFile("resume", "docx", MEDIA[".docx"], text, _resume_text(text, name))
    if suffix == ".json":
        return ParsedFile(
            "resume", "json", MEDIA[suffix], "", parse_jsonresume_bytes(data, name=name)
        )
    if suffix == ".zip":
        resume = read_linkedin_zip(data, name=name)
        return ParsedFile("linkedin", "linkedin", MEDIA[suffix], "", resume)
    if suffix == ".csv":
        return ParsedFile(
            "linkedin", "linkedin", MEDIA[suffix], "", resume_from_files({name: data})
        )
    if suffix in (".txt", ".md"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CareerError(f"{name} is not UTF-8 text", field="file") from exc
        if "\x00" in text:  # binary renamed to .txt; PostgreSQL cannot store it either
            raise CareerError(
                f"{name} contains NUL bytes, so it is not plain text; save it as plain text "
                "or upload the PDF or .docx instead",
                field="file",
            )
        return ParsedFile("resume", "text", MEDIA[".txt"], text, _resume_text(text, name))
    raise CareerError(
        f"{name}: unsupported file type {suffix or '(none)'}; import a .pdf, .docx, resume.json, "
        "LinkedIn export .zip or one of its .csv files",
        field="file",
    )


def read_files(files: dict[str, bytes]) -> ParsedFile:
    """The CSV files of an unzipped LinkedIn export folder."""
    return ParsedFile("linkedin", "linkedin", "text/csv", "", resume_from_files(files))
