"""Who signs in and whose career it is: every owned row hangs off a ``person``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Stamped


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
