"""The optional second factor: TOTP codes from an authenticator app, with recovery codes.

Enrolment happens in two steps so nobody locks themselves out: ``start`` makes a secret and
shows it once (as an ``otpauth://`` link and a QR code), and only ``confirm`` with a code the
app produced turns the factor on and hands out the recovery codes (shown once, kept as hashes).
While a factor is on, a right password opens only a short "pending" sign-in that ``finish``
completes with a code; wrong codes count toward the same kind of limit as wrong passwords.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from pydantic import BaseModel

from careerceo.analysis import otp
from careerceo.errors import CareerError
from careerceo.services.accounts import (
    ACCOUNT_LIMIT,
    ADDRESS_LIMIT,
    LIMIT_WINDOW,
    TOO_MANY,
    Identity,
    digest,
    now,
    open_session,
    pending_session,
)
from careerceo.services.context import AppContext
from careerceo.store.accounts import (
    AccountRepository,
    AttemptRepository,
    FactorRepository,
    PracticeLogRepository,
    SessionRepository,
)

ISSUER = "Career CEO"
RECOVERY_CODES = 10
PENDING_MINUTES = 5
BAD_CODE = (
    "that code is not right; type the 6-digit code your authenticator app shows now, or one of "
    "your recovery codes"
)
PENDING_GONE = "the sign-in waited too long or was refused; sign in with your password again"


class Enrolment(BaseModel):
    """Shown once: the secret, and the link an authenticator app reads from the QR code."""

    secret: str
    uri: str


class FactorStatus(BaseModel):
    enabled: bool
    pending: bool  # started but not confirmed
    recovery_left: int


@dataclass(frozen=True)
class Clock:
    """Seconds since the epoch; tests move it to check steps and replays."""

    at: float | None = None

    def unix(self) -> float:
        return time.time() if self.at is None else self.at


def status(ctx: AppContext, account_id: int) -> FactorStatus:
    with ctx.db.transaction() as s:
        factors = FactorRepository(s, account_id)
        row = factors.get()
        enabled = row is not None and row.confirmed_at is not None
        return FactorStatus(
            enabled=enabled,
            pending=row is not None and not enabled,
            recovery_left=factors.codes_left() if enabled else 0,
        )


def start(ctx: AppContext, who: Identity) -> Enrolment:
    """A new secret for the owner's account; not required at sign-in until confirmed."""
    with ctx.db.transaction() as s:
        factors = FactorRepository(s, who.account_id)
        row = factors.get()
        if row is not None and row.confirmed_at is not None:
            raise CareerError(
                "a second factor is already on; turn it off first (with a current code) to "
                "enrol a new device",
                field="code",
                status=409,
            )
        secret = otp.new_secret()
        factors.replace(secret)
    return Enrolment(secret=secret, uri=otp.provisioning_uri(secret, who.email, ISSUER))


def confirm(ctx: AppContext, who: Identity, code: str, clock: Clock = Clock()) -> list[str]:
    """Turn the factor on with a first code from the app; returns the recovery codes, which are
    shown now and never again (only their hashes are kept)."""
    with ctx.db.transaction() as s:
        factors = FactorRepository(s, who.account_id)
        row = factors.get()
        if row is None or row.confirmed_at is not None:
            raise CareerError(
                "there is no enrolment waiting for a code; start one first", field="code"
            )
        step = otp.matching_step(row.secret, code, clock.unix(), None)
        if step is None:
            raise CareerError(
                "that is not the code the app shows for this secret; check the app's clock and "
                "type the 6 digits it shows now",
                field="code",
            )
        row.confirmed_at = now()
        row.last_step = step
        codes = [otp.new_recovery_code() for _ in range(RECOVERY_CODES)]
        factors.add_codes([digest(c) for c in codes])
        SessionRepository(s).remove_pending(who.account_id)
    return codes


def _accept(factors: FactorRepository, code: str, unix: float) -> bool:
    """A current TOTP code (each step once) or an unused recovery code (each once)."""
    row = factors.get()
    if row is None or row.confirmed_at is None:
        return False
    step = otp.matching_step(row.secret, code, unix, row.last_step)
    if step is not None:
        row.last_step = step
        return True
    recovery = otp.normal_recovery_code(code)
    return len(recovery) == 19 and factors.use_code(digest(recovery), now())


