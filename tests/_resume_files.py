"""Synthetic résumé files made at test time: PDFs (fpdf2) and DOCX (python-docx) in a few
layouts, plus the broken and hostile variants the importers must refuse."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).with_name("fixtures") / "resume"


def synthetic_text() -> str:
    return (FIXTURES / "synthetic_resume.txt").read_text(encoding="utf-8")


def _latin(text: str) -> str:
    return text.replace("\u2013", "-").replace("•", "-").replace("—", "-")


def make_pdf(text: str, *, layout: str = "plain", repeat: int = 1) -> bytes:
    """``plain``: one line per line; ``columns``: dates right-aligned on the title line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for _ in range(repeat):
        for raw in text.splitlines():
            line = _latin(raw)
            if layout == "columns" and ("  " in line.strip()):
                left, right = line.strip().rsplit("  ", 1)
                pdf.cell(120, 6, left.strip())
                pdf.cell(0, 6, right.strip(), align="R", new_x="LMARGIN", new_y="NEXT")
            elif line.strip():
                pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(3)
    return bytes(pdf.output())


def make_glyph_pdf(text: str) -> bytes:
    """The way web-to-PDF résumé builders write text: every glyph placed on its own, no space
    characters (the gap is just skipped), and headings in "fake bold" (drawn twice, offset)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    y = 15.0
    for raw in text.splitlines():
        line = _latin(raw).strip()
        if not line:
            y += 3
            continue
        bold = line.isupper() and len(line) < 30
        for offset in (0.0, 0.15) if bold else (0.0,):
            x = 15.0
            for char in line:
                if char != " ":
                    pdf.text(x + offset, y, char)
                x += pdf.get_string_width(char)
        y += 6
        if y > 280:
            pdf.add_page()
            y = 15.0
    return bytes(pdf.output())


def make_image_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(30, 30, 30)
    for y in range(20, 200, 12):
        pdf.rect(20, y, 150, 6, style="F")
    return bytes(pdf.output())


def make_encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(synthetic_text()))))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(text: str, *, tables: bool = False) -> bytes:
    """``tables``: the experience headers in a two-column table, as many templates do."""
    from docx import Document

    document = Document()
    for raw in text.splitlines():
        line = raw.strip()
        if tables and "  " in line and not line.startswith("•"):
            left, right = line.rsplit("  ", 1)
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = left.strip()
            table.cell(0, 1).text = right.strip()
        elif line.startswith("•"):
            document.add_paragraph(line.lstrip("• "), style="List Bullet")
        elif line.isupper() and len(line) < 30:
            document.add_heading(line.title(), level=2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_docm(text: str) -> bytes:
    """A DOCX repackaged as macro-enabled (content type + vbaProject.bin)."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(text)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                )
            target.writestr(info, data)
        target.writestr("word/vbaProject.bin", b"\x00" * 64)
    return out.getvalue()


def linkedin_zip(extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((FIXTURES / "linkedin").glob("*.csv")):
            archive.writestr(f"Basic_LinkedInDataExport/{path.name}", path.read_bytes())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()
