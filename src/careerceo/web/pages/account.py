"""Signing in and out, what a client shares with coaches, and the coach's view of clients.

Only served usefully in accounts mode (``CAREER_AUTH=accounts``); in local mode there is one
person and no login, and these pages say so.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.errors import CareerError, NotFoundError
from careerceo.services import access, coach_views, direction, second_factor
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.web.auth import COOKIE, PENDING_COOKIE, NotACoach, address, identity, secure_cookie
from careerceo.web.forms import form_errors, see_other
from careerceo.web.templating import app_context, form_page, templates

router = APIRouter()


def _safe_next(target: str) -> str:
    """Only a path of this site: an open redirect would let a link send people elsewhere."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    if not request.app.state.ctx.settings.accounts:
        return see_other("/")
    return templates.TemplateResponse(
        request, "account/login.html", {"next": _safe_next(next), "errors": {}, "email": ""}
    )


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    email: str = Form(""),
    password: str = Form(""),
    next: str = Form("/"),
) -> Response:
    ctx: AppContext = request.app.state.ctx
    if not ctx.settings.accounts:
        return see_other("/")
    try:
        who = service.check_login(ctx, email, password, address(request))
    except CareerError as exc:
        return templates.TemplateResponse(
            request,
            "account/login.html",
            {"next": _safe_next(next), "errors": {"_form": exc.message}, "email": email},
            status_code=exc.status,
        )
    if second_factor.needs_code(ctx, who.account_id):
        # the password was right; the session opens only once the code is given
        answer = RedirectResponse(f"/login/code?next={quote(_safe_next(next))}", status_code=303)
        answer.set_cookie(
            PENDING_COOKIE,
            second_factor.begin(ctx, who),
            max_age=second_factor.PENDING_MINUTES * 60,
            httponly=True,
            samesite="lax",
            secure=secure_cookie(request),
            path="/login",
        )
        return answer
    token, _ = service.open_session(ctx, who, service.now())
    return _signed_in(request, token, next)


def _signed_in(request: Request, token: str, next: str) -> Response:
    """Set the new session's cookie; whatever session this browser had before ends."""
    service.logout(request.app.state.ctx, request.cookies.get(COOKIE))
    answer = RedirectResponse(_safe_next(next), status_code=303)
    answer.set_cookie(
        COOKIE,
        token,
        max_age=service.SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=secure_cookie(request),
        path="/",
    )
    answer.delete_cookie(PENDING_COOKIE, path="/login")
    return answer


@router.get("/login/code", response_class=HTMLResponse)
def code_page(request: Request, next: str = "/") -> Response:
    if not request.app.state.ctx.settings.accounts:
        return RedirectResponse("/", status_code=303)
    return templates.TemplateResponse(
        request, "account/login_code.html", {"next": _safe_next(next), "errors": {}}
    )


@router.post("/login/code", response_class=HTMLResponse)
def code(request: Request, code: str = Form(""), next: str = Form("/")) -> Response:
    """The second step of signing in: a code from the app, or a recovery code."""
    ctx: AppContext = request.app.state.ctx
    if not ctx.settings.accounts:
        return RedirectResponse("/", status_code=303)
    try:
        token, _ = second_factor.finish(
            ctx, request.cookies.get(PENDING_COOKIE), code, address(request)
        )
    except CareerError as exc:
        again = exc.status == 429 or exc.message == second_factor.PENDING_GONE
        answer = templates.TemplateResponse(
            request,
            "account/login_code.html",
            {"next": _safe_next(next), "errors": {"_form": exc.message}, "again": again},
            status_code=exc.status,
        )
        if again:
            answer.delete_cookie(PENDING_COOKIE, path="/login")
        return answer
    return _signed_in(request, token, next)


def _signed_out() -> Response:
    answer = RedirectResponse("/login", status_code=303)
    answer.delete_cookie(COOKIE, path="/")
    return answer


