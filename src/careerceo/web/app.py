"""The FastAPI application: server-rendered pages plus a JSON API under ``/api/v1``.

Routers are discovered: every module in ``web.pages`` and ``web.api`` that defines ``router``
is included, so a feature adds a module rather than editing this file.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import careerceo.web.api as api_package
import careerceo.web.pages as pages_package
from careerceo import __version__
from careerceo.errors import CareerError, NotFoundError
from careerceo.services import uploads
from careerceo.services.context import AppContext
from careerceo.web.actions import href
from careerceo.web.api_docs import add_api_docs
from careerceo.web.api_errors import ERROR_RESPONSES, error_response
from careerceo.web.api_errors import http_error as api_http_error
from careerceo.web.auth import NotSignedIn, authenticate
from careerceo.web.logs import RequestLog
from careerceo.web.logs import configure as configure_logs
from careerceo.web.nav import GROUPS, served
from careerceo.web.security import SecurityMiddleware, allowed_hosts, load_secret, require_csrf
from careerceo.web.templating import templates

STATIC = Path(__file__).with_name("static")
_HUGE_NUMBER = re.compile(r"/\d{19,}(?:[./]|$)")


def _modules(package: ModuleType) -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    return [importlib.import_module(f"{package.__name__}.{name}") for name in names]


def create_app(ctx: AppContext | None = None) -> FastAPI:
    # The stock Swagger page loads its scripts from a CDN into the origin that serves the data;
    # ``/api/v1/docs`` is rendered here instead, from the schema, with no script at all.
    app = FastAPI(
        title="Career CEO",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        # who is asking first (accounts mode), then whether the request is forged
        dependencies=[Depends(authenticate), Depends(require_csrf)],
    )
    app.state.ctx = ctx or AppContext()
    settings = app.state.ctx.settings
    app.state.csrf_token = load_secret(settings.data_dir)
    # Previews a stopped server left behind are deleted: a held résumé outlives no restart.
    uploads.sweep(app.state.ctx, max_age=0)
    app.add_middleware(
        SecurityMiddleware, hosts=allowed_hosts(settings.host, settings.allowed_hosts)
    )
    app.add_middleware(RequestLog)  # added last, so outermost: refused requests are logged too
    if os.environ.get("CAREER_LOG") == "json":
        configure_logs()
    add_api_docs(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _include_routers(app)
    app.exception_handler(CareerError)(_career_error)
    app.exception_handler(OverflowError)(_out_of_range)
    app.exception_handler(RequestValidationError)(_invalid_request)
    app.exception_handler(StarletteHTTPException)(_http_error)
    return app


def _include_routers(app: FastAPI) -> None:
    """Every module of ``web.api`` and ``web.pages`` that defines ``router``; the pages' GET
    paths are what the navigation may link to."""
    for module in _modules(api_package):
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router, prefix="/api/v1", responses=ERROR_RESPONSES)
    pages: set[str] = set()  # what the navigation may link to
    for module in _modules(pages_package):
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router, include_in_schema=False)
            pages.update(
                str(getattr(route, "path", ""))
                for route in router.routes
                if "GET" in (getattr(route, "methods", None) or ())
            )
    app.state.nav = served(GROUPS, pages)


async def _career_error(request: Request, exc: CareerError) -> Response:
    if request.url.path.startswith("/api/"):
        kinds = {404: "not_found", 403: "csrf", 401: "unauthorized", 429: "rate_limited"}
        kind = kinds.get(exc.status, "invalid")
        detail = [{"loc": [exc.field] if exc.field else [], "msg": exc.message, "type": kind}]
        challenge = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, detail, challenge)
    if isinstance(exc, NotSignedIn):  # a page asked for without a session: sign in first
        target = request.url.path if request.method == "GET" else "/"
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "message": str(exc),
            "status": exc.status,
            "next": href(exc.action) if exc.action else None,
        },
        status_code=exc.status,
    )


async def _out_of_range(request: Request, exc: OverflowError) -> Response:
    """SQLite cannot even compare with an integer past 2**63: an id like that in a URL
    names nothing, so it is a 404 like any other unknown id (PostgreSQL finds no row)."""
    if _HUGE_NUMBER.search(request.url.path):
        error: CareerError = NotFoundError(
            f"there is nothing numbered like that at {request.url.path}; check the link"
        )
    else:
        error = CareerError("a number in the request is out of range; use a smaller one")
    return await _career_error(request, error)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    errors = [
        {
            "loc": list(e.get("loc", [])),
            "msg": e.get("msg", "invalid value"),
            "type": e.get("type", "invalid"),
        }
        for e in exc.errors()
    ]
    if request.url.path.startswith("/api/"):
        return error_response(422, errors)
    message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
    return templates.TemplateResponse(
        request, "error.html", {"message": message, "status": 422}, status_code=422
    )


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """Pages answer with a page: a form post over the size limit must not get raw JSON."""
    if request.url.path.startswith("/api/"):
        status, items = api_http_error(exc.status_code, exc.detail, request.url.path)
        return error_response(status, items, getattr(exc, "headers", None))
    status, message = exc.status_code, str(exc.detail)
    if status == 400 and "maximum size" in message:
        status = 413
        message = (
            "what you sent is larger than the 1 MB a form field takes; shorten the text "
            "(or upload it as a file) and try again"
        )
    elif status == 404:
        message = f"there is no page at {request.url.path}; use the menu above"
    return templates.TemplateResponse(
        request,
        "error.html",
        {"message": message, "status": status},
        status_code=status,
        headers=getattr(exc, "headers", None),
    )
