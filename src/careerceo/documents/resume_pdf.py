"""A clean, single-column, ATS-friendly résumé PDF (fpdf2, built-in Helvetica).

Real text, one column, standard section names, no tables or images: applicant tracking systems
and screen readers read it in order, and the text layer extracts back to the rendered words.
"""

from __future__ import annotations

from careerceo.documents.pdf_blocks import PdfLook, render_pdf
from careerceo.documents.pdf_text import latin1
from careerceo.documents.resume_layout import Block, layout, plain_text
from careerceo.model.resume import Resume

STYLES: dict[str, tuple[str, float, float]] = {  # kind -> (style, size, space before in mm)
    "name": ("B", 18, 0),
    "headline": ("", 12, 1),
    "contact": ("", 9.5, 1),
    "section": ("B", 11.5, 5),
    "entry": ("B", 10.5, 2.5),
    "meta": ("I", 9.5, 0.5),
    "para": ("", 10, 1),
    "bullet": ("", 10, 0.6),
}
LOOK = PdfLook(
    STYLES, top=16, bottom=16, line=0.5, rule_gap=0.6, after_rule=1.5, upper_sections=True
)


def render_blocks(blocks: list[Block], *, title: str = "Résumé") -> bytes:
    return render_pdf(blocks, title=title, look=LOOK)[0]


def to_pdf(resume: Resume) -> bytes:
    return render_blocks(layout(resume), title=resume.name or "Résumé")


def expected_text(resume: Resume) -> str:
    """The words the PDF shows, for the round-trip check (section names are upper-cased)."""
    blocks = [
        Block(b.kind, b.text.upper() if b.kind == "section" else b.text) for b in layout(resume)
    ]
    return latin1(plain_text(blocks).replace("• ", "- "))
