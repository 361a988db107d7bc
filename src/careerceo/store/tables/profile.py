"""What a person has: the skills inventory, work history, education, certifications,
languages and accomplishments."""

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
