"""What a client lets a coach see: grants per area, the coach's comments, and the audit log.

A coach reaches a client's data only through ``client_context``, which checks a live grant for
the area and returns a context scoped to that client; without the grant the answer is the same
"not found" as for a client who does not exist. Every look, comment and change of a grant is
written to the client's audit log, which the client can read.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from careerceo.errors import CareerError, NotFoundError
from careerceo.services.accounts import Identity, Role, normal_email, now
from careerceo.services.context import AppContext
from careerceo.store.access import (
    AuditRepository,
    CommentRepository,
    GrantRepository,
    clients_of,
)
from careerceo.store.accounts import AccountRepository
from careerceo.store.people import find_person_id

# area -> what it opens to the coach
AREAS = {
    "direction": "goals, reviews and warning signs",
    "pivots": "pivots and the skills inventory",
    "job-search": "job search",
    "documents": "résumé and documents",
    "paths": "paths",
}
LEVELS = ("read", "comment")
NO_CLIENT = "there is no client {uid} you can see in this area"


class GrantView(BaseModel):
    id: int
    coach: str
    area: str
    level: str
    created_at: datetime


class ClientView(BaseModel):
    uid: str
    name: str
    email: str
    areas: dict[str, str]  # area -> level
    due: list[str] = []  # what needs attention (only from areas the client granted)


class CommentView(BaseModel):
    id: int
    coach: str
    area: str
    text: str
    created_at: datetime


class AuditView(BaseModel):
    at: datetime
    actor: str
    action: str
    what: str
    address: str


def _check_area(area: str, level: str = "read") -> None:
    if area not in AREAS:
        raise CareerError(f"{area!r} is not an area; use one of {', '.join(AREAS)}", field="area")
    if level not in LEVELS:
        raise CareerError(f"{level!r} is not a level; use read or comment", field="level")


def record(ctx: AppContext, actor: Identity | None, action: str, what: str, address: str) -> None:
    """One line in the client's (``ctx.person_id``) audit log."""
    with ctx.db.transaction() as s:
        AuditRepository(s, ctx.person_id).add(
            actor.account_id if actor else None,
            actor.email if actor else "you (local)",
            action,
            what,
            address,
        )


def grant(
    ctx: AppContext,
    coach_email: str,
    area: str,
    level: str,
    actor: Identity | None = None,
    address: str = "",
) -> GrantView:
    """Let a coach read (or read and comment on) one area; replaces an earlier grant of it."""
    _check_area(area, level)
    with ctx.db.transaction() as s:
        coach = AccountRepository(s).by_email(normal_email(coach_email))
        if coach is None or coach.role != Role.COACH or coach.disabled:
            raise CareerError(
                f"{coach_email} is not an active coach of this practice; ask the practice "
                "admin for your coach's account e-mail",
                field="coach",
            )
        grants = GrantRepository(s, ctx.person_id)
        grants.revoke_area(coach.id, area, now())
        row = grants.add(coach.id, area, level)
        view = GrantView(
            id=row.id, coach=coach.email or "", area=area, level=level, created_at=row.created_at
        )
    record(ctx, actor, "grant", f"{view.coach}: {area} ({level})", address)
    return view


def list_grants(ctx: AppContext) -> list[GrantView]:
    with ctx.db.transaction() as s:
        accounts = AccountRepository(s)
        out = []
        for row in GrantRepository(s, ctx.person_id).live():
            coach = accounts.get(row.coach_id)
            out.append(
                GrantView(
                    id=row.id,
                    coach=(coach.email or "") if coach else "",
                    area=row.area,
                    level=row.level,
                    created_at=row.created_at,
                )
            )
        return out


def revoke(
    ctx: AppContext, grant_id: int, actor: Identity | None = None, address: str = ""
) -> None:
    with ctx.db.transaction() as s:
        row = GrantRepository(s, ctx.person_id).revoke(grant_id, now())
        if row is None:
            raise NotFoundError(f"there is no live grant #{grant_id}", field="grant")
        what = f"grant #{grant_id} ({row.area})"
    record(ctx, actor, "revoke", what, address)


def clients(ctx: AppContext, coach: Identity, today: date | None = None) -> list[ClientView]:
    """The coach's clients with the areas each granted, and what is due where they may look
    (reviews missed from direction; follow-ups, next actions and interviews from the job
    search; nothing from an area not granted)."""
    with ctx.db.transaction() as s:
        found: dict[int, ClientView] = {}
        for person, row in clients_of(s, coach.account_id):
            view = found.setdefault(
                person.id,
                ClientView(uid=person.uid, name=person.full_name, email=person.email, areas={}),
            )
            view.areas[row.area] = row.level
    from careerceo.services.coach_views import due

    for person_id, view in found.items():
        view.due = due(ctx.for_person(person_id), view.areas, today)
    return list(found.values())


def granted(ctx: AppContext, coach: Identity, client_uid: str) -> dict[str, str]:
    """Area -> level the client granted the coach (empty for anyone else or nobody)."""
    with ctx.db.transaction() as s:
        return {
            row.area: row.level
            for person, row in clients_of(s, coach.account_id)
            if person.uid == client_uid
        }


def client_context(
    ctx: AppContext,
    coach: Identity,
    client_uid: str,
    area: str,
    *,
    comment: bool = False,
    address: str = "",
) -> AppContext:
    """A context scoped to the client, for a coach holding a live grant of ``area`` (of the
    comment level when ``comment``). Without one: not found, exactly like a missing client."""
    _check_area(area)
    with ctx.db.transaction() as s:
        client_id = find_person_id(s, client_uid) if client_uid else None
        rows = GrantRepository(s, client_id).live(coach.account_id) if client_id else []
        levels = {r.level for r in rows if r.area == area}
    if client_id is None or not levels or (comment and "comment" not in levels):
        raise NotFoundError(NO_CLIENT.format(uid=client_uid), field="client")
    scoped = ctx.for_person(client_id)
    record(scoped, coach, "comment" if comment else "read", AREAS[area], address)
    return scoped


def add_comment(
    ctx: AppContext, coach: Identity, client_uid: str, area: str, text: str, address: str = ""
) -> CommentView:
    body = text.strip()
    if not body or len(body) > 5000 or "\x00" in body:
        raise CareerError("write a comment of 1 to 5000 characters", field="text")
    client = client_context(ctx, coach, client_uid, area, comment=True, address=address)
    with client.db.transaction() as s:
        row = CommentRepository(s, client.person_id).add(coach.account_id, area, body)
        return CommentView(
            id=row.id, coach=coach.email, area=area, text=body, created_at=row.created_at
        )


def comments(ctx: AppContext, area: str | None = None) -> list[CommentView]:
    """The coaches' comments on the client's (``ctx.person_id``) data, newest first."""
    with ctx.db.transaction() as s:
        return [
            CommentView(id=c.id, coach=email, area=c.area, text=c.text, created_at=c.created_at)
            for c, email in CommentRepository(s, ctx.person_id).list(area)
        ]


def audit_log(ctx: AppContext, limit: int = 200) -> list[AuditView]:
    """Who looked at, commented on or changed access to the client's data, newest first."""
    with ctx.db.transaction() as s:
        return [
            AuditView(at=e.at, actor=e.actor, action=e.action, what=e.what, address=e.address)
            for e in AuditRepository(s, ctx.person_id).list(limit)
        ]
