"""A client's grants to coaches, the coaches' comments and the audit log, scoped to the client.

Like ``OwnedRepository``, every query carries the client's id, so one client's grants, comments
or audit trail can never be read through another's repository. The coach's side (which clients
granted me what) is the one query keyed by the coach, and returns only live grants.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from careerceo.store.access_tables import AccessGrant, AuditEvent, CoachComment
from careerceo.store.tables import Account, Person


class _ClientScoped:
    """Every query of these repositories carries the client's id."""

    def __init__(self, session: Session, client_id: int) -> None:
        self.session = session
        self.client_id = client_id


class GrantRepository(_ClientScoped):
    def add(self, coach_id: int, area: str, level: str) -> AccessGrant:
        row = AccessGrant(client_id=self.client_id, coach_id=coach_id, area=area, level=level)
        self.session.add(row)
        self.session.flush()
        return row

    def live(self, coach_id: int | None = None) -> Sequence[AccessGrant]:
        query = select(AccessGrant).where(
            AccessGrant.client_id == self.client_id, AccessGrant.revoked_at.is_(None)
        )
        if coach_id is not None:
            query = query.where(AccessGrant.coach_id == coach_id)
        return self.session.scalars(query.order_by(AccessGrant.id)).all()

    def every(self) -> Sequence[AccessGrant]:
        """Live and revoked: the client's whole history of sharing (their export)."""
        query = select(AccessGrant).where(AccessGrant.client_id == self.client_id)
        return self.session.scalars(query.order_by(AccessGrant.id)).all()

    def revoke(self, grant_id: int, now: datetime) -> AccessGrant | None:
        row = self.session.scalars(
            select(AccessGrant).where(
                AccessGrant.id == grant_id,
                AccessGrant.client_id == self.client_id,
                AccessGrant.revoked_at.is_(None),
            )
        ).first()
        if row is not None:
            row.revoked_at = now
            self.session.flush()
        return row

    def revoke_area(self, coach_id: int, area: str, now: datetime) -> None:
        self.session.execute(
            update(AccessGrant)
            .where(
                AccessGrant.client_id == self.client_id,
                AccessGrant.coach_id == coach_id,
                AccessGrant.area == area,
                AccessGrant.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )


def clients_of(session: Session, coach_id: int) -> Sequence[tuple[Person, AccessGrant]]:
    """Every live grant made to the coach, with the client who made it."""
    query = (
        select(Person, AccessGrant)
        .join(AccessGrant, AccessGrant.client_id == Person.id)
        .where(AccessGrant.coach_id == coach_id, AccessGrant.revoked_at.is_(None))
        .order_by(Person.full_name, Person.id, AccessGrant.area)
    )
    return [(person, grant) for person, grant in session.execute(query).all()]


class CommentRepository(_ClientScoped):
    def add(self, coach_id: int, area: str, text: str) -> CoachComment:
        row = CoachComment(client_id=self.client_id, coach_id=coach_id, area=area, text=text)
        self.session.add(row)
        self.session.flush()
        return row

    def list(self, area: str | None = None) -> Sequence[tuple[CoachComment, str]]:
        """The comments with their coach's e-mail, newest first."""
        query = (
            select(CoachComment, Account.email)
            .join(Account, Account.id == CoachComment.coach_id)
            .where(CoachComment.client_id == self.client_id)
        )
        if area is not None:
            query = query.where(CoachComment.area == area)
        rows = self.session.execute(query.order_by(CoachComment.id.desc())).all()
        return [(comment, email or "") for comment, email in rows]


class AuditRepository(_ClientScoped):
    """Append and read; nothing in the application updates or deletes an audit event."""

    def add(
        self, actor_id: int | None, actor: str, action: str, what: str, address: str = ""
    ) -> AuditEvent:
        row = AuditEvent(
            client_id=self.client_id,
            actor_id=actor_id,
            actor=actor[:320],
            action=action,
            what=what[:200],
            address=address[:64],
        )
        self.session.add(row)
        self.session.flush()
        return row

    def list(self, limit: int = 200) -> Sequence[AuditEvent]:
        query = select(AuditEvent).where(AuditEvent.client_id == self.client_id)
        return self.session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
