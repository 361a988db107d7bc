"""Where a person is going: vision, goals and milestones, monthly reviews and warning-sign
checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Owned


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
