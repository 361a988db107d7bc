"""A 30-60-90-day plan as Markdown and as a clean one-or-two-page PDF (fpdf2, as the résumé).

The PDF is meant to be handed over in an interview: the role, three phases with goals, actions
and measures, then the first stakeholders, quick wins and what to learn. Sources (O*NET, the
posting) are named in a small footer line so the prefilled parts can be traced.
"""

from __future__ import annotations

from careerceo.analysis.plan306090 import PlanContent
from careerceo.documents.pdf_text import latin1
from careerceo.documents.resume_layout import Block
from careerceo.errors import CareerError

MAX_PAGES = 2
# kind -> (style, size, space before in mm); sizes shrink by SCALES until the plan fits
STYLES: dict[str, tuple[str, float, float]] = {
    "name": ("B", 16, 0),
    "headline": ("", 11, 1),
    "section": ("B", 11.5, 4),
    "entry": ("B", 10, 1.5),
    "meta": ("I", 8, 3),
    "bullet": ("", 10, 0.4),
}
SCALES = (1.0, 0.9, 0.8)

PART_TITLES = {"goals": "Goals", "actions": "Actions", "measures": "How success is measured"}
LIST_TITLES = {
    "stakeholders": "First stakeholders to meet",
    "quick_wins": "Quick wins",
    "learn": "What to learn about the business",
}


def blocks(title: str, subtitle: str, plan: PlanContent) -> list[Block]:
    out = [Block("name", title)]
    if subtitle:
        out.append(Block("headline", subtitle))
    for phase in plan.phases:
        out.append(Block("section", phase.name))
        for part, heading in PART_TITLES.items():
            items = getattr(phase, part)
            if items:
                out.append(Block("entry", heading))
                out += [Block("bullet", item) for item in items]
    for name, heading in LIST_TITLES.items():
        items = getattr(plan, name)
        if items:
            out.append(Block("section", heading))
            out += [Block("bullet", item) for item in items]
    if plan.sources:
        out.append(Block("meta", "Prefilled from: " + "; ".join(plan.sources)))
    return out


def to_markdown(title: str, subtitle: str, plan: PlanContent) -> str:
    lines = [f"# {title}", ""]
    if subtitle:
        lines += [subtitle, ""]
    for phase in plan.phases:
        lines += [f"## {phase.name}", ""]
        for part, heading in PART_TITLES.items():
            items = getattr(phase, part)
            if items:
                lines += [f"**{heading}**", "", *(f"- {item}" for item in items), ""]
    for name, heading in LIST_TITLES.items():
        items = getattr(plan, name)
        if items:
            lines += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    if plan.sources:
        lines += ["_Prefilled from: " + "; ".join(plan.sources) + "_", ""]
    return "\n".join(lines)


def _render(items: list[Block], title: str, scale: float) -> tuple[bytes, int]:
    from fpdf import FPDF  # imported here: fpdf costs a quarter-second of every CLI start

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(latin1(title))
    pdf.set_creator("Career CEO")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in items:
        style, size, before = STYLES.get(block.kind, ("", 10, 1))
        size *= scale
        pdf.set_font("Helvetica", style, size)
        if before:
            pdf.ln(before * scale)
        text = latin1(block.text)
        height = size * 0.48
        if block.kind == "section":
            pdf.cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y() + 0.5
            pdf.set_draw_color(120, 120, 120)
            pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
            pdf.ln(1.2)
        elif block.kind == "bullet":
            pdf.set_x(pdf.l_margin + 2)
            pdf.multi_cell(width - 2, height, f"- {text}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output()), pdf.page_no()


def to_pdf(title: str, subtitle: str, plan: PlanContent) -> bytes:
    """One or two A4 pages; a longer plan is set smaller, and refused if it still runs over."""
    items = blocks(title, subtitle, plan)
    pages = 0
    for scale in SCALES:
        data, pages = _render(items, title, scale)
        if pages <= MAX_PAGES:
            return data
    raise CareerError(
        f"the plan fills {pages} pages even in small type; a plan worth handing over fits on "
        f"{MAX_PAGES} - shorten its longest sections and export again",
        field="plan",
    )
