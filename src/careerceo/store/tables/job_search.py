"""The job search: companies, contacts and their interactions, postings, opportunities and
their stages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Owned


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
