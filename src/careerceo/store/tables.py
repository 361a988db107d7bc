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
    Index,
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
    """A company the person may work for, with the research dossier the method asks for.

    Each dossier part is its own column (not one text blob) so the page can list what is
    still unknown. ``name_key`` is the normalised name ("Google LLC" -> "google") that imports
    link by; it is unique per person so two spellings can never become two companies.
    """

    __tablename__ = "company"
    __table_args__ = (
        UniqueConstraint("person_id", "name", name="uq_company_name"),
        UniqueConstraint("person_id", "name_key", name="uq_company_name_key"),
    )
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    industry: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[str] = mapped_column(String(50), default="")  # size band, e.g. 51-200
    headcount: Mapped[int | None] = mapped_column(Integer)
    revenue: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")  # locations, comma-separated
    products: Mapped[str] = mapped_column(Text, default="")
    mission: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    competitors: Mapped[str] = mapped_column(Text, default="")
    leaders: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{name, role, background}]
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{url, read_on}]
    is_target: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int | None] = mapped_column(Integer)  # 1 (highest) .. 5
    research: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Contact(Owned, Base):
    """A person in the network; ``history`` keeps former employers and titles an import saw."""

    __tablename__ = "contact"
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="", index=True)
    relationship: Mapped[str] = mapped_column(String(100), default="")  # how you know them
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    connected_on: Mapped[date | None] = mapped_column(Date)
    in_search: Mapped[bool] = mapped_column(Boolean, default=False)
    cadence_days: Mapped[int | None] = mapped_column(Integer)  # None: the tag default
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    history: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{company, title, until}]
    source: Mapped[str] = mapped_column(String(50), default="")  # manual | linkedin
    notes: Mapped[str] = mapped_column(Text, default="")


class Interaction(Owned, Base):
    """A conversation with a contact, and the next step agreed in it.

    The two composite indexes serve ``career today`` over a large network: a contact's
    latest interaction is one probe of (person, contact, day), and open next steps are read
    by (person, follow-up date) instead of scanning every interaction.
    """

    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_owner_contact_day", "person_id", "contact_id", "happened_on"),
        Index("ix_interaction_owner_follow_up", "person_id", "follow_up_on"),
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL"), index=True
    )
    happened_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(50), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)  # next step done


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
    """A job in the search pipeline, from target to offer; ``stage_change`` is its history."""

    __tablename__ = "opportunity"
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("company.id", ondelete="SET NULL"), index=True
    )
    posting_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_posting.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    stage: Mapped[str] = mapped_column(String(20), default="target", index=True)
    closed_reason: Mapped[str] = mapped_column(String(30), default="")
    source: Mapped[str] = mapped_column(String(30), default="")  # referral | cold | ...
    url: Mapped[str] = mapped_column(String(1000), default="")
    applied_on: Mapped[date | None] = mapped_column(Date)
    next_action: Mapped[str] = mapped_column(String(500), default="")
    next_action_due: Mapped[date | None] = mapped_column(Date, index=True)
    posted_pay: Mapped[str] = mapped_column(String(200), default="")
    stated_pay: Mapped[str] = mapped_column(String(200), default="")
    stated_to: Mapped[str] = mapped_column(String(200), default="")
    offer: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    negotiation_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    plan_30_60_90: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class StageChange(Owned, Base):
    """An opportunity entering a stage on a date: the history time-in-stage is computed from."""

    __tablename__ = "stage_change"
    # When each opportunity entered its stage (the board's "since") is one probe per card.
    __table_args__ = (
        Index("ix_stage_change_owner_opportunity_day", "person_id", "opportunity_id", "entered_on"),
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(20))
    entered_on: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer, default=0)  # order of entries on the same day
    reason: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class OpportunityContact(Owned, Base):
    """A person attached to an opportunity in a role: referrer, hiring manager, recruiter."""

    __tablename__ = "opportunity_contact"
    __table_args__ = (
        UniqueConstraint("opportunity_id", "contact_id", "role", name="uq_opportunity_contact"),
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(30), default="")


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


