"""A clean, single-column, ATS-friendly résumé PDF (fpdf2, built-in Helvetica).

Real text, one column, standard section names, no tables or images: applicant tracking systems
and screen readers read it in order, and the text layer extracts back to the rendered words.
"""

from __future__ import annotations

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


def render_blocks(blocks: list[Block], *, title: str = "Résumé") -> bytes:
    from fpdf import FPDF  # imported here: fpdf costs a quarter-second of every CLI start

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(latin1(title))
    pdf.set_creator("Career CEO")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in blocks:
        style, size, before = STYLES.get(block.kind, ("", 10, 1))
        pdf.set_font("Helvetica", style, size)
        if before:
            pdf.ln(before)
        text = latin1(block.text)
        height = size * 0.5
        if block.kind == "section":
            pdf.cell(width, height, text.upper(), new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y() + 0.6
            pdf.set_draw_color(120, 120, 120)
            pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
            pdf.ln(1.5)
        elif block.kind == "bullet":
            pdf.set_x(pdf.l_margin + 2)
            pdf.multi_cell(width - 2, height, f"- {text}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def to_pdf(resume: Resume) -> bytes:
    return render_blocks(layout(resume), title=resume.name or "Résumé")


def expected_text(resume: Resume) -> str:
    """The words the PDF shows, for the round-trip check (section names are upper-cased)."""
    blocks = [
        Block(b.kind, b.text.upper() if b.kind == "section" else b.text) for b in layout(resume)
    ]
    return latin1(plain_text(blocks).replace("• ", "- "))
