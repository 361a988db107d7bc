"""Importing a résumé or LinkedIn export: read, preview what would change, then confirm.

Preview and confirm run the same plan, so what the person approved is what is written, in one
transaction. Re-importing is idempotent: the file itself is recognised by its SHA-256, and each
entry by a natural key (employer + title + start for a position, institution + degree for
education, ...), so the same file twice creates nothing new and a newer version of a résumé
adds only what is new.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from careerceo.analysis.wording import clip
from careerceo.documents.dates import to_date
from careerceo.documents.limits import MAX_ENTRIES, MAX_FILE_BYTES, MAX_ZIP_BYTES
from careerceo.documents.linkedin_export import read_export_folder
from careerceo.documents.model import Resume
from careerceo.documents.parse_worker import ParseLimits, parse_isolated
from careerceo.documents.read_any import plain_name
from careerceo.errors import CareerError
from careerceo.model.profile import ProfileInput
from careerceo.services.context import AppContext
from careerceo.store.tables import (
    Certification,
    Contact,
    Document,
    Education,
    InventoryEntry,
    Language,
    Person,
    Position,
)

PERSON_FIELDS = (
    ("full_name", "name"),
    ("headline", "label"),
    ("summary", "summary"),
    ("email", "email"),
    ("phone", "phone"),
    ("location", "location"),
    ("website", "url"),
)


def _profile_value(column: str, value: str) -> str | None:
    """The value as the profile form would store it, or None when the form would refuse it.

    A parsed "phone" that is really a label would otherwise make every later profile edit fail.
    """
    try:
        checked = ProfileInput.model_validate({column: value})
    except ValidationError:
        return None
    return str(getattr(checked, column))


@dataclass
class ImportSource:
    """A file read and parsed, not yet written anywhere."""

    filename: str
    kind: str  # resume | linkedin
    fmt: str  # pdf | docx | json | linkedin | text
    media_type: str
    content: bytes
    text: str
    resume: Resume

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class PlanItem:
    entity: str  # document | profile | position | education | certification | skill | ...
    label: str
    action: str  # create | update | skip
    reason: str = ""


@dataclass
class ImportPlan:
    filename: str
    fmt: str
    items: list[PlanItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    document_id: int | None = None

    def count(self, action: str) -> int:
        return sum(1 for item in self.items if item.action == action)

    def as_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "format": self.fmt,
            "document_id": self.document_id,
            "counts": {a: self.count(a) for a in ("create", "update", "skip")},
            "items": [vars(item) for item in self.items],
            "warnings": self.warnings,
        }


def read_source(data: bytes, filename: str, limits: ParseLimits | None = None) -> ImportSource:
    """Read and parse one file in a child process held to memory and time limits.

    The checks that cost nothing (size, emptiness) run here; everything that depends on the
    bytes runs in ``parse_worker``, so no file can freeze or exhaust the calling process.
    """
    name = plain_name(filename)
    limit = MAX_ZIP_BYTES if name.lower().endswith(".zip") else MAX_FILE_BYTES
    if len(data) > limit:
        raise CareerError(
            f"{name} is {len(data) / 2**20:.1f} MB; the limit is {limit // 2**20} MB", field="file"
        )
    if not data:
        raise CareerError(f"{name} is empty", field="file")
    parsed = parse_isolated({name: data}, limits=limits)
    return ImportSource(
        name, parsed.kind, parsed.fmt, parsed.media_type, data, parsed.text, parsed.resume
    )


def read_path(path: Path, limits: ParseLimits | None = None) -> ImportSource:
    """A file, or a folder holding an unzipped LinkedIn export."""
    if path.is_dir():
        files = read_export_folder(path)
        parsed = parse_isolated(files, folder=path.name, limits=limits)
        blob = b"".join(files[name] for name in sorted(files))
        return ImportSource(path.name, "linkedin", "linkedin", "text/csv", blob, "", parsed.resume)
    if not path.is_file():
        raise CareerError(f"{path} does not exist", field="file")
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise CareerError(f"{path.name} is larger than {MAX_ZIP_BYTES // 2**20} MB", field="file")
    return read_source(path.read_bytes(), path.name, limits)


def _norm(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def _check_counts(resume: Resume) -> None:
    for label, items in (
        ("positions", resume.positions),
        ("education entries", resume.education),
        ("skills", resume.skills),
        ("certifications", resume.certifications),
        ("languages", resume.languages),
    ):
        if len(items) > MAX_ENTRIES:
            raise CareerError(f"the file has {len(items)} {label}; the limit is {MAX_ENTRIES}")


def _plan(session: Session, person_id: int, source: ImportSource, apply: bool) -> ImportPlan:
    resume = source.resume
    _check_counts(resume)
    plan = ImportPlan(source.filename, source.fmt, warnings=list(resume.warnings))
    existing_doc = session.scalars(
        select(Document).where(Document.person_id == person_id, Document.sha256 == source.sha256)
    ).first()
    if existing_doc is not None:
        plan.items.append(PlanItem("document", source.filename, "skip", "already imported"))
        plan.document_id = existing_doc.id
    else:
        plan.items.append(PlanItem("document", source.filename, "create"))
    person = session.get(Person, person_id)
    assert person is not None
    for column, attribute in PERSON_FIELDS:
        raw = getattr(resume, attribute)
        current = getattr(person, column)
        if not raw:
            continue
        value = _profile_value(column, raw[:300] if column == "headline" else raw)
        if value is None:
            plan.items.append(
                PlanItem("profile", f"{column}: {clip(raw, 60)}", "skip", f"not a valid {column}")
            )
            continue
        if _norm(current) == _norm(value):
            plan.items.append(PlanItem("profile", f"{column}: {clip(value, 60)}", "skip", "same"))
        elif current:
            plan.items.append(
                PlanItem("profile", f"{column}: {clip(value, 60)}", "skip", "kept yours")
            )
        else:
            plan.items.append(PlanItem("profile", f"{column}: {clip(value, 60)}", "update"))
            if apply:
                setattr(person, column, value[:300] if column == "headline" else value)
    extra = dict(person.extra or {})
    incoming = dict(resume.extra)
    if resume.image:
        incoming["image"] = resume.image  # no column for it; kept with the other extras
    for key, value in incoming.items():
        if key in ("linkedin_files",):
            continue
        if key in extra:
            plan.items.append(PlanItem("extra", key, "skip", "already there"))
        else:
            plan.items.append(PlanItem("extra", key, "create"))
            extra[key] = value
    entries: dict[str, Any] = dict(extra.get("resume_entries") or {})

    positions = session.scalars(select(Position).where(Position.person_id == person_id)).all()
    keys = {(_norm(p.employer), _norm(p.title), p.start_date) for p in positions}
    for p in resume.positions:
        pkey = (_norm(p.employer), _norm(p.title), to_date(p.start))
        label = f"{p.title or '?'} at {p.employer or '?'} ({p.start or '?'}\u2013{p.end or 'now'})"
        if pkey in keys:
            plan.items.append(PlanItem("position", label, "skip", "already there"))
            continue
        keys.add(pkey)
        plan.items.append(PlanItem("position", label, "create"))
        if apply:
            description = "\n".join([p.summary, *(f"• {h}" for h in p.highlights)]).strip()
            row = Position(
                person_id=person_id,
                employer=p.employer[:200] or "(unknown)",
                title=p.title[:200] or "(unknown)",
                start_date=to_date(p.start),
                end_date=to_date(p.end),
                location=p.location[:200],
                description=description,
            )
            session.add(row)
            session.flush()
            entries[row.uid] = {
                "batch": source.sha256[:16],  # which file: the author's order holds within one
                "start": p.start,
                "end": p.end,
                "summary": p.summary,
                "highlights": p.highlights,
                "url": p.url,
                "description": p.description,
            }
    educations = session.scalars(select(Education).where(Education.person_id == person_id)).all()
    edu_keys = {(_norm(e.institution), _norm(e.degree)) for e in educations}
    for e in resume.education:
        key2 = (_norm(e.institution), _norm(e.degree))
        label = " — ".join(x for x in (e.institution, e.degree, e.field) if x)
        if key2 in edu_keys:
            plan.items.append(PlanItem("education", label, "skip", "already there"))
            continue
        edu_keys.add(key2)
        plan.items.append(PlanItem("education", label, "create"))
        if apply:
            erow = Education(
                person_id=person_id,
                institution=e.institution[:200] or "(unknown)",
                degree=e.degree[:200],
                field=e.field[:200],
                start_date=to_date(e.start),
                end_date=to_date(e.end),
                grade=e.grade[:100],
                description=e.description,
            )
            session.add(erow)
            session.flush()
            entries[erow.uid] = {
                "start": e.start,
                "end": e.end,
                "courses": e.courses,
                "url": e.url,
            }
    certs = session.scalars(select(Certification).where(Certification.person_id == person_id)).all()
    cert_keys = {(_norm(c.name), _norm(c.issuer)) for c in certs}
    for c in resume.certifications:
        key3 = (_norm(c.name), _norm(c.issuer))
        action = "skip" if key3 in cert_keys else "create"
        cert_keys.add(key3)
        plan.items.append(
            PlanItem("certification", c.name, action, "already there" if action == "skip" else "")
        )
        if apply and action == "create":
            crow = Certification(
                person_id=person_id,
                name=c.name[:300],
                issuer=c.issuer[:200],
                issued_on=to_date(c.date),
                expires_on=to_date(c.expires),
                credential_id=c.credential_id[:200],
                url=c.url[:500],
            )
            session.add(crow)
            session.flush()
            entries[crow.uid] = {"date": c.date}
    langs = {
        _norm(x.name)
        for x in session.scalars(select(Language).where(Language.person_id == person_id))
    }
    for lang in resume.languages:
        action = "skip" if _norm(lang.name) in langs else "create"
        langs.add(_norm(lang.name))
        plan.items.append(
            PlanItem("language", lang.name, action, "already there" if action == "skip" else "")
        )
        if apply and action == "create":
            session.add(
                Language(person_id=person_id, name=lang.name[:100], proficiency=lang.fluency[:100])
            )
    skills = {
        _norm(x.name)
        for x in session.scalars(
            select(InventoryEntry).where(
                InventoryEntry.person_id == person_id, InventoryEntry.kind == "skill"
            )
        )
    }
    for name in resume.skill_names():
        action = "skip" if _norm(name) in skills else "create"
        skills.add(_norm(name))
        plan.items.append(
            PlanItem("skill", name, action, "already in your inventory" if action == "skip" else "")
        )
        if apply and action == "create":
            session.add(
                InventoryEntry(
                    person_id=person_id,
                    kind="skill",
                    name=name[:200],
                    evidence=f"listed in {source.filename}"[:500],
                )
            )
    if resume.skills:
        groups = [{"name": s.name, "level": s.level, "keywords": s.keywords} for s in resume.skills]
        if apply and not extra.get("skill_groups"):
            extra["skill_groups"] = groups
    contacts = session.scalars(select(Contact).where(Contact.person_id == person_id)).all()
    contact_keys = {(_norm(c.name), _norm(c.linkedin_url) or _norm(c.email)) for c in contacts}
    for ct in resume.contacts:
        key4 = (_norm(ct.name), _norm(ct.url) or _norm(ct.email))
        action = "skip" if key4 in contact_keys else "create"
        contact_keys.add(key4)
        plan.items.append(
            PlanItem("contact", ct.name, action, "already there" if action == "skip" else "")
        )
        if apply and action == "create":
            session.add(
                Contact(
                    person_id=person_id,
                    name=ct.name[:200],
                    title=ct.title[:200],
                    email=ct.email[:320],
                    linkedin_url=ct.url[:500],
                    relationship="LinkedIn connection",
                    connected_on=to_date(ct.connected_on),
                    notes=f"company: {ct.company}" if ct.company else "",
                )
            )
    if apply:
        extra["resume_entries"] = entries
        person.extra = extra
        if existing_doc is None:
            document = Document(
                person_id=person_id,
                kind=source.kind,
                title=resume.name or source.filename,
                filename=source.filename[:300],
                media_type=source.media_type,
                text=source.text,
                content=source.content,
                sha256=source.sha256,
                data={
                    "format": source.fmt,
                    "warnings": resume.warnings,
                    "sections": resume.sections,
                },
            )
            session.add(document)
            session.flush()
            plan.document_id = document.id
    return plan


def preview(ctx: AppContext, source: ImportSource) -> ImportPlan:
    """What confirm would do; writes nothing."""
    with ctx.db.transaction() as session:
        return _plan(session, ctx.person_id, source, apply=False)


def confirm(ctx: AppContext, source: ImportSource) -> ImportPlan:
    """Write the plan in one transaction: all of it or, on any error, none of it."""
    with ctx.db.transaction() as session:
        return _plan(session, ctx.person_id, source, apply=True)
