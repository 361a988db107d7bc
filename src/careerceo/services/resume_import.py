"""Importing a résumé or LinkedIn export: read, preview what would change, then confirm.

Preview and confirm run the same plan, so what the person approved is what is written, in one
transaction. Re-importing is idempotent: the file itself is recognised by its SHA-256, and each
entry by a natural key (employer + title + start for a position, institution + degree for
education, ...), so the same file twice creates nothing new and a newer version of a résumé
adds only what is new.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationError, computed_field
from sqlalchemy.orm import Session

from careerceo.analysis.wording import clip
from careerceo.model.profile import ProfileInput
from careerceo.services.context import AppContext
from careerceo.services.resume_matching import (
    UNKNOWN,
    ImportedSkill,
    apply_position,
    education_changes,
    known,
    norm,
    position_changes,
    position_entry,
    same_education,
    same_position,
    skill_key,
    skills_to_import,
)
from careerceo.services.resume_source import (
    ImportSource,
    check_counts,
    parse_limits,
    read_path,
    read_source,
)
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
    Person,
    Position,
)
from careerceo.text.dates import to_date

__all__ = [
    "ImportPlan",
    "ImportSource",
    "ImportedSkill",
    "PlanItem",
    "confirm",
    "parse_limits",
    "preview",
    "read_path",
    "read_source",
    "skills_to_import",
]

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


class PlanItem(BaseModel):
    """One line of the plan: what it is about, and whether the import creates, updates or
    skips it (and why)."""

    entity: str  # document | profile | position | education | certification | skill | ...
    label: str
    action: str  # create | update | skip
    reason: str = ""


class ImportPlan(BaseModel):
    """What an import would do (preview) or did (confirm): the one shape the CLI, the web page
    and the API all render (``model_dump(by_alias=True)`` is the JSON)."""

    filename: str
    fmt: str = Field(serialization_alias="format")
    document_id: int | None = None
    items: list[PlanItem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for item in self.items if item.action == action)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "skip")}

    def add(self, entity: str, label: str, action: str, reason: str = "") -> None:
        self.items.append(PlanItem(entity=entity, label=label, action=action, reason=reason))


class _Planner:
    """One run of the plan over one person's rows; each step plans (and, when applying,
    writes) one kind of entry, and every step records what it would do in ``plan``."""

    def __init__(self, session: Session, person_id: int, source: ImportSource, apply: bool):
        self.session, self.person_id, self.source, self.apply = session, person_id, source, apply
        self.resume = source.resume
        self.plan = ImportPlan(
            filename=source.filename, fmt=source.fmt, warnings=list(self.resume.warnings)
        )
        self.origin = {"file": source.filename, "sha256": source.sha256[:16]}
        self.person: Person = PersonRepository(session, person_id).get()
        self.extra: dict[str, Any] = dict(self.person.extra or {})
        self.entries: dict[str, Any] = {}

    def run(self) -> ImportPlan:
        check_counts(self.resume)
        existing = DocumentRepository(self.session, self.person_id).with_sha256(self.source.sha256)
        if existing is not None:
            self.plan.add("document", self.source.filename, "skip", "already imported")
            self.plan.document_id = existing.id
        else:
            self.plan.add("document", self.source.filename, "create")
        self.profile()
        self.extras()
        self.entries = dict(self.extra.get("resume_entries") or {})
        self.positions()
        self.educations()
        self.certifications()
        self.languages()
        self.skills()
        self.contacts()
        if self.apply:
            self.extra["resume_entries"] = self.entries
            self.person.extra = self.extra
            if existing is None:
                self.document()
        return self.plan

    def _add(self, row: Any) -> Any:
        self.session.add(row)
        self.session.flush()
        return row

    def profile(self) -> None:
        resume, person = self.resume, self.person
        for column, attribute in PERSON_FIELDS:
            raw = getattr(resume, attribute)
            current = getattr(person, column)
            if not raw:
                continue
            value = _profile_value(column, raw[:300] if column == "headline" else raw)
            if value is None:
                self.plan.add(
                    "profile", f"{column}: {clip(raw, 60)}", "skip", f"not a valid {column}"
                )
                continue
            label = f"{column}: {clip(value, 60)}"
            if norm(current) == norm(value):
                self.plan.add("profile", label, "skip", "same")
            elif current:
                self.plan.add("profile", label, "skip", "kept yours")
            else:
                self.plan.add("profile", label, "update")
                if self.apply:
                    setattr(person, column, value[:300] if column == "headline" else value)

    def extras(self) -> None:
        incoming = dict(self.resume.extra)
        if self.resume.image:
            incoming["image"] = self.resume.image  # no column for it; kept with the other extras
        for key, value in incoming.items():
            if key in ("linkedin_files",):
                continue
            if key in self.extra:
                self.plan.add("extra", key, "skip", "already there")
            else:
                self.plan.add("extra", key, "create")
                self.extra[key] = value

    def positions(self) -> None:
        positions = list(PositionRepository(self.session, self.person_id).in_order_added())
        taken: set[int] = set()
        for p in self.resume.positions:
            label = (
                f"{p.title or '?'} at {p.employer or '?'} ({p.start or '?'}\u2013{p.end or 'now'})"
            )
            description = "\n".join([p.summary, *(f"• {h}" for h in p.highlights)]).strip()
            row = same_position(positions, p, taken)
            if row is not None:
                taken.add(row.id)
                changes = position_changes(row, p, description, self.entries.get(row.uid))
                if not changes:
                    self.plan.add("position", label, "skip", "already there")
                    continue
                self.plan.add("position", label, "update", "; ".join(changes))
                if self.apply:
                    apply_position(row, p, description, self.entries.get(row.uid))
                    self.entries[row.uid] = position_entry(p, self.origin)
                continue
            self.plan.add("position", label, "create")
            if self.apply:
                row = self._add(
                    Position(
                        person_id=self.person_id,
                        employer=p.employer[:200] or UNKNOWN,
                        title=p.title[:200] or UNKNOWN,
                        start_date=to_date(p.start),
                        end_date=to_date(p.end),
                        location=p.location[:200],
                        description=description,
                    )
                )
                taken.add(row.id)
                positions.append(row)
                self.entries[row.uid] = position_entry(p, self.origin)

    def educations(self) -> None:
        educations = list(EducationRepository(self.session, self.person_id).list())
        for e in self.resume.education:
            label = " — ".join(x for x in (e.institution, e.degree, e.field) if x)
            erow = same_education(educations, e)
            if erow is not None:
                fill = education_changes(erow, e)
                if not fill:
                    self.plan.add("education", label, "skip", "already there")
                    continue
                self.plan.add("education", label, "update", "; ".join(fill))
                if self.apply:
                    erow.institution = (
                        erow.institution
                        if known(erow.institution)
                        else (e.institution[:200] or UNKNOWN)
                    )
                    erow.degree = erow.degree or e.degree[:200]
                    erow.field = erow.field or e.field[:200]
                    erow.end_date = erow.end_date or to_date(e.end)
                continue
            self.plan.add("education", label, "create")
            if self.apply:
                erow = self._add(
                    Education(
                        person_id=self.person_id,
                        institution=e.institution[:200] or UNKNOWN,
                        degree=e.degree[:200],
                        field=e.field[:200],
                        start_date=to_date(e.start),
                        end_date=to_date(e.end),
                        grade=e.grade[:100],
                        description=e.description,
                    )
                )
                educations.append(erow)
                self.entries[erow.uid] = {
                    "start": e.start,
                    "end": e.end,
                    "courses": e.courses,
                    "url": e.url,
                    "source": {**self.origin, "line": e.line},
                }

    def _new(self, entity: str, label: str, key: Any, seen: set[Any], why: str = "") -> bool:
        """Plan one entry recognised by ``key``; True when it is new (and should be written)."""
        action = "skip" if key in seen else "create"
        seen.add(key)
        self.plan.add(entity, label, action, why if action == "create" else "already there")
        return self.apply and action == "create"

    def certifications(self) -> None:
        certs = CertificationRepository(self.session, self.person_id).list()
        seen = {(norm(c.name), norm(c.issuer)) for c in certs}
        for c in self.resume.certifications:
            if self._new("certification", c.name, (norm(c.name), norm(c.issuer)), seen):
                crow = self._add(
                    Certification(
                        person_id=self.person_id,
                        name=c.name[:300],
                        issuer=c.issuer[:200],
                        issued_on=to_date(c.date),
                        expires_on=to_date(c.expires),
                        credential_id=c.credential_id[:200],
                        url=c.url[:500],
                    )
                )
                self.entries[crow.uid] = {"date": c.date}

    def languages(self) -> None:
        seen = {norm(x.name) for x in LanguageRepository(self.session, self.person_id).list()}
        for lang in self.resume.languages:
            if self._new("language", lang.name, norm(lang.name), seen):
                self.session.add(
                    Language(
                        person_id=self.person_id,
                        name=lang.name[:100],
                        proficiency=lang.fluency[:100],
                    )
                )

    def skills(self) -> None:
        inventory = InventoryRepository(self.session, self.person_id).list(kind="skill")
        seen = {skill_key(x.name) for x in inventory}
        for item in skills_to_import(self.resume, self.source.filename):
            key = skill_key(item.name)
            if key in seen:
                self.plan.add("skill", item.name, "skip", "already in your inventory")
                continue
            seen.add(key)
            self.plan.add("skill", item.name, "create", item.evidence)
            if self.apply:
                srow = self._add(
                    InventoryEntry(
                        person_id=self.person_id,
                        kind="skill",
                        name=item.name[:200],
                        level=item.level,
                        evidence=item.evidence[:500],
                    )
                )
                self.entries[srow.uid] = {"source": {**self.origin, "line": item.line}}
        if self.resume.skills and self.apply and not self.extra.get("skill_groups"):
            self.extra["skill_groups"] = [
                {"name": s.name, "level": s.level, "keywords": s.keywords}
                for s in self.resume.skills
            ]

    def contacts(self) -> None:
        stored = ContactRepository(self.session, self.person_id).list()
        seen = {(norm(c.name), norm(c.linkedin_url) or norm(c.email)) for c in stored}
        for ct in self.resume.contacts:
            if self._new("contact", ct.name, (norm(ct.name), norm(ct.url) or norm(ct.email)), seen):
                self.session.add(
                    Contact(
                        person_id=self.person_id,
                        name=ct.name[:200],
                        title=ct.title[:200],
                        email=ct.email[:320],
                        linkedin_url=ct.url[:500],
                        relationship="LinkedIn connection",
                        connected_on=to_date(ct.connected_on),
                        notes=f"company: {ct.company}" if ct.company else "",
                    )
                )

    def document(self) -> None:
        source = self.source
        document = self._add(
            Document(
                person_id=self.person_id,
                kind=source.kind,
                title=self.resume.name or source.filename,
                filename=source.filename[:300],
                media_type=source.media_type,
                text=source.text,
                content=source.content,
                sha256=source.sha256,
                data={
                    "format": source.fmt,
                    "warnings": self.resume.warnings,
                    "sections": self.resume.sections,
                },
            )
        )
        self.plan.document_id = document.id


def preview(ctx: AppContext, source: ImportSource) -> ImportPlan:
    """What confirm would do; writes nothing."""
    with ctx.db.transaction() as session:
        return _Planner(session, ctx.person_id, source, apply=False).run()


def confirm(ctx: AppContext, source: ImportSource) -> ImportPlan:
    """Write the plan in one transaction: all of it or, on any error, none of it."""
    with ctx.db.transaction() as session:
        return _Planner(session, ctx.person_id, source, apply=True).run()