class PathCollection(Owned, Base):
    """Reference profiles gathered to learn how people reached a target role (issue 15)."""

    __tablename__ = "path_collection"
    __table_args__ = (UniqueConstraint("person_id", "name", name="uq_path_collection_name"),)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(String(200), default="")
    # Third parties' data: left out of anything shared unless the person opts in.
    include_in_exports: Mapped[bool] = mapped_column(Boolean, default=False)
    # Raised by one in the transaction of every write to the collection's positions, so a
    # columnar copy made at revision N is known current exactly while this is still N.
    data_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class PathProfile(Owned, Base):
    """One reference person, pseudonymised unless the name was kept on purpose."""

    __tablename__ = "path_profile"
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("path_collection.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(200))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(300), default="")
    # A keyed hash of who the profile is, so the same person imported twice is recognised
    # without storing their name.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    education: Mapped[list[Any]] = mapped_column(JSON, default=list)
    certifications: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PathPosition(Owned, Base):
    """A reference profile's position; months are ``year * 12 + month - 1`` for fast maths."""

    __tablename__ = "path_position"
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("path_profile.id", ondelete="CASCADE"), index=True
    )
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("path_collection.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)  # chronological order within the profile
    title: Mapped[str] = mapped_column(String(200))
    title_key: Mapped[str] = mapped_column(String(200))
    employer: Mapped[str] = mapped_column(String(200), default="")
    start_month: Mapped[int | None] = mapped_column(Integer)
    end_month: Mapped[int | None] = mapped_column(Integer)
    current: Mapped[bool] = mapped_column(Boolean, default=False)
    start_precision: Mapped[str] = mapped_column(String(10), default="none")
    end_precision: Mapped[str] = mapped_column(String(10), default="none")
    internship: Mapped[bool] = mapped_column(Boolean, default=False)
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    confidence: Mapped[float | None] = mapped_column(Float)
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    employer_size: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    location: Mapped[str | None] = mapped_column(String(200))


# -- interviewing and leaving well -----------------------------------------------------------
# Links to the job-search pipeline (opportunity, contact) are nullable: a plan can stand on a
# target occupation or a saved posting alone, and deleting the opportunity keeps the plan.


class InterviewQuestion(Owned, Base):
    """A question the person added to their bank, or met in an interview (from a debrief)."""

    __tablename__ = "interview_question"
    category: Mapped[str] = mapped_column(String(20), default="own")
    text: Mapped[str] = mapped_column(Text)
    tests: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="own")  # own | debrief
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_round.id", ondelete="SET NULL"), index=True
    )


class InterviewAnswer(Owned, Base):
    """The person's answer to one question (bank id such as ``beh-02`` or ``own-7``)."""

    __tablename__ = "interview_answer"
    __table_args__ = (UniqueConstraint("person_id", "question_key", name="uq_answer_question"),)
    question_key: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    accomplishment_id: Mapped[int | None] = mapped_column(
        ForeignKey("accomplishment.id", ondelete="SET NULL"), index=True
    )
    reflection: Mapped[str] = mapped_column(Text, default="")


class PracticeAttempt(Owned, Base):
    """One practised question; the spaced-repetition state is replayed from these rows."""

    __tablename__ = "practice_attempt"
    question_key: Mapped[str] = mapped_column(String(40), index=True)
    practised_on: Mapped[date] = mapped_column(Date)
    rating: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    session_uid: Mapped[str] = mapped_column(String(36), default="")


class InterviewRound(Owned, Base):
    """One interview round: its prep and, afterwards, the debrief."""

    __tablename__ = "interview_round"
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL"), index=True
    )
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    company: Mapped[str] = mapped_column(String(200), default="")
    round_type: Mapped[str] = mapped_column(String(30))
    scheduled_on: Mapped[date | None] = mapped_column(Date)
    interviewers: Mapped[str] = mapped_column(String(500), default="")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    debrief: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    thank_you_due: Mapped[date | None] = mapped_column(Date)
    thank_you_sent_on: Mapped[date | None] = mapped_column(Date)


class OfferPrep(Owned, Base):
    """Before a negotiation: what was said before, the terms, the asks and the walk-away line."""

    __tablename__ = "offer_prep"
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL"), index=True
    )
    company: Mapped[str] = mapped_column(String(200), default="")
    stated_before: Mapped[str] = mapped_column(Text, default="")
    terms: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    points: Mapped[list[Any]] = mapped_column(JSON, default=list)
    walk_away: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Plan306090(Owned, Base):
    """A 30-60-90-day plan for a target role; ``content`` holds the phases and lists."""

    __tablename__ = "plan306090"
    title: Mapped[str] = mapped_column(String(300))
    occupation_code: Mapped[str | None] = mapped_column(String(12))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunity.id", ondelete="SET NULL"), index=True
    )
    posting_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_posting.id", ondelete="SET NULL"), index=True
    )
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ExitPlan(Owned, Base):
    """Leaving the current role well: the dates; the items hang below it."""

    __tablename__ = "exit_plan"
    employer: Mapped[str] = mapped_column(String(200), default="")
    position_id: Mapped[int | None] = mapped_column(
        ForeignKey("position.id", ondelete="SET NULL"), index=True
    )
    notice_given_on: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class ExitItem(Owned, Base):
    """A relationship, dispute, handover, reference, checklist step or covenant of an exit."""

    __tablename__ = "exit_item"
    exit_plan_id: Mapped[int] = mapped_column(
        ForeignKey("exit_plan.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    due_on: Mapped[date | None] = mapped_column(Date)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    counterpart: Mapped[str] = mapped_column(String(200), default="")  # to whom / with whom
    cadence_days: Mapped[int | None] = mapped_column(Integer)  # relationships: keep in touch
    covenant_type: Mapped[str | None] = mapped_column(String(30))  # covenants only
    touches: Mapped[list[Any]] = mapped_column(JSON, default=list)  # covenants: item uids


# The access tables (sessions, tokens, grants, audit) share this metadata; imported last because
# they build on the classes above.
from careerceo.store import access_tables as _access_tables  # noqa: E402, F401
