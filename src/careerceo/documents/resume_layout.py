"""The order and wording of a rendered résumé, shared by the Markdown, HTML and PDF writers.

One single-column sequence of blocks (no tables, no text boxes, no columns) is what applicant
tracking systems parse reliably, and having all three formats render the same blocks keeps
them saying exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerceo.model.resume import Resume
from careerceo.text.dates import human


@dataclass(frozen=True)
class Block:
    kind: str  # name | headline | contact | section | entry | meta | para | bullet
    text: str


def _span(start: str, end: str) -> str:
    if not start and not end:
        return ""
    return f"{human(start) or '?'} \u2013 {human(end) or 'Present'}"


def _title_for(title: str, employer: str) -> str:
    """ "Full Stack Developer - SlashDB" at SlashDB reads "Full Stack Developer, SlashDB", not
    "Full Stack Developer - SlashDB, SlashDB": the employer is named once."""
    if not employer:
        return title
    for sep in (" - ", " \u2013 ", " \u2014 ", " | ", " @ ", " at "):
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and tail.strip():
            a, b = tail.strip().casefold(), employer.strip().casefold()
            if len(a) >= 3 and (a.startswith(b) or b.startswith(a)):
                return head.strip()
    return title


def layout(resume: Resume) -> list[Block]:
    blocks: list[Block] = []
    if resume.name:
        blocks.append(Block("name", resume.name))
    if resume.label:
        blocks.append(Block("headline", resume.label))
    profiles = [
        str(p.get("url", "")) for p in resume.extra.get("profiles", []) if isinstance(p, dict)
    ]
    contact = [x for x in (resume.email, resume.phone, resume.location, resume.url, *profiles) if x]
    if contact:
        blocks.append(Block("contact", " | ".join(contact)))
    if resume.summary:
        blocks.append(Block("section", "Summary"))
        blocks.extend(Block("para", p.strip()) for p in resume.summary.split("\n") if p.strip())
    if resume.positions:
        blocks.append(Block("section", "Experience"))
        for p in resume.positions:
            head = ", ".join(x for x in (_title_for(p.title, p.employer), p.employer) if x)
            blocks.append(Block("entry", head))
            meta = " | ".join(x for x in (_span(p.start, p.end), p.location) if x)
            if meta:
                blocks.append(Block("meta", meta))
            blocks.extend(Block("para", s.strip()) for s in p.summary.split("\n") if s.strip())
            blocks.extend(Block("bullet", h) for h in p.highlights)
    if resume.education:
        blocks.append(Block("section", "Education"))
        for e in resume.education:
            degree = " in ".join(x for x in (e.degree, e.field) if x)
            blocks.append(Block("entry", ", ".join(x for x in (degree, e.institution) if x)))
            meta = " | ".join(
                x for x in (_span(e.start, e.end), f"Grade: {e.grade}" if e.grade else "") if x
            )
            if meta:
                blocks.append(Block("meta", meta))
    skills = resume.skills
    if skills:
        blocks.append(Block("section", "Skills"))
        grouped = [s for s in skills if s.keywords]
        loose = [s.name for s in skills if not s.keywords]
        for s in grouped:
            blocks.append(Block("para", f"{s.name}: {', '.join(s.keywords)}"))
        if loose:
            blocks.append(Block("para", ", ".join(loose)))
    if resume.certifications:
        blocks.append(Block("section", "Certifications"))
        for c in resume.certifications:
            blocks.append(
                Block("bullet", ", ".join(x for x in (c.name, c.issuer, human(c.date)) if x))
            )
    if resume.languages:
        blocks.append(Block("section", "Languages"))
        blocks.append(
            Block(
                "para",
                ", ".join(
                    f"{lang.name} ({lang.fluency})" if lang.fluency else lang.name
                    for lang in resume.languages
                ),
            )
        )
    projects = [p for p in resume.extra.get("projects", []) or [] if isinstance(p, dict)]
    if projects:
        blocks.append(Block("section", "Projects"))
        for project in projects:
            blocks.append(Block("entry", str(project.get("name", ""))))
            if project.get("description"):
                blocks.append(Block("para", str(project["description"])))
            blocks.extend(Block("bullet", str(h)) for h in project.get("highlights", []) or [])
    return [b for b in blocks if b.text.strip()]


def plain_text(blocks: list[Block]) -> str:
    """What a reader (or a text extractor) should get out of the rendered résumé."""
    return "\n".join(("• " if b.kind == "bullet" else "") + b.text for b in blocks)
