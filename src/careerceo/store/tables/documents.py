"""Stored documents (résumés and their versions) and the reference path collections people
learn from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Owned


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
