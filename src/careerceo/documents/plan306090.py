"""A 30-60-90-day plan as Markdown and as a clean one-or-two-page PDF (fpdf2, as the résumé).

The PDF is meant to be handed over in an interview: the role, three phases with goals, actions
and measures, then the first stakeholders, quick wins and what to learn. Sources (O*NET, the
posting) are named in a small footer line so the prefilled parts can be traced.
"""

from __future__ import annotations

from careerceo.analysis.plan306090 import PlanContent
from careerceo.documents.pdf_blocks import PdfLook, render_pdf
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
LOOK = PdfLook(
    STYLES, top=15, bottom=14, line=0.48, rule_gap=0.5, after_rule=1.2, upper_sections=False
)

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


def to_pdf(title: str, subtitle: str, plan: PlanContent) -> bytes:
    """One or two A4 pages; a longer plan is set smaller, and refused if it still runs over."""
    items = blocks(title, subtitle, plan)
    pages = 0
    for scale in SCALES:
        data, pages = render_pdf(items, title=title, look=LOOK, scale=scale)
        if pages <= MAX_PAGES:
            return data
    raise CareerError(
        f"the plan fills {pages} pages even in small type; a plan worth handing over fits on "
        f"{MAX_PAGES} - shorten its longest sections and export again",
        field="plan",
    )
