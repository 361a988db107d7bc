"""A person's own copy of everything they own, and deleting their account with all of it.

The export is the career backup (``career export``: every row the person owns, reference
collections included) wrapped with what the practice keeps about the account: its e-mail, name
and role, the grants the person gave to coaches, the coaches' comments on their data, the audit
log of who looked, their access tokens and sessions (names and dates, never secrets). Nothing
of anybody else is in it: the coaches appear by the e-mail the person granted access to.

Deleting removes the account, its person and every row keyed to them in one transaction; the
grants they gave or received and the comments on their data go with it. The practice keeps one
line that an account was deleted, with its number and role only.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from careerceo.errors import CareerError
from careerceo.services import access, uploads
from careerceo.services.accounts import Identity
from careerceo.services.backup import export_backup
from careerceo.services.context import AppContext
from careerceo.services.pivot_data import forget_extractions
from careerceo.store import path_snapshot
from careerceo.store.access import GrantRepository
from careerceo.store.accounts import (
    AccountRepository,
    AttemptRepository,
    FactorRepository,
    PracticeLogRepository,
    SessionRepository,
    TokenRepository,
    count_owned,
)

FORMAT = "career-ceo-account-export"
VERSION = 1
LOCAL_CONFIRMATION = "delete"


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat() + "Z"


def _comments_and_audit(ctx: AppContext) -> dict[str, list[dict[str, Any]]]:
    """What coaches wrote on the person's data, and the whole log of who looked at it."""
    comments = [
        {"coach": c.coach, "area": c.area, "text": c.text, "created_at": _stamp(c.created_at)}
        for c in access.comments(ctx)
    ]
    audit = [
        {
            "at": _stamp(e.at),
            "actor": e.actor,
            "action": e.action,
            "what": e.what,
            "address": e.address,
        }
        for e in access.audit_log(ctx, limit=1_000_000)
    ]
    return {"comments": comments, "audit_log": audit}


def export_account(
    ctx: AppContext,
    actor: Identity | None = None,
    address: str = "",
    moment: datetime | None = None,
) -> str:
    """Everything the person (``ctx.person_id``) owns, as one JSON document. The export is
    written to their own audit log."""
    when = moment or datetime.now(UTC).replace(tzinfo=None)
    career = json.loads(export_backup(ctx, now=when))
    access.record(ctx, actor, "export", "everything you own (account export)", address)
    with ctx.db.transaction() as s:
        accounts = AccountRepository(s)
        account = accounts.account_of(ctx.person_id)
        if account is None:  # the person exists (the context found them), so does the account
            raise CareerError("this person has no account", status=404)
        factor = FactorRepository(s, account.id).get()
        grants = [
            {
                "coach": (coach.email if (coach := accounts.get(g.coach_id)) else "") or "",
                "area": g.area,
                "level": g.level,
                "created_at": _stamp(g.created_at),
                "revoked_at": _stamp(g.revoked_at),
            }
            for g in GrantRepository(s, ctx.person_id).every()
        ]
        tokens = [
            {
                "name": t.name,
                "created_at": _stamp(t.created_at),
                "last_used_at": _stamp(t.last_used_at),
                "revoked_at": _stamp(t.revoked_at),
            }
            for t in TokenRepository(s).of_account(account.id)
        ]
        sessions = [
            {
                "created_at": _stamp(row.created_at),
                "last_seen": _stamp(row.last_seen),
                "expires_at": _stamp(row.expires_at),
            }
            for row in SessionRepository(s).of_account(account.id)
            if not row.mfa_pending
        ]
        header: dict[str, Any] = {
            "email": account.email,
            "name": account.name,
            "role": account.role,
            "disabled": account.disabled,
            "created_at": _stamp(account.created_at),
            "second_factor": factor is not None and factor.confirmed_at is not None,
        }
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _stamp(when),
        "account": header,
        "career": career,
        "access": {
            "grants": grants,
            **_comments_and_audit(ctx),
            "tokens": tokens,
            "sessions": sessions,
        },
    }
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def confirmation_word(ctx: AppContext) -> str:
    """What the person types to confirm deletion: their e-mail, or ``delete`` for the local
    person who has none."""
    with ctx.db.transaction() as s:
        account = AccountRepository(s).account_of(ctx.person_id)
        return (account.email if account is not None else None) or LOCAL_CONFIRMATION


def delete_account(ctx: AppContext, confirm: str, *, password: str | None = None) -> dict[str, int]:
    """Delete the person's account and everything they own, in one transaction.

    ``confirm`` must be the account's e-mail (``delete`` for the local person); on the web the
    password is asked too (``password``). Returns the number of rows removed per table, which
    is also all the practice log keeps."""
    from careerceo.services.accounts import (
        note_wrong_password,
        password_matches,
        refuse_if_limited,
    )
    from careerceo.services.paths import list_collections

    expected = confirmation_word(ctx)
    if confirm.strip().lower() != expected.lower():
        raise CareerError(
            f"to delete everything, type {expected!r} exactly as the confirmation; nothing was "
            "deleted",
            field="confirm",
        )
    collections = [c.uid for c in list_collections(ctx)]
    with ctx.db.transaction() as s:
        accounts = AccountRepository(s)
        account = accounts.account_of(ctx.person_id)
        if account is None:
            raise CareerError("this person has no account", status=404)
        account_email = account.email or ""
        if password is not None:
            refuse_if_limited(AttemptRepository(s), account_email)
        wrong = password is not None and not password_matches(account, password)
        if not wrong:
            counts = count_owned(s, ctx.person_id)
            role = account.role
            accounts.remove(account.id)
            removed = {name: n for name, n in counts.items() if n}
            PracticeLogRepository(s).add(
                "delete-account",
                f"account #{account.id} ({role}) deleted at its owner's request; "
                f"{sum(removed.values())} rows removed",
            )
    if wrong:
        note_wrong_password(ctx, account_email)
        raise CareerError(
            "that is not your password; nothing was deleted", field="password", status=403
        )
    for uid in collections:
        path_snapshot.drop(ctx.settings.data_dir, str(uid))
    uploads.discard(ctx)  # a résumé held for preview, under the person's number
    forget_extractions(ctx.settings.data_dir)  # cached skill readings keep their texts
    if not ctx.settings.accounts:
        # the local person is gone; the next command or page starts a new, empty one
        ctx.__dict__.pop("person_id", None)
    return removed
