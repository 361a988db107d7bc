"""The person's résumé as stored: tables plus the verbatim extras, as one ``Resume``.

This is what every export renders. Per-entry details the tables have no column for (precise
partial dates, highlights, URLs) were kept at import under ``person.extra["resume_entries"]``
keyed by the row's uid; they are used only while the row still says the same thing, so an edit
in the app always wins over what was imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from careerceo.analysis.accomplishments import to_bullet
from careerceo.model.resume import (
    Resume,
    ResumeCertification,
    ResumeEducation,
    ResumeLanguage,
    ResumePosition,
    ResumeSkill,
)
from careerceo.services.accomplishments import win_of
from careerceo.services.context import AppContext
from careerceo.store.accomplishments import AccomplishmentRepository
from careerceo.store.profile import (
    CertificationRepository,
    EducationRepository,
    LanguageRepository,
)
from careerceo.store.repositories import (
    InventoryRepository,
    PersonRepository,
    PositionRepository,
)
from careerceo.store.tables import Accomplishment, InventoryEntry
from careerceo.text.dates import from_date, to_date


def _date(stored: dict[str, Any], key: str, column: Any) -> str:
    raw = stored.get(key) or ""
    if raw and to_date(raw) == column:
        return str(raw)
    return from_date(column, "month")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9%$]+", text.casefold()) if len(w) > 2 or w.isdigit()}


def _same_point(a: str, b: str) -> bool:
    """Two wordings of one accomplishment ("Cut pick errors by 35% by introducing scanning" and
    "Introduced scanning, which cut pick errors 35%"): most of their words are shared."""
    x, y = _words(a), _words(b)
    return bool(x and y) and len(x & y) >= 0.6 * max(len(x), len(y))


def summary_lines(summary: str) -> list[str]:
    return [line.strip() for line in summary.splitlines() if line.strip()]


def load_resume(session: Session, person_id: int) -> Resume:
    """The person's stored profile as one ``Resume``: what every export and tailoring reads."""
    person = PersonRepository(session, person_id).get()
    extra = dict(person.extra or {})
    entries: dict[str, Any] = extra.pop("resume_entries", {}) or {}
    groups = extra.pop("skill_groups", None)
    resume = Resume(
        image=str(extra.pop("image", "") or ""),
        name=person.full_name,
        label=person.headline,
        email=person.email,
        phone=person.phone,
        url=person.website,
        summary=person.summary,
        location=person.location,
        extra=extra,
    )
    if person.linkedin_url and not any(
        "linkedin" in str(p.get("network", "")).lower() for p in extra.get("profiles", [])
    ):
        extra.setdefault("profiles", []).append({"network": "LinkedIn", "url": person.linkedin_url})
    resume.positions = _positions(session, person_id, entries)
    resume.education = _education(session, person_id, entries)
    resume.certifications = _certifications(session, person_id, entries)
    for lang in LanguageRepository(session, person_id).list():
        resume.languages.append(ResumeLanguage(name=lang.name, fluency=lang.proficiency))
    resume.skills = _skills(InventoryRepository(session, person_id).kept_skills(), groups)
    return resume


def _positions(session: Session, person_id: int, entries: dict[str, Any]) -> list[ResumePosition]:
    """Current first, then latest end, unless all came from one file (the author's order);
    each with the wins logged against it as bullets too."""
    positions = PositionRepository(session, person_id).in_order_added()
    # A position with no dates at all sorts last, not a crash.
    ordered = sorted(
        positions,
        key=lambda p: (p.end_date is None, p.end_date or p.start_date or date.min),
        reverse=True,
    )
    batches = {entries[p.uid].get("batch") for p in positions if p.uid in entries}
    if all(p.uid in entries for p in positions) and len(batches) <= 1:
        ordered = list(positions)  # imported from one file: the author's order
    wins: dict[int, list[Accomplishment]] = {}
    for w in AccomplishmentRepository(session, person_id).on_positions():
        wins.setdefault(w.position_id or 0, []).append(w)
    out = []
    for p in ordered:
        stored = entries.get(p.uid, {})
        summary, highlights = stored.get("summary"), stored.get("highlights")
        expected = "\n".join([summary or "", *(f"• {h}" for h in highlights or [])]).strip()
        if summary is None or expected != p.description.strip():
            lines = [line.strip() for line in p.description.splitlines() if line.strip()]
            highlights = [
                line.lstrip("•-* ").strip() for line in lines if line.startswith(("•", "-", "*"))
            ]
            summary = "\n".join(line for line in lines if not line.startswith(("•", "-", "*")))
        # Wins logged against this job are its bullets too (the log is where they are written).
        highlights = list(highlights or [])
        for w in wins.get(p.id, []):
            bullet = to_bullet(win_of(w))
            said = [*highlights, *summary_lines(summary or "")]
            if bullet and not any(_same_point(x, y) for x in (bullet, w.title) for y in said):
                highlights.append(bullet)
        out.append(
            ResumePosition(
                employer=p.employer,
                title=p.title,
                start=_date(stored, "start", p.start_date),
                end=_date(stored, "end", p.end_date),
                location=p.location,
                summary=summary or "",
                highlights=highlights,
                url=stored.get("url", ""),
                description=stored.get("description", ""),
            )
        )
    return out


def _education(session: Session, person_id: int, entries: dict[str, Any]) -> list[ResumeEducation]:
    out = []
    for e in EducationRepository(session, person_id).list():
        stored = entries.get(e.uid, {})
        out.append(
            ResumeEducation(
                institution=e.institution,
                degree=e.degree,
                field=e.field,
                start=_date(stored, "start", e.start_date),
                end=_date(stored, "end", e.end_date),
                grade=e.grade,
                courses=list(stored.get("courses", [])),
                url=stored.get("url", ""),
                description=e.description,
            )
        )
    return out


def _certifications(
    session: Session, person_id: int, entries: dict[str, Any]
) -> list[ResumeCertification]:
    out = []
    for c in CertificationRepository(session, person_id).list():
        stored = entries.get(c.uid, {})
        out.append(
            ResumeCertification(
                name=c.name,
                issuer=c.issuer,
                date=_date(stored, "date", c.issued_on),
                expires=from_date(c.expires_on, "month"),
                url=c.url,
                credential_id=c.credential_id,
            )
        )
    return out


def _skills(inventory: Sequence[InventoryEntry], groups: list[Any] | None) -> list[ResumeSkill]:
    """The kept skills, in the résumé's own groups where it had them (a group stays only with
    a skill still kept), then the rest one by one."""
    if not groups:
        return [ResumeSkill(name=i.name) for i in inventory]
    names = {i.name.lower() for i in inventory}
    out: list[ResumeSkill] = []
    covered: set[str] = set()
    for g in groups:
        keywords = [k for k in g.get("keywords", []) if k.lower() in names]
        if g["name"].lower() in names or keywords:
            out.append(ResumeSkill(name=g["name"], level=g.get("level", ""), keywords=keywords))
            covered.update(k.lower() for k in [g["name"], *keywords])
    out.extend(ResumeSkill(name=i.name) for i in inventory if i.name.lower() not in covered)
    return out


def current_resume(ctx: AppContext) -> Resume:
    with ctx.db.transaction() as session:
        return load_resume(session, ctx.person_id)
