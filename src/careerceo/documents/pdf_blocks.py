"""Laid-out blocks (name, headline, section, entry, bullet...) onto A4 pages with fpdf2's
built-in Helvetica: the one writer behind the résumé, the career plan and the 30-60-90-day
plan PDFs, each of which only says how it looks (a ``PdfLook``).

Real text in one column, so applicant tracking systems and screen readers read it in order and
the text layer extracts back to the words shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careerceo.documents.pdf_text import latin1
from careerceo.documents.resume_layout import Block


@dataclass(frozen=True)
class PdfLook:
    """How a document sets its blocks: ``styles`` is kind -> (font style, size in points,
    space before in mm); a section heading is underlined by a rule ``rule_gap`` mm below it
    with ``after_rule`` mm after; a line is ``line`` mm per point of type."""

    styles: Mapping[str, tuple[str, float, float]]
    top: float  # top margin, mm
    bottom: float  # page-break margin, mm
    line: float
    rule_gap: float
    after_rule: float
    upper_sections: bool  # section headings in capitals


def render_pdf(
    blocks: list[Block], *, title: str, look: PdfLook, scale: float = 1.0
) -> tuple[bytes, int]:
    """The PDF and its page count; ``scale`` shrinks the type (and the space before blocks)
    for a document that must fit a number of pages."""
    from fpdf import FPDF  # imported here: fpdf costs a quarter-second of every CLI start

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, look.top, 18)
    pdf.set_auto_page_break(True, margin=look.bottom)
    pdf.set_title(latin1(title))
    pdf.set_creator("Career CEO")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in blocks:
        style, size, before = look.styles.get(block.kind, ("", 10, 1))
        size *= scale
        pdf.set_font("Helvetica", style, size)
        if before:
            pdf.ln(before * scale)
        text = latin1(block.text)
        height = size * look.line
        if block.kind == "section":
            heading = text.upper() if look.upper_sections else text
            pdf.cell(width, height, heading, new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y() + look.rule_gap
            pdf.set_draw_color(120, 120, 120)
            pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
            pdf.ln(look.after_rule)
        elif block.kind == "bullet":
            pdf.set_x(pdf.l_margin + 2)
            pdf.multi_cell(width - 2, height, f"- {text}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output()), pdf.page_no()
