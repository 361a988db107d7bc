"""How an import recognises what is already stored: the same position, degree or skill under a
little different wording or dating, and what a newer version of the résumé would change.

Pure functions over stored rows and parsed entries; the plan (``resume_import``) decides and
writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from careerceo.model.resume import Resume, ResumeEducation, ResumePosition
from careerceo.store.tables import Education, Position
from careerceo.text.dates import to_date


def norm(value: str | None) -> str:
    return " ".join((value or "").lower().split())


UNKNOWN = "(unknown)"
LEVEL_WORDS = {
    "master": 5, "expert": 5, "advanced": 4, "proficient": 4, "experienced": 4,
    "intermediate": 3, "practitioner": 3, "competent": 3, "beginner": 2, "basic": 2,
    "novice": 2, "familiar": 2, "elementary": 2, "aware": 1,
}  # fmt: skip


def known(value: str | None) -> bool:
    return bool(value) and norm(value) != UNKNOWN


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def skill_key(name: str) -> str:
    """ "Quick Books", "QuickBooks" and "quickbooks" are one skill."""
    return re.sub(r"[^a-z0-9+#]", "", name.lower())


@dataclass(frozen=True)
class ImportedSkill:
    """One skill an import adds: its name, the level its evidence supports, and that evidence
    (which file and line, and whether a job on the résumé shows it)."""

    name: str
    level: int
    evidence: str
    line: int | None


def skills_to_import(resume: Resume, filename: str = "the file") -> list[ImportedSkill]:
    """Every skill the résumé names, with a level the résumé itself supports: the author's own
    level word when it gives one ("Advanced"), 3 (practitioner) when a job on the résumé shows
    it in use, otherwise 2 (listed, not yet shown at work) so nothing claims more than the
    document does."""
    jobs = [(p, " ".join([p.title, p.summary, *p.highlights]).lower()) for p in resume.positions]
    out: list[ImportedSkill] = []
    seen: set[str] = set()
    for skill in resume.skills:
        names = [*([] if skill.heading_only else [skill.name]), *skill.keywords]
        for name in names:
            name = name.strip()
            key = skill_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            where = {"summary": "summary", "interests": "interests"}.get(skill.section, "")
            place = f"{where or skill.section or 'skills'} section"
            at = f"{filename}, {place}" + (f", line {skill.line}" if skill.line else "")
            pattern = re.compile(rf"(?<!\w){re.escape(name.lower())}(?!\w)")
            used = [p for p, text in jobs if pattern.search(text)]
            level_word = LEVEL_WORDS.get(skill.level.strip().lower()) if skill.level else None
            if level_word is not None:
                level, why = level_word, f"you rated it \u201c{skill.level}\u201d"
            elif used:
                job = used[0]
                level = 3
                why = (
                    f"used as {job.title or 'a job'}"
                    + (f" at {job.employer}" if job.employer else "")
                    + (f" and in {len(used) - 1} more job(s)" if len(used) > 1 else "")
                )
            else:
                level, why = 2, "listed, not shown in a job yet; raise the level if you use it"
            out.append(ImportedSkill(name, level, f"{at}: {why}", skill.line))
    return out


def same_position(rows: list[Position], p: ResumePosition, taken: set[int]) -> Position | None:
    """The stored position this parsed one is (the same job, maybe worded or dated a little
    differently in a newer version of the résumé), or None."""
    employer, title, start = (
        norm(p.employer or UNKNOWN),
        norm(p.title or UNKNOWN),
        to_date(p.start),
    )
    best: Position | None = None
    for row in rows:
        if row.id in taken:
            continue
        same_employer = norm(row.employer) == employer
        same_title = norm(row.title) == title
        same_start = row.start_date == start
        same_year = (
            row.start_date is not None and start is not None and row.start_date.year == start.year
        )
        if same_employer and same_title and same_start:
            return row
        if best is None and (
            (same_employer and same_start and start is not None)  # retitled
            or (same_employer and same_title and same_year)  # date made more precise
            or (
                same_title
                and same_start
                and start is not None
                and UNKNOWN in (norm(row.employer), employer)
            )
        ):
            best = row
    return best


def _imported_description(entry: dict[str, Any] | None) -> str | None:
    if not entry:
        return None
    return "\n".join(
        [str(entry.get("summary", "")), *(f"• {h}" for h in entry.get("highlights", []) or [])]
    ).strip()


def position_changes(
    row: Position, p: ResumePosition, description: str, entry: dict[str, Any] | None
) -> list[str]:
    changes: list[str] = []
    if p.title and norm(row.title) != norm(p.title):
        changes.append(f"title {row.title} \u2192 {p.title}")
    if p.employer and not known(row.employer):
        changes.append(f"employer \u2192 {p.employer}")
    end = to_date(p.end)
    if end != row.end_date and (p.end or row.end_date is not None):
        old = row.end_date.isoformat() if row.end_date else "now"
        changes.append(f"end {old} \u2192 {p.end or 'now'}")
    if p.location and not row.location:
        changes.append(f"location \u2192 {p.location}")
    if description and _words(description) != _words(row.description):
        imported = _imported_description(entry)
        if imported is not None and _words(imported) != _words(row.description):
            changes.append("description: kept yours (you edited it)")
        else:
            added = len(set(_words(description)) - set(_words(row.description)))
            changes.append(f"description rewritten ({added} new words)")
    if all(c.startswith("description: kept") for c in changes):
        return []  # the only difference is an edit of yours, which stays
    return changes


def apply_position(
    row: Position, p: ResumePosition, description: str, entry: dict[str, Any] | None
) -> None:
    if p.title:
        row.title = p.title[:200]
    if p.employer and not known(row.employer):
        row.employer = p.employer[:200]
    row.start_date = to_date(p.start) or row.start_date
    row.end_date = to_date(p.end)
    if p.location and not row.location:
        row.location = p.location[:200]
    imported = _imported_description(entry)
    if description and (imported is None or _words(imported) == _words(row.description)):
        row.description = description


def position_entry(p: ResumePosition, origin: dict[str, str]) -> dict[str, Any]:
    return {
        "batch": origin["sha256"],  # which file: the author's order holds within one
        "start": p.start,
        "end": p.end,
        "summary": p.summary,
        "highlights": p.highlights,
        "url": p.url,
        "description": p.description,
        "source": {**origin, "line": p.line},
    }


def same_education(rows: list[Education], e: ResumeEducation) -> Education | None:
    """The same degree: same school and degree, or the same degree and field where one side
    did not name the school (so a degree read without its school is not added again)."""
    institution, degree, field_ = norm(e.institution or UNKNOWN), norm(e.degree), norm(e.field)
    for row in rows:
        same_school = norm(row.institution) == institution
        if same_school and (norm(row.degree) == degree or not degree or not row.degree):
            return row
        unknown = UNKNOWN in (norm(row.institution), institution)
        if unknown and degree and norm(row.degree) == degree and norm(row.field) == field_:
            return row
    return None


def education_changes(row: Education, e: ResumeEducation) -> list[str]:
    changes = []
    if e.institution and not known(row.institution):
        changes.append(f"school \u2192 {e.institution}")
    if e.degree and not row.degree:
        changes.append(f"degree \u2192 {e.degree}")
    if e.field and not row.field:
        changes.append(f"field \u2192 {e.field}")
    if e.end and row.end_date is None:
        changes.append(f"end \u2192 {e.end}")
    return changes
