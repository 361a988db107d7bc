"""Signing in on the web (``CAREER_AUTH=accounts``): who is asking, before any route runs.

``authenticate`` is a dependency of the whole app. In local mode it does nothing (one person,
no login, loopback only). In accounts mode every route but the public ones needs a session
cookie (pages) or ``Authorization: Bearer`` with a personal access token (the API); the
identity found is kept on the request, and ``app_context`` hands each route a context scoped to
that identity's own person. A route therefore cannot reach another client's rows even if it
forgets to check: it never sees anyone else's ``person_id``.
"""

from __future__ import annotations

from fastapi import Request

from careerceo.errors import CareerError
from careerceo.services.accounts import Identity, session_identity, token_identity

COOKIE = "career_session"
PENDING_COOKIE = "career_pending"  # a right password waiting for its second factor
PUBLIC = frozenset({"/login", "/login/code", "/healthz", "/readyz", "/api/v1/csrf-token"})
PUBLIC_PREFIXES = ("/static/",)
SIGN_IN = "sign in first"
BAD_TOKEN = (
    "this request has no valid credentials: sign in, or send a live personal access token as "
    "'Authorization: Bearer TOKEN' (career accounts token EMAIL --name NAME makes one)"
)


class NotSignedIn(CareerError):
    """401: pages turn it into a redirect to /login, the API into a JSON error."""

    def __init__(self, message: str = SIGN_IN) -> None:
        super().__init__(message, status=401)


class NotACoach(CareerError):
    """403: the coach's pages for an account that is not a coach's."""

    def __init__(self) -> None:
        super().__init__("this page is for coaches; your account is not a coach's", status=403)


def is_public(path: str) -> bool:
    return path in PUBLIC or path.startswith(PUBLIC_PREFIXES)


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


async def authenticate(request: Request) -> None:
    ctx = request.app.state.ctx
    if not ctx.settings.accounts or is_public(request.url.path):
        return
    token = bearer(request)
    api = request.url.path.startswith("/api/")
    if token is not None and api:
        who = token_identity(ctx, token)
        if who is None:
            raise NotSignedIn(BAD_TOKEN)
        request.state.identity = who
        request.state.by_token = True  # no cookie involved: nothing a forged request could use
        return
    who = session_identity(ctx, request.cookies.get(COOKIE))
    if who is None:
        raise NotSignedIn(BAD_TOKEN if api else SIGN_IN)
    request.state.identity = who


def identity(request: Request) -> Identity | None:
    found = getattr(request.state, "identity", None)
    return found if isinstance(found, Identity) else None


def address(request: Request) -> str:
    """Where a request came from, for the audit log and the per-address login limit."""
    return request.client.host if request.client else ""


def secure_cookie(request: Request) -> bool:
    """Secure when served over https (uvicorn ``--proxy-headers`` behind a TLS proxy)."""
    return request.url.scheme == "https"
