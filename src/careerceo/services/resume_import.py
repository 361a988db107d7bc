"""Importing a résumé or LinkedIn export: read, preview what would change, then confirm.

Preview and confirm run the same plan, so what the person approved is what is written, in one
transaction. Re-importing is idempotent: the file itself is recognised by its SHA-256, and each
entry by a natural key (employer + title + start for a position, institution + degree for
education, ...), so the same file twice creates nothing new and a newer version of a résumé
adds only what is new.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from careerceo.analysis.wording import clip
from careerceo.documents.limits import MAX_ENTRIES, MAX_FILE_BYTES, MAX_ZIP_BYTES
from careerceo.documents.linkedin_export import read_export_folder
from careerceo.documents.parse_worker import ParseLimits, parse_isolated
from careerceo.documents.read_any import plain_name
from careerceo.errors import CareerError
from careerceo.model.profile import ProfileInput
from careerceo.model.resume import Resume, ResumeEducation, ResumePosition
from careerceo.services.context import AppContext
from careerceo.settings import load_settings
from careerceo.store.documents import DocumentRepository
from careerceo.store.job_search import ContactRepository
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
from careerceo.store.tables import (
    Certification,
    Contact,
    Document,
    Education,
    InventoryEntry,
    Language,
    Position,
)
from careerceo.text.dates import to_date

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


def parse_limits() -> ParseLimits:
    """The limits set by CAREER_PARSE_SECONDS / CAREER_PARSE_MEMORY_MB, read at each import so
    a changed setting applies without a restart."""
    settings = load_settings()
    return ParseLimits(seconds=settings.parse_seconds, memory_mb=settings.parse_memory_mb)


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
    parsed = parse_isolated({name: data}, limits=limits or parse_limits())
    return ImportSource(
        name, parsed.kind, parsed.fmt, parsed.media_type, data, parsed.text, parsed.resume
    )


def read_path(path: Path, limits: ParseLimits | None = None) -> ImportSource:
    """A file, or a folder holding an unzipped LinkedIn export."""
    if path.is_dir():
        files = read_export_folder(path)
        parsed = parse_isolated(files, folder=path.name, limits=limits or parse_limits())
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


UNKNOWN = "(unknown)"
LEVEL_WORDS = {
    "master": 5, "expert": 5, "advanced": 4, "proficient": 4, "experienced": 4,
    "intermediate": 3, "practitioner": 3, "competent": 3, "beginner": 2, "basic": 2,
    "novice": 2, "familiar": 2, "elementary": 2, "aware": 1,
}  # fmt: skip


def _known(value: str | None) -> bool:
    return bool(value) and _norm(value) != UNKNOWN


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _skill_key(name: str) -> str:
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
            key = _skill_key(name)
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


def _same_position(rows: list[Position], p: ResumePosition, taken: set[int]) -> Position | None:
    """The stored position this parsed one is (the same job, maybe worded or dated a little
    differently in a newer version of the résumé), or None."""
    employer, title, start = (
        _norm(p.employer or UNKNOWN),
        _norm(p.title or UNKNOWN),
        to_date(p.start),
    )
    best: Position | None = None
    for row in rows:
        if row.id in taken:
            continue
        same_employer = _norm(row.employer) == employer
        same_title = _norm(row.title) == title
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
                and UNKNOWN in (_norm(row.employer), employer)
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


def _position_changes(
    row: Position, p: ResumePosition, description: str, entry: dict[str, Any] | None
) -> list[str]:
    changes: list[str] = []
    if p.title and _norm(row.title) != _norm(p.title):
        changes.append(f"title {row.title} \u2192 {p.title}")
    if p.employer and not _known(row.employer):
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


def _apply_position(
    row: Position, p: ResumePosition, description: str, entry: dict[str, Any] | None
) -> None:
    if p.title:
        row.title = p.title[:200]
    if p.employer and not _known(row.employer):
        row.employer = p.employer[:200]
    row.start_date = to_date(p.start) or row.start_date
    row.end_date = to_date(p.end)
    if p.location and not row.location:
        row.location = p.location[:200]
    imported = _imported_description(entry)
    if description and (imported is None or _words(imported) == _words(row.description)):
        row.description = description


def _position_entry(
    p: ResumePosition, source: ImportSource, origin: dict[str, str]
) -> dict[str, Any]:
    return {
        "batch": source.sha256[:16],  # which file: the author's order holds within one
        "start": p.start,
        "end": p.end,
        "summary": p.summary,
        "highlights": p.highlights,
        "url": p.url,
        "description": p.description,
        "source": {**origin, "line": p.line},
    }


def _same_education(rows: list[Education], e: ResumeEducation) -> Education | None:
    """The same degree: same school and degree, or the same degree and field where one side
    did not name the school (so a degree read without its school is not added again)."""
    institution, degree, field_ = _norm(e.institution or UNKNOWN), _norm(e.degree), _norm(e.field)
    for row in rows:
        same_school = _norm(row.institution) == institution
        if same_school and (_norm(row.degree) == degree or not degree or not row.degree):
            return row
        unknown = UNKNOWN in (_norm(row.institution), institution)
        if unknown and degree and _norm(row.degree) == degree and _norm(row.field) == field_:
            return row
    return None


def _education_changes(row: Education, e: ResumeEducation) -> list[str]:
    changes = []
    if e.institution and not _known(row.institution):
        changes.append(f"school \u2192 {e.institution}")
    if e.degree and not row.degree:
        changes.append(f"degree \u2192 {e.degree}")
    if e.field and not row.field:
        changes.append(f"field \u2192 {e.field}")
    if e.end and row.end_date is None:
        changes.append(f"end \u2192 {e.end}")
    return changes


def _plan(session: Session, person_id: int, source: ImportSource, apply: bool) -> ImportPlan:
    resume = source.resume
    _check_counts(resume)
    plan = ImportPlan(source.filename, source.fmt, warnings=list(resume.warnings))
    existing_doc = DocumentRepository(session, person_id).with_sha256(source.sha256)
    if existing_doc is not None:
        plan.items.append(PlanItem("document", source.filename, "skip", "already imported"))
        plan.document_id = existing_doc.id
    else:
        plan.items.append(PlanItem("document", source.filename, "create"))
    person = PersonRepository(session, person_id).get()
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

    origin = {"file": source.filename, "sha256": source.sha256[:16]}
    positions = list(PositionRepository(session, person_id).in_order_added())
    taken: set[int] = set()
    for p in resume.positions:
        label = f"{p.title or '?'} at {p.employer or '?'} ({p.start or '?'}\u2013{p.end or 'now'})"
        description = "\n".join([p.summary, *(f"• {h}" for h in p.highlights)]).strip()
        row = _same_position(positions, p, taken)
        if row is not None:
            taken.add(row.id)
            changes = _position_changes(row, p, description, entries.get(row.uid))
            if not changes:
                plan.items.append(PlanItem("position", label, "skip", "already there"))
                continue
            plan.items.append(PlanItem("position", label, "update", "; ".join(changes)))
            if apply:
                _apply_position(row, p, description, entries.get(row.uid))
                entries[row.uid] = _position_entry(p, source, origin)
            continue
        plan.items.append(PlanItem("position", label, "create"))
        if apply:
            row = Position(
                person_id=person_id,
                employer=p.employer[:200] or UNKNOWN,
                title=p.title[:200] or UNKNOWN,
                start_date=to_date(p.start),
                end_date=to_date(p.end),
                location=p.location[:200],
                description=description,
            )
            session.add(row)
            session.flush()
            taken.add(row.id)
            positions.append(row)
            entries[row.uid] = _position_entry(p, source, origin)
    educations = list(EducationRepository(session, person_id).list())
    for e in resume.education:
        label = " — ".join(x for x in (e.institution, e.degree, e.field) if x)
        erow = _same_education(educations, e)
        if erow is not None:
            fill = _education_changes(erow, e)
            if not fill:
                plan.items.append(PlanItem("education", label, "skip", "already there"))
                continue
            plan.items.append(PlanItem("education", label, "update", "; ".join(fill)))
            if apply:
                erow.institution = (
                    erow.institution
                    if _known(erow.institution)
                    else (e.institution[:200] or UNKNOWN)
                )
                erow.degree = erow.degree or e.degree[:200]
                erow.field = erow.field or e.field[:200]
                erow.end_date = erow.end_date or to_date(e.end)
            continue
        plan.items.append(PlanItem("education", label, "create"))
        if apply:
            erow = Education(
                person_id=person_id,
                institution=e.institution[:200] or UNKNOWN,
                degree=e.degree[:200],
                field=e.field[:200],
                start_date=to_date(e.start),
                end_date=to_date(e.end),
                grade=e.grade[:100],
                description=e.description,
            )
            session.add(erow)
            session.flush()
            educations.append(erow)
            entries[erow.uid] = {
                "start": e.start,
                "end": e.end,
                "courses": e.courses,
                "url": e.url,
                "source": {**origin, "line": e.line},
            }
    certs = CertificationRepository(session, person_id).list()
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
    langs = {_norm(x.name) for x in LanguageRepository(session, person_id).list()}
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
        _skill_key(x.name) for x in InventoryRepository(session, person_id).list(kind="skill")
    }
    for item in skills_to_import(resume, source.filename):
        key = _skill_key(item.name)
        action = "skip" if key in skills else "create"
        skills.add(key)
        plan.items.append(
            PlanItem(
                "skill",
                item.name,
                action,
                "already in your inventory" if action == "skip" else item.evidence,
            )
        )
        if apply and action == "create":
            srow = InventoryEntry(
                person_id=person_id,
                kind="skill",
                name=item.name[:200],
                level=item.level,
                evidence=item.evidence[:500],
            )
            session.add(srow)
            session.flush()
            entries[srow.uid] = {"source": {**origin, "line": item.line}}
    if resume.skills:
        groups = [{"name": s.name, "level": s.level, "keywords": s.keywords} for s in resume.skills]
        if apply and not extra.get("skill_groups"):
            extra["skill_groups"] = groups
    contacts = ContactRepository(session, person_id).list()
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
