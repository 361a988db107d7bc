"""Who may talk to the local server, and what every answer carries.

Career CEO listens on loopback and has no login, so the browser itself is the threat: any page
the person opens could post to ``127.0.0.1`` (cross-site request forgery), and a hostile DNS
name pointed at 127.0.0.1 makes the browser treat the app as that site (DNS rebinding). Three
checks stop that, cheapest first:

1. the ``Host`` header must name this machine (or a name the person configured), so a rebound
   name gets a 421 and never a page;
2. a state-changing request that says where it came from (``Origin``, ``Referer``,
   ``Sec-Fetch-Site``) must come from this very origin; another port of localhost is another
   origin, and is refused;
3. it must carry the server's token (the ``csrf_token`` form field or the ``X-CSRF-Token``
   header), which a page of another origin can neither read nor guess.

Every response also carries headers that keep the pages out of frames, stop content sniffing
and scripts from anywhere but ``/static``, and keep private pages out of caches.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careerceo.errors import CareerError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
TOKEN_FIELD = "csrf_token"
TOKEN_HEADER = "X-CSRF-Token"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
NO_STORE = (b"cache-control", b"no-store")

FORBIDDEN_MESSAGE = (
    "this request was refused because it did not come from a Career CEO page ({why}); "
    "if you sent it yourself, reload the page and submit the form again"
)


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the address the server is bound to (unless a wildcard), and extras."""
    names = {*LOOPBACK_NAMES, *(n.strip().lower() for n in extra if n.strip())}
    bound = bind_host.strip("[]").lower()
    if bound and bound not in ("0.0.0.0", "::"):
        names.add(bound)
    return frozenset(names)


def host_name(value: str) -> str:
    """``Host``/authority without its port: ``[::1]:8000`` → ``::1``, ``a.b:80`` → ``a.b``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def load_secret(data_dir: Path | None) -> str:
    """The token forms carry; kept in the data directory (0600) so a restart keeps open forms
    valid, or made up for this process when there is no writable data directory."""
    if data_dir is not None:
        path = Path(data_dir) / "csrf.key"
        try:
            if path.is_file() and not path.is_symlink():
                text = path.read_text(encoding="ascii").strip()
                if len(text) >= 32:
                    return text
            from careerceo.files import private_dir

            private_dir(Path(data_dir))
            return _publish_secret(path, secrets.token_urlsafe(32))
        except (OSError, UnicodeDecodeError):
            pass
    return secrets.token_urlsafe(32)


def _publish_secret(path: Path, token: str) -> str:
    """Write the key whole beside ``path`` and link it into place: web workers starting together
    all find no key, and if each wrote its own, one worker's forms would be refused by another.
    The first link wins; the others read the winner's key (a damaged key is replaced)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(token)
        try:
            os.link(temporary, path)
            return token
        except FileExistsError:
            text = path.read_text(encoding="ascii").strip()
            if len(text) >= 32 and not path.is_symlink():
                return text
            os.replace(temporary, path)
            return token
    finally:
        temporary.unlink(missing_ok=True)


def token_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


def _origin_problem(headers: Headers, host: str, scheme: str) -> str | None:
    """Why the request's stated source is not this origin, or None when it is (or unstated)."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return f"Sec-Fetch-Site is {site}"
    here = f"{scheme}://{host}".lower()
    origin = headers.get("origin")
    if origin is not None:
        if origin.lower().rstrip("/") != here:
            return f"it came from {origin}"
        return None
    referer = headers.get("referer")
    if referer:
        parts = urlsplit(referer)
        if f"{parts.scheme}://{parts.netloc}".lower() != here:
            return "its Referer is another site"
    return None


def _wants_json(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


class SecurityMiddleware:
    """Host allowlist, origin checks for unsafe methods, and the headers on every answer.

    A plain ASGI middleware (not ``BaseHTTPMiddleware``) so streaming answers and uploads pass
    through untouched and the checks cost a few dictionary look-ups.
    """

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        raw_host = headers.get("host", "")
        if host_name(raw_host) not in self.hosts:
            await _refuse(
                scope,
                send,
                421,
                f"this server answers only to {', '.join(sorted(self.hosts))}; "
                f"{raw_host or 'no Host'} is not one of them (open the address `career serve` "
                "printed, or add the name to CAREER_ALLOWED_HOSTS)",
                "host_not_allowed",
            )
            return
        if scope["method"] not in SAFE_METHODS:
            why = _origin_problem(headers, raw_host, scope.get("scheme", "http"))
            if why is not None:
                await _refuse(scope, send, 403, FORBIDDEN_MESSAGE.format(why=why), "csrf")
                return
        private = not str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in present]
                if private and b"cache-control" not in present:
                    extra.append(NO_STORE)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse(scope: Scope, send: Send, status: int, message: str, kind: str) -> None:
    if _wants_json(scope):
        body = json.dumps({"detail": [{"loc": ["header"], "msg": message, "type": kind}]})
        media = b"application/json"
    else:
        body = _page(status, message)
        media = b"text/html; charset=utf-8"
    data = body.encode("utf-8")
    headers = [
        (b"content-type", media),
        (b"content-length", str(len(data)).encode()),
        *HEADERS,
        NO_STORE,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


def _page(status: int, message: str) -> str:
    # Rendered without the app's templates: the request was not let in, so it learns nothing
    # about the person (no menu, no data), only what to do.
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Refused ({status}) · Career CEO</title>"
        '<link rel="stylesheet" href="/static/style.css"></head><body><main>'
        f'<h1>Refused</h1><p class="error" role="alert">{escape(message)}</p>'
        "</main></body></html>"
    )


async def require_csrf(request: Request) -> None:
    """Check the header first; a form post may carry the token as its ``csrf_token`` field."""
    if request.method in SAFE_METHODS or getattr(request.state, "by_token", False):
        return  # a bearer token is sent deliberately by a script, never by a browser on its own
    from careerceo.web.templating import request_token

    expected = request_token(request)
    if token_matches(expected, request.headers.get(TOKEN_HEADER)):
        return
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        try:
            form = await request.form()
        except Exception:  # an unreadable body: the route's own parsing names the problem
            form = None
        if form is not None and token_matches(expected, _text(form.get(TOKEN_FIELD))):
            return
    raise CsrfError()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


class CsrfError(CareerError):
    """403: the request lacks the token a Career CEO page would have sent."""

    def __init__(self) -> None:
        super().__init__(
            "this request was refused: it lacks the security token every Career CEO form "
            f"carries (form field {TOKEN_FIELD}, or header {TOKEN_HEADER} for the API); "
            "reload the page and submit again (API clients: GET /api/v1/csrf-token)",
            status=403,
        )


def csrf_markup(token: str) -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(TOKEN_FIELD, token)
