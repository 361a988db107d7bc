"""Accounts and signing in: argon2id passwords, server-side sessions, personal access tokens
and the login rate limit.

A session or a token resolves to an ``Identity``; the web layer turns that into a context
scoped to the identity's own person, so every page and API route reads that person's rows and
nobody else's without knowing about accounts at all. Secrets (session cookies, tokens) are
random 256-bit values stored as their SHA-256; passwords are argon2id hashes.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel

from careerceo.errors import CareerError
from careerceo.services.context import AppContext
from careerceo.store.access_tables import AccessToken, AuthSession
from careerceo.store.accounts import (
    AccountRepository,
    AttemptRepository,
    FactorRepository,
    PracticeLogRepository,
    SessionRepository,
    TokenRepository,
)
from careerceo.store.tables import Account, Person

SESSION_HOURS = 12
ACCOUNT_LIMIT = 5  # failed logins per account ...
ADDRESS_LIMIT = 20  # ... and per address ...
LIMIT_WINDOW = timedelta(minutes=15)  # ... within this window
MIN_PASSWORD = 12
TOKEN_PREFIX = "ccpat_"
# One message for every refused login: it must not tell whether the account exists.
BAD_LOGIN = "that e-mail and password do not match an active account; check both and try again"
NEEDS_CODE = "this account has a second factor; sign in on the web page, which asks for the code"
TOO_MANY = (
    "too many failed logins; wait 15 minutes and try again, or ask the practice admin to reset "
    "the password"
)

_hasher = PasswordHasher()  # argon2id with the library's current parameters


class Role(StrEnum):
    CLIENT = "client"
    COACH = "coach"
    ADMIN = "admin"


@dataclass(frozen=True)
class Identity:
    """Who is acting: their account, role and their own person (whose data they own)."""

    account_id: int
    email: str
    role: str
    person_id: int
    csrf: str = ""  # the session's form token; empty for an access token (no cookie, no CSRF)


class AccountView(BaseModel):
    id: int
    email: str
    name: str
    role: str
    disabled: bool
    created_at: datetime


class TokenView(BaseModel):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normal_email(email: str) -> str:
    text = email.strip().lower()
    if "@" not in text or len(text) > 320 or text.startswith("@") or text.endswith("@"):
        raise CareerError(f"{email!r} is not an e-mail address", field="email")
    return text


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise CareerError(
            f"the password is too short; use at least {MIN_PASSWORD} characters", field="password"
        )
    if len(password) > 1024 or "\x00" in password:
        raise CareerError("the password must be plain text of at most 1024 characters")
    return password


def _view(account: Account) -> AccountView:
    return AccountView(
        id=account.id,
        email=account.email or "",
        name=account.name,
        role=account.role,
        disabled=account.disabled,
        created_at=account.created_at,
    )


# -- accounts (the admin's commands) --------------------------------------------------------


def create_account(
    ctx: AppContext, email: str, role: str, password: str, name: str = ""
) -> AccountView:
    """An account with a person of its own: a client's career, or a coach's own."""
    address = normal_email(email)
    if role not in set(Role):
        raise CareerError(f"{role!r} is not a role; use client, coach or admin", field="role")
    hashed = _hasher.hash(check_password(password))
    with ctx.db.transaction() as s:
        accounts = AccountRepository(s)
        if accounts.by_email(address) is not None:
            raise CareerError(f"an account for {address} exists already", field="email")
        account = accounts.add(
            Account(name=name or address, email=address, role=role, password_hash=hashed)
        )
        s.add(Person(account_id=account.id, email=address, full_name=name))
        s.flush()
        return _view(account)


def _account(accounts: AccountRepository, email: str) -> Account:
    account = accounts.by_email(normal_email(email))
    if account is None:
        raise CareerError(f"there is no account for {email}", field="email", status=404)
    return account


def list_accounts(ctx: AppContext) -> list[AccountView]:
    with ctx.db.transaction() as s:
        return [_view(a) for a in AccountRepository(s).list()]


def set_disabled(ctx: AppContext, email: str, disabled: bool = True) -> AccountView:
    """A disabled account cannot sign in, and its sessions end at once."""
    with ctx.db.transaction() as s:
        account = _account(AccountRepository(s), email)
        account.disabled = disabled
        if disabled:
            SessionRepository(s).remove_all(account.id)
        s.flush()
        return _view(account)


def reset_password(ctx: AppContext, email: str, password: str) -> AccountView:
    """A new password; every session of the account ends, and its failed logins are cleared."""
    hashed = _hasher.hash(check_password(password))
    with ctx.db.transaction() as s:
        account = _account(AccountRepository(s), email)
        account.password_hash = hashed
        SessionRepository(s).remove_all(account.id)
        AttemptRepository(s).clear(f"account:{account.email}")
        s.flush()
        return _view(account)


# -- signing in -------------------------------------------------------------------------------


def _identity(accounts: AccountRepository, account: Account, csrf: str = "") -> Identity | None:
    if account.disabled or not account.email:
        return None
    person = accounts.person_of(account.id)
    if person is None:
        return None
    return Identity(account.id, account.email, account.role, person.id, csrf)


def owner_identity(ctx: AppContext) -> Identity:
    """The account that owns ``ctx.person_id`` (the CLI's ``CAREER_PERSON``), as an identity."""
    with ctx.db.transaction() as s:
        accounts = AccountRepository(s)
        account = accounts.account_of(ctx.person_id)
        if account is None or not account.email:
            raise CareerError(
                "this person has no account with an e-mail; a second factor belongs to an "
                "account of a practice (CAREER_AUTH=accounts); ask the practice admin for one"
            )
        return Identity(account.id, account.email, account.role, ctx.person_id)


def login(ctx: AppContext, email: str, password: str, address: str) -> tuple[str, Identity]:
    """Check the password and open a new session; returns the cookie value (shown once).
    An account with a second factor is refused here: the web signs it in in two steps
    (``check_login``, then ``second_factor.begin`` and ``finish``)."""
    who = check_login(ctx, email, password, address)
    with ctx.db.transaction() as s:
        factor = FactorRepository(s, who.account_id).get()
        if factor is not None and factor.confirmed_at is not None:
            raise CareerError(NEEDS_CODE, status=401)
    return open_session(ctx, who, now())


def check_login(ctx: AppContext, email: str, password: str, address: str) -> Identity:
    """The identity whose password this is, or a refusal that does not say why.

    Failed attempts are counted per account and per address; past the limit every attempt is
    refused, right password or not, until the window passes. The refusal is the same whether
    or not the account exists.
    """
    moment = now()
    try:
        key = f"account:{normal_email(email)}"
    except CareerError:
        raise CareerError(BAD_LOGIN, status=401) from None
    where = f"address:{address or 'unknown'}"
    with ctx.db.transaction() as s:
        attempts = AttemptRepository(s)
        since = moment - LIMIT_WINDOW
        if (
            attempts.count_since(key, since) >= ACCOUNT_LIMIT
            or attempts.count_since(where, since) >= ADDRESS_LIMIT
        ):
            raise CareerError(TOO_MANY, status=429)
        accounts = AccountRepository(s)
        account = accounts.by_email(key.removeprefix("account:"))
        identity = None
        if _password_ok(account, password) and account is not None:
            identity = _identity(accounts, account)
    if identity is None:
        with ctx.db.transaction() as s:
            AttemptRepository(s).add(key, where)  # committed: a refused login still counts
        raise CareerError(BAD_LOGIN, status=401)
    return identity


_DUMMY_HASH = _hasher.hash("no account has this password")


def password_matches(account: Account, password: str) -> bool:
    """The account's password is ``password`` (to confirm a deletion, say)."""
    return _password_ok(account, password)


def refuse_if_limited(attempts: AttemptRepository, email: str) -> None:
    """Past the failed-login limit a password form refuses (429) as the sign-in does, so a
    stolen session cannot guess the password through another form."""
    if email and attempts.count_since(f"account:{email}", now() - LIMIT_WINDOW) >= ACCOUNT_LIMIT:
        raise CareerError(TOO_MANY, field="password", status=429)


def note_wrong_password(ctx: AppContext, email: str) -> None:
    """Count a wrong password given while signed in toward the account's login limit."""
    if email:
        with ctx.db.transaction() as s:
            AttemptRepository(s).add(f"account:{email}")


def _password_ok(account: Account | None, password: str) -> bool:
    """Verify, spending the same argon2 time whether or not the account exists, so the answer's
    timing does not tell which e-mails have accounts."""
    stored = account.password_hash if account is not None else None
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def open_session(ctx: AppContext, who: Identity, moment: datetime) -> tuple[str, Identity]:
    """A fresh session (a new random value every login: a cookie planted before the login is
    never the one that is signed in)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with ctx.db.transaction() as s:
        sessions = SessionRepository(s)
        sessions.remove_expired(moment)
        sessions.add(
            AuthSession(
                account_id=who.account_id,
                token_hash=digest(token),
                csrf=csrf,
                expires_at=moment + timedelta(hours=SESSION_HOURS),
                last_seen=moment,
            )
        )
        AttemptRepository(s).clear(f"account:{who.email}")
    return token, Identity(who.account_id, who.email, who.role, who.person_id, csrf)


def pending_session(ctx: AppContext, who: Identity, expires_at: datetime) -> str:
    """A sign-in waiting for its second factor: a cookie value that opens nothing by itself."""
    token = secrets.token_urlsafe(32)
    with ctx.db.transaction() as s:
        sessions = SessionRepository(s)
        sessions.remove_expired(now())
        sessions.add(
            AuthSession(
                account_id=who.account_id,
                token_hash=digest(token),
                csrf=secrets.token_urlsafe(32),
                expires_at=expires_at,
                last_seen=now(),
                mfa_pending=True,
            )
        )
    return token


def session_identity(ctx: AppContext, token: str | None) -> Identity | None:
    """The identity behind a session cookie, or None when it is unknown, expired or disabled."""
    if not token:
        return None
    with ctx.db.transaction() as s:
        row = SessionRepository(s).by_hash(digest(token))
        if row is None or row.mfa_pending or row.expires_at <= now():
            return None
        accounts = AccountRepository(s)
        account = accounts.get(row.account_id)
        return None if account is None else _identity(accounts, account, row.csrf)


def logout(ctx: AppContext, token: str | None) -> None:
    if token:
        with ctx.db.transaction() as s:
            SessionRepository(s).remove(digest(token))


def logout_everywhere(ctx: AppContext, account_id: int) -> int:
    """End every session of the account (this browser's too); returns how many ended."""
    with ctx.db.transaction() as s:
        return SessionRepository(s).remove_all(account_id)


class PracticeEventView(BaseModel):
    at: datetime
    action: str
    what: str


def practice_log(ctx: AppContext, limit: int = 200) -> list[PracticeEventView]:
    """The practice's own log (accounts deleted, second factors reset), newest first."""
    with ctx.db.transaction() as s:
        return [
            PracticeEventView(at=e.at, action=e.action, what=e.what)
            for e in PracticeLogRepository(s).list(limit)
        ]


# -- personal access tokens -------------------------------------------------------------------


def create_token(ctx: AppContext, email: str, name: str) -> tuple[str, TokenView]:
    """A new token for scripts; the value is returned once and only its hash is kept."""
    label = name.strip()
    if not label or len(label) > 100:
        raise CareerError("give the token a name of 1 to 100 characters", field="name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with ctx.db.transaction() as s:
        account = _account(AccountRepository(s), email)
        row = TokenRepository(s).add(
            AccessToken(account_id=account.id, name=label, token_hash=digest(token))
        )
        return token, _token_view(row)


def _token_view(row: AccessToken) -> TokenView:
    return TokenView(
        id=row.id,
        name=row.name,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked=row.revoked_at is not None,
    )


def list_tokens(ctx: AppContext, email: str) -> list[TokenView]:
    with ctx.db.transaction() as s:
        account = _account(AccountRepository(s), email)
        return [_token_view(t) for t in TokenRepository(s).of_account(account.id)]


def revoke_token(ctx: AppContext, email: str, token_id: int) -> None:
    with ctx.db.transaction() as s:
        account = _account(AccountRepository(s), email)
        if not TokenRepository(s).revoke(account.id, token_id, now()):
            raise CareerError(f"{email} has no live token #{token_id}", field="token", status=404)


def token_identity(ctx: AppContext, token: str | None) -> Identity | None:
    """The identity behind ``Authorization: Bearer``, or None when unknown or revoked."""
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    with ctx.db.transaction() as s:
        row = TokenRepository(s).by_hash(digest(token))
        if row is None or row.revoked_at is not None:
            return None
        accounts = AccountRepository(s)
        account = accounts.get(row.account_id)
        if account is None:
            return None
        row.last_used_at = now()
        return _identity(accounts, account)
