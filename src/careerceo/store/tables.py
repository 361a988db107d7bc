"""The database schema: every row a person owns carries ``person_id``.

Ownership is on every table (not only on the aggregate roots) so that any query can be scoped
to one person with a single filter, which is what lets a coaching practice host many clients
in one database. ``uid`` is a stable, database-independent identity used by backups and by
imports, so that export → import → export reproduces the same document.

Schema changes go through an Alembic migration in ``store/migrations/versions``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Stamped:
    """Identity and timestamps shared by every table."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Owned(Stamped):
    """A row that belongs to one person; deleting the person deletes it."""

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)


class Account(Stamped, Base):
    """Who signs in: one person using the app alone, or a coach with many clients."""

    __tablename__ = "account"
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    # person (the local single-user account) | client | coach | admin
    role: Mapped[str] = mapped_column(String(20), default="person")
    password_hash: Mapped[str | None] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class Person(Stamped, Base):
    """The person whose career this is; the owner of everything else."""

    __tablename__ = "person"
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(200), default="")
    headline: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    # Open-ended profile data (JSON Resume basics.location, profiles, volunteer work, awards,
    # publications, interests, references, projects) kept verbatim so imports lose nothing.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class InventoryEntry(Owned, Base):
    """A skill, knowledge area or personal attribute, and what the person means to do with it."""

    __tablename__ = "inventory_entry"
    __table_args__ = (UniqueConstraint("person_id", "kind", "name", name="uq_inventory_name"),)
    kind: Mapped[str] = mapped_column(String(20))  # skill | knowledge | attribute
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer, default=3)  # 1 (aware) .. 5 (expert)
    intent: Mapped[str] = mapped_column(String(10), default="keep")  # keep | drop | add
    evidence: Mapped[str] = mapped_column(Text, default="")
    taxonomy: Mapped[str | None] = mapped_column(String(20))  # onet | esco | tech | None
    concept_id: Mapped[str | None] = mapped_column(String(200))


class Position(Owned, Base):
    __tablename__ = "position"
    employer: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)  # None while current
    location: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    seniority: Mapped[str | None] = mapped_column(String(40))


class Education(Owned, Base):
    __tablename__ = "education"
    institution: Mapped[str] = mapped_column(String(200))
    degree: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Certification(Owned, Base):
    __tablename__ = "certification"
    name: Mapped[str] = mapped_column(String(300))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    credential_id: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")


class Language(Owned, Base):
    __tablename__ = "language"
    name: Mapped[str] = mapped_column(String(100))
    proficiency: Mapped[str] = mapped_column(String(100), default="")


class Vision(Owned, Base):
    """A written vision; every save is a new row, so the history is the table."""

    __tablename__ = "vision"
    text: Mapped[str] = mapped_column(Text)


class Goal(Owned, Base):
    __tablename__ = "goal"
    title: Mapped[str] = mapped_column(String(300))
    horizon: Mapped[str] = mapped_column(String(10), default="1y")  # 1y | 2y | long
    target_role: Mapped[str] = mapped_column(String(200), default="")
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    why: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | done | dropped


class GoalRevision(Owned, Base):
    """A goal as it was before an edit: the edit history."""

    __tablename__ = "goal_revision"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class Milestone(Owned, Base):
    __tablename__ = "milestone"
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    measure: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done | dropped
    completed_on: Mapped[date | None] = mapped_column(Date)


class Review(Owned, Base):
    """The monthly CEO review; ``details`` holds activities, wins, ratings and progress."""

    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("person_id", "month", name="uq_review_month"),)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    alignment: Mapped[float | None] = mapped_column(Float)


class ReviewRevision(Owned, Base):
    """A review as it was before an edit."""

    __tablename__ = "review_revision"
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"), index=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class SignalAssessment(Owned, Base):
    """One warning-signs check: the answers and the scores computed from them."""

    __tablename__ = "signal_assessment"
    taken_on: Mapped[date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    overall: Mapped[float | None] = mapped_column(Float)


class Accomplishment(Owned, Base):
    __tablename__ = "accomplishment"
    position_id: Mapped[int | None] = mapped_column(
        ForeignKey("position.id", ondelete="SET NULL"), index=True
    )
    happened_on: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300), default="")
    situation: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    metrics: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Company(Owned, Base):
    __tablename__ = "company"
    __table_args__ = (UniqueConstraint("person_id", "name", name="uq_company_name"),)
    name: Mapped[str] = mapped_column(String(200))
    website: Mapped[str] = mapped_column(String(500), default="")
    industry: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    research: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Contact(Owned, Base):
    __tablename__ = "contact"
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    relationship: Mapped[str] = mapped_column(String(100), default="")
    connected_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Interaction(Owned, Base):
    __tablename__ = "interaction"
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    happened_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(50), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)


class JobPosting(Owned, Base):
    """A job description the person saved, the text the gap and tailoring analyses read."""

    __tablename__ = "job_posting"
    title: Mapped[str] = mapped_column(String(300))
    company_name: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Opportunity(Owned, Base):
    """A job in the search pipeline, from target to offer."""

    __tablename__ = "opportunity"
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    posting_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_posting.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(20), default="target")
    applied_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    plan_30_60_90: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Interview(Owned, Base):
    __tablename__ = "interview"
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(50), default="")
    interviewers: Mapped[str] = mapped_column(String(500), default="")
    preparation: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(50), default="")


class Document(Owned, Base):
    """A résumé, cover letter, LinkedIn section or other file, and its tailored versions."""

    __tablename__ = "document"
    kind: Mapped[str] = mapped_column(
        String(30)
    )  # resume | cover_letter | linkedin | pitch | other
    title: Mapped[str] = mapped_column(String(300), default="")
    filename: Mapped[str] = mapped_column(String(300), default="")
    media_type: Mapped[str] = mapped_column(String(100), default="text/plain")
    text: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )
    target_posting_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_posting.id", ondelete="SET NULL"), index=True
    )
    target_occupation_code: Mapped[str | None] = mapped_column(String(12))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# The access tables (sessions, tokens, grants, audit) share this metadata; imported last because
# they build on the classes above.
from careerceo.store import access_tables as _access_tables  # noqa: E402, F401
