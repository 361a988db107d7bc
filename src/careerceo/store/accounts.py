"""Accounts, sessions, access tokens and login attempts: the queries that find who is acting.

They are not scoped to one person, because they decide who the person is; everything they
return is then used to build an owner-scoped context. Secrets are looked up by their SHA-256,
never stored or compared in clear.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from careerceo.store.access_tables import (
    AccessToken,
    AuthSession,
    LoginAttempt,
    PracticeEvent,
    RecoveryCode,
    TotpFactor,
)
from careerceo.store.tables import Account, Person


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_email(self, email: str) -> Account | None:
        return self.session.scalars(select(Account).where(Account.email == email)).first()

    def get(self, account_id: int) -> Account | None:
        return self.session.get(Account, account_id)

    def list(self) -> Sequence[Account]:
        query = select(Account).where(Account.email.is_not(None)).order_by(Account.email)
        return self.session.scalars(query).all()

    def add(self, account: Account) -> Account:
        self.session.add(account)
        self.session.flush()
        return account

    def person_of(self, account_id: int) -> Person | None:
        """The person whose data the account owns (its own career)."""
        query = select(Person).where(Person.account_id == account_id).order_by(Person.id)
        return self.session.scalars(query.limit(1)).first()

    def account_of(self, person_id: int) -> Account | None:
        person = self.session.get(Person, person_id)
        return None if person is None else self.session.get(Account, person.account_id)

    def remove(self, account_id: int) -> None:
        """Delete the account; the database's cascades take its person and every row the
        person owns, its sessions, tokens, second factor, grants made to it and by it, and the
        comments and audit log kept on its data."""
        self.session.execute(delete(Person).where(Person.account_id == account_id))
        self.session.execute(delete(Account).where(Account.id == account_id))


H = TypeVar("H", AuthSession, AccessToken)


class _Hashed(Generic[H]):
    """A table of secrets looked up by their SHA-256 (sessions, access tokens)."""

    model: type[H]

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: H) -> H:
        self.session.add(row)
        self.session.flush()
        return row

    def by_hash(self, token_hash: str) -> H | None:
        query = select(self.model).where(self.model.token_hash == token_hash)
        return self.session.scalars(query).first()


class SessionRepository(_Hashed[AuthSession]):
    model = AuthSession

    def remove(self, token_hash: str) -> None:
        self.session.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash))

    def remove_all(self, account_id: int) -> int:
        done = self.session.execute(delete(AuthSession).where(AuthSession.account_id == account_id))
        return int(getattr(done, "rowcount", 0) or 0)

    def of_account(self, account_id: int) -> Sequence[AuthSession]:
        query = select(AuthSession).where(AuthSession.account_id == account_id)
        return self.session.scalars(query.order_by(AuthSession.id)).all()

    def remove_pending(self, account_id: int) -> None:
        self.session.execute(
            delete(AuthSession).where(
                AuthSession.account_id == account_id, AuthSession.mfa_pending.is_(True)
            )
        )

    def remove_expired(self, now: datetime) -> None:
        self.session.execute(delete(AuthSession).where(AuthSession.expires_at <= now))


class TokenRepository(_Hashed[AccessToken]):
    model = AccessToken

    def of_account(self, account_id: int) -> Sequence[AccessToken]:
        query = select(AccessToken).where(AccessToken.account_id == account_id)
        return self.session.scalars(query.order_by(AccessToken.id)).all()

    def revoke(self, account_id: int, token_id: int, now: datetime) -> bool:
        done = self.session.execute(
            update(AccessToken)
            .where(
                AccessToken.id == token_id,
                AccessToken.account_id == account_id,
                AccessToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        return bool(getattr(done, "rowcount", 0))


class AttemptRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, *keys: str) -> None:
        self.session.add_all(LoginAttempt(key=key) for key in keys)
        self.session.flush()

    def count_since(self, key: str, since: datetime) -> int:
        query = select(func.count()).where(LoginAttempt.key == key, LoginAttempt.at >= since)
        return int(self.session.scalar(query.select_from(LoginAttempt)) or 0)

    def clear(self, key: str) -> None:
        self.session.execute(delete(LoginAttempt).where(LoginAttempt.key == key))


class FactorRepository:
    """An account's TOTP factor and its recovery codes."""

    def __init__(self, session: Session, account_id: int) -> None:
        self.session = session
        self.account_id = account_id

    def get(self) -> TotpFactor | None:
        query = select(TotpFactor).where(TotpFactor.account_id == self.account_id)
        return self.session.scalars(query).first()

    def replace(self, secret: str) -> TotpFactor:
        """A new, unconfirmed factor in place of any earlier one (and its recovery codes)."""
        self.remove()
        row = TotpFactor(account_id=self.account_id, secret=secret)
        self.session.add(row)
        self.session.flush()
        return row

    def remove(self) -> bool:
        self.session.execute(delete(RecoveryCode).where(RecoveryCode.account_id == self.account_id))
        done = self.session.execute(
            delete(TotpFactor).where(TotpFactor.account_id == self.account_id)
        )
        return bool(getattr(done, "rowcount", 0))

    def add_codes(self, hashes: Sequence[str]) -> None:
        self.session.execute(delete(RecoveryCode).where(RecoveryCode.account_id == self.account_id))
        self.session.add_all(RecoveryCode(account_id=self.account_id, code_hash=h) for h in hashes)
        self.session.flush()

    def use_code(self, code_hash: str, now: datetime) -> bool:
        """Spend a recovery code: true once for each code, never again."""
        done = self.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.account_id == self.account_id,
                RecoveryCode.code_hash == code_hash,
                RecoveryCode.used_at.is_(None),
            )
            .values(used_at=now)
        )
        return bool(getattr(done, "rowcount", 0))

    def codes_left(self) -> int:
        query = select(func.count()).where(
            RecoveryCode.account_id == self.account_id, RecoveryCode.used_at.is_(None)
        )
        return int(self.session.scalar(query.select_from(RecoveryCode)) or 0)


class PracticeLogRepository:
    """Append and read the practice's own log; nothing updates or deletes it."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, action: str, what: str) -> PracticeEvent:
        row = PracticeEvent(action=action[:30], what=what[:200])
        self.session.add(row)
        self.session.flush()
        return row

    def list(self, limit: int = 200) -> Sequence[PracticeEvent]:
        query = select(PracticeEvent).order_by(PracticeEvent.id.desc()).limit(limit)
        return self.session.scalars(query).all()


def count_owned(session: Session, person_id: int) -> dict[str, int]:
    """How many rows of each person-owned table are the person's (what a deletion removes)."""
    from careerceo.store.backup import owned_tables

    out = {}
    for table in owned_tables():
        query = select(func.count()).select_from(table).where(table.c.person_id == person_id)
        out[table.name] = int(session.scalar(query) or 0)
    return out