@router.post("/logout")
def logout(request: Request) -> Response:
    service.logout(request.app.state.ctx, request.cookies.get(COOKIE))
    return _signed_out()


@router.post("/logout-everywhere")
def logout_everywhere(request: Request) -> Response:
    who = identity(request)
    if who is not None:
        service.logout_everywhere(request.app.state.ctx, who.account_id)
    return _signed_out()


# -- the client: who may see what ------------------------------------------------------------


def _access_page(
    request: Request, ctx: AppContext, errors: dict[str, str] | None = None
) -> HTMLResponse:
    return form_page(
        request,
        "account/access.html",
        {
            "grants": access.list_grants(ctx),
            "comments": access.comments(ctx),
            "log": access.audit_log(ctx),
            "areas": access.AREAS,
            "errors": errors or {},
            "who": identity(request),
        },
    )


@router.get("/access", response_class=HTMLResponse)
def access_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return _access_page(request, ctx)


@router.post("/access/grants", response_class=HTMLResponse)
def add_grant(
    request: Request,
    coach: str = Form(""),
    area: str = Form(""),
    level: str = Form("read"),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        access.grant(ctx, coach, area, level, identity(request), address(request))
    except CareerError as exc:
        return _access_page(request, ctx, form_errors(exc))
    return see_other("/access")


@router.post("/access/grants/{grant_id}/revoke")
def revoke_grant(
    request: Request, grant_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    access.revoke(ctx, grant_id, identity(request), address(request))
    return see_other("/access")


# -- the coach --------------------------------------------------------------------------------


def _coach(request: Request) -> service.Identity:
    who = identity(request)
    if who is None or who.role != service.Role.COACH:
        raise NotACoach()
    return who


@router.get("/coach", response_class=HTMLResponse)
def coach_page(request: Request) -> HTMLResponse:
    who = _coach(request)
    clients = access.clients(request.app.state.ctx, who)
    return templates.TemplateResponse(request, "account/coach.html", {"clients": clients})


@router.get("/coach/{client_uid}/direction", response_class=HTMLResponse)
def coach_direction(request: Request, client_uid: str) -> HTMLResponse:
    """A client's goals and review history, read-only, for a coach holding a grant."""
    who = _coach(request)
    client = access.client_context(
        request.app.state.ctx, who, client_uid, "direction", address=address(request)
    )
    levels = access.granted(request.app.state.ctx, who, client_uid)
    return templates.TemplateResponse(
        request,
        "account/coach_direction.html",
        {
            "uid": client_uid,
            "goals": direction.list_goals(client),
            "history": direction.review_history(client),
            "comments": access.comments(client, "direction"),
            "can_comment": levels.get("direction") == "comment",
        },
    )


@router.get("/coach/{client_uid}/{area}", response_class=HTMLResponse)
def coach_area(request: Request, client_uid: str, area: str) -> HTMLResponse:
    """One granted area of a client (pivots and inventory, job search, documents, shared paths),
    read-only, with the coaches' comments on it and a comment form for a comment grant."""
    who = _coach(request)
    if area not in access.AREAS or area == "direction":
        raise NotFoundError(access.NO_CLIENT.format(uid=client_uid), field="client")
    client = access.client_context(
        request.app.state.ctx, who, client_uid, area, address=address(request)
    )
    levels = access.granted(request.app.state.ctx, who, client_uid)
    return templates.TemplateResponse(
        request,
        "account/coach_area.html",
        {
            "uid": client_uid,
            "area": area,
            "what": access.AREAS[area],
            "sections": coach_views.sections(client, area),
            "comments": access.comments(client, area),
            "can_comment": levels.get(area) == "comment",
        },
    )


@router.post("/coach/{client_uid}/{area}/comments")
def coach_comment(request: Request, client_uid: str, area: str, text: str = Form("")) -> Response:
    who = _coach(request)
    access.add_comment(request.app.state.ctx, who, client_uid, area, text, address(request))
    return see_other(f"/coach/{client_uid}/{area}")