def _limited(ctx: AppContext, account_id: int) -> None:
    """Refuse once the account's wrong codes reach the limit: a stolen session must not be able
    to try every code to turn the factor off."""
    with ctx.db.transaction() as s:
        since = now() - LIMIT_WINDOW
        if AttemptRepository(s).count_since(f"second-factor:{account_id}", since) >= ACCOUNT_LIMIT:
            raise CareerError(TOO_MANY, field="code", status=429)


def _wrong_code(ctx: AppContext, account_id: int) -> None:
    with ctx.db.transaction() as s:
        AttemptRepository(s).add(f"second-factor:{account_id}")


def disable(ctx: AppContext, who: Identity, code: str, clock: Clock = Clock()) -> None:
    """The owner turns the factor off, proving they hold it (a code or a recovery code); wrong
    codes count toward the same limit as at sign-in."""
    _limited(ctx, who.account_id)
    with ctx.db.transaction() as s:
        factors = FactorRepository(s, who.account_id)
        row = factors.get()
        if row is None:
            raise CareerError("there is no second factor to turn off", field="code")
        accepted = row.confirmed_at is None or _accept(factors, code, clock.unix())
        if accepted:
            factors.remove()
    if not accepted:
        _wrong_code(ctx, who.account_id)
        raise CareerError(BAD_CODE, field="code", status=403)


def admin_reset(ctx: AppContext, email: str) -> bool:
    """The practice admin removes a lost factor; the account's sessions end. The practice log
    keeps that it happened, by account number (no e-mail). False if there was none."""
    from careerceo.services.accounts import normal_email

    with ctx.db.transaction() as s:
        account = AccountRepository(s).by_email(normal_email(email))
        if account is None:
            raise CareerError(f"there is no account for {email}", field="email", status=404)
        removed = FactorRepository(s, account.id).remove()
        SessionRepository(s).remove_all(account.id)
        if removed:
            PracticeLogRepository(s).add(
                "reset-2fa", f"second factor of account #{account.id} ({account.role}) reset"
            )
        return removed


def needs_code(ctx: AppContext, account_id: int) -> bool:
    return status(ctx, account_id).enabled


def begin(ctx: AppContext, who: Identity) -> str:
    """After a right password on an account with a factor: a pending sign-in (cookie value)."""
    return pending_session(ctx, who, now() + timedelta(minutes=PENDING_MINUTES))


def finish(
    ctx: AppContext, pending: str | None, code: str, address: str, clock: Clock = Clock()
) -> tuple[str, Identity]:
    """Complete a pending sign-in with a code; a fresh session (a new value) is opened and the
    pending one ends. Wrong codes are limited per account and per address like passwords; past
    the limit the pending sign-in ends and the password must be given again."""
    moment = now()
    where = f"address:{address or 'unknown'}"
    with ctx.db.transaction() as s:
        sessions = SessionRepository(s)
        row = sessions.by_hash(digest(pending)) if pending else None
        if row is None or not row.mfa_pending or row.expires_at <= moment:
            raise CareerError(PENDING_GONE, status=401)
        account_id = row.account_id
        key = f"second-factor:{account_id}"
        attempts = AttemptRepository(s)
        since = moment - LIMIT_WINDOW
        limited = (
            attempts.count_since(key, since) >= ACCOUNT_LIMIT
            or attempts.count_since(where, since) >= ADDRESS_LIMIT
        )
        if limited:  # the pending sign-in ends (committed): the password must come again
            sessions.remove(row.token_hash)
    if limited:
        raise CareerError(TOO_MANY, status=429)
    with ctx.db.transaction() as s:
        sessions = SessionRepository(s)
        accepted = _accept(FactorRepository(s, account_id), code, clock.unix())
        account = AccountRepository(s).get(account_id)
        who = None
        if accepted and account is not None and not account.disabled and account.email:
            person = AccountRepository(s).person_of(account_id)
            if person is not None:
                who = Identity(account_id, account.email, account.role, person.id)
                sessions.remove(digest(pending or ""))
    if who is None:
        with ctx.db.transaction() as s:
            AttemptRepository(s).add(key, where)
        raise CareerError(BAD_CODE, field="code", status=401)
    with ctx.db.transaction() as s:
        AttemptRepository(s).clear(key)
    return open_session(ctx, who, moment)
