"""Text out of a Word résumé (paragraphs and tables in document order).

Macro-enabled documents are refused outright: a résumé has no reason to carry code, and
reading its parts would mean opening the archive that holds it.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from careerceo.documents.limits import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    MAX_XML_PART,
    MAX_ZIP_RATIO,
    MAX_ZIP_UNPACKED,
)
from careerceo.errors import CareerError

MACRO_TYPES = ("macroEnabled", "vbaProject")


def _check_package(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CareerError(
            f"{name} is not a valid .docx (not a ZIP package); save it again as Word .docx",
            field="file",
        ) from exc
    with archive:
        names = archive.namelist()
        if sum(info.file_size for info in archive.infolist()) > MAX_ZIP_UNPACKED:
            raise CareerError(f"{name} unpacks to more than 100 MB; refused", field="file")
        for info in archive.infolist():
            # The XML is what python-docx parses into a tree: refuse a bomb before that step.
            ratio = info.file_size / max(info.compress_size, 1)
            if info.filename.endswith((".xml", ".rels")) and (
                info.file_size > MAX_XML_PART
                or (info.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO)
            ):
                raise CareerError(
                    f"{name}: {info.filename} unpacks to {info.file_size / 2**20:.0f} MB "
                    f"({ratio:.0f}x); a résumé's text is far smaller, so it is refused - save the "
                    "document again from Word or LibreOffice",
                    field="file",
                )
        content_types = ""
        try:
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            # Every member's deflate data and checksum, before python-docx reads any of it.
            damaged = archive.testzip()
            if damaged is not None:
                raise zipfile.BadZipFile(f"{damaged} fails its checksum")
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, OSError) as exc:
            raise CareerError(
                f"{name} is damaged ({type(exc).__name__}: {exc}); save it again from Word or "
                "LibreOffice",
                field="file",
            ) from None
        if any(n.lower().endswith("vbaproject.bin") for n in names) or any(
            marker in content_types for marker in MACRO_TYPES
        ):
            raise CareerError(
                f"{name} contains macros (a .docm document); save it as a plain .docx "
                "without macros and import that",
                field="file",
            )
        if "word/document.xml" not in names:
            raise CareerError(f"{name} is not a Word document (no word/document.xml)", field="file")


def read_docx_text(data: bytes, *, name: str = "the DOCX") -> str:
    if len(data) > MAX_FILE_BYTES:
        raise CareerError(
            f"{name} is {len(data) / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB",
            field="file",
        )
    if name.lower().endswith(".docm"):
        raise CareerError(
            f"{name} is macro-enabled (.docm); save it as a plain .docx and import that",
            field="file",
        )
    _check_package(data, name)
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise CareerError(
            f"{name} is damaged and cannot be read ({type(exc).__name__}); save it again from "
            "Word or LibreOffice",
            field="file",
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            style = (paragraph.style.name or "") if paragraph.style is not None else ""
            if text and "List" in style and not text.startswith(("•", "-", "*")):
                text = f"• {text}"
            lines.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.strip()
                    if value and value not in cells:
                        cells.append(value)
                lines.extend(" | ".join(cells).splitlines() if cells else [])
    text = "\n".join(lines).strip()
    if not text:
        raise CareerError(f"{name} has no text", field="file")
    return text[:MAX_TEXT_CHARS]
