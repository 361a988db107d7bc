"""Signing in and out, what a client shares with coaches, and the coach's view of clients.

Only served usefully in accounts mode (``CAREER_AUTH=accounts``); in local mode there is one
person and no login, and these pages say so.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.errors import CareerError
from careerceo.services import access, direction
from careerceo.services import accounts as service
from careerceo.services.context import AppContext
from careerceo.web.auth import COOKIE, NotACoach, address, identity, secure_cookie
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
        token, _ = service.login(ctx, email, password, address(request))
    except CareerError as exc:
        return templates.TemplateResponse(
            request,
            "account/login.html",
            {"next": _safe_next(next), "errors": {"_form": exc.message}, "email": email},
            status_code=exc.status,
        )
    service.logout(ctx, request.cookies.get(COOKIE))  # whatever session this browser had ends
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
    return answer


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
    mine = [c for c in access.clients(request.app.state.ctx, who) if c.uid == client_uid]
    levels = mine[0].areas if mine else {}
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


@router.post("/coach/{client_uid}/{area}/comments")
def coach_comment(request: Request, client_uid: str, area: str, text: str = Form("")) -> Response:
    who = _coach(request)
    access.add_comment(request.app.state.ctx, who, client_uid, area, text, address(request))
    return see_other(f"/coach/{client_uid}/{area}")
