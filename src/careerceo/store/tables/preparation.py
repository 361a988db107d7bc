"""Preparing a move: interview questions, answers and practice, rounds, offers, 30-60-90
plans and exits."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Owned


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
