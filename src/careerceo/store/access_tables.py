"""Who may sign in and who may see what: sessions, access tokens, login attempts, a client's
grants to a coach, the coach's comments and the audit log.

These rows describe access to a person's data, not the data itself, so they are keyed by
``client_id`` (the person whose data it is) rather than ``person_id``: a backup of a person
carries their career, not the practice's sessions, tokens or audit trail.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from careerceo.store.tables.base import Base, Stamped, utcnow


class AuthSession(Stamped, Base):
    """A browser signed in. Only the SHA-256 of the cookie's value is stored."""

    __tablename__ = "auth_session"
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # the password was right but the second factor is still to come: this row signs nobody in
    mfa_pending: Mapped[bool] = mapped_column(Boolean, default=False)


class AccessToken(Stamped, Base):
    """A personal access token for scripts; shown once, stored as its SHA-256."""

    __tablename__ = "access_token"
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginAttempt(Base):
    """A failed login, counted per account and per address for the rate limit."""

    __tablename__ = "login_attempt"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), index=True)  # "account:<email>" | "address:<ip>"
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class AccessGrant(Stamped, Base):
    """A client lets a coach read (or read and comment on) one area of their data."""

    __tablename__ = "access_grant"
    client_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(10))  # read | comment
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class CoachComment(Stamped, Base):
    """A coach's note on a client's area: kept apart from the client's own rows."""

    __tablename__ = "coach_comment"
    client_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """Who read, exported or changed what of a client's, when and from where. Append-only: the
    repository has no update or delete."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(320))  # the e-mail, kept if the account goes
    action: Mapped[str] = mapped_column(String(20))  # read | export | change | grant | revoke
    what: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(64), default="")


class TotpFactor(Base):
    """An account's TOTP second factor (RFC 6238). The secret must be readable to check a code,
    so it is kept as is; it is useless without the password. ``confirmed_at`` is empty while
    the owner has not yet typed a first code (the factor is then not required)."""

    __tablename__ = "totp_factor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), unique=True
    )
    secret: Mapped[str] = mapped_column(String(64))  # base32
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_step: Mapped[int | None] = mapped_column(Integer)  # a code is accepted once


class RecoveryCode(Base):
    """A one-time code that stands in for the second factor; stored as its SHA-256."""

    __tablename__ = "recovery_code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class PracticeEvent(Base):
    """The practice's own log of what outlives a client: an account deleted, a second factor
    reset by the admin. It names accounts by number and role only, never by e-mail or name, so
    nothing personal is left once a client has gone. Append-only."""

    __tablename__ = "practice_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(30))
    what: Mapped[str] = mapped_column(String(200))
