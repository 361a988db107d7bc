"""``/account``: your second factor, your own export, and deleting your account.

The second factor exists only for accounts (``CAREER_AUTH=accounts``); the export and the
deletion work in local mode too, for the one person the app serves.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from careerceo.documents import qr
from careerceo.errors import CareerError
from careerceo.services import account_data, second_factor
from careerceo.services.accounts import Identity
from careerceo.services.context import AppContext
from careerceo.web.auth import COOKIE, address, identity
from careerceo.web.forms import form_errors
from careerceo.web.templating import app_context, form_page, templates

router = APIRouter()


def _page(
    request: Request,
    ctx: AppContext,
    errors: dict[str, str] | None = None,
    status: int = 0,
    **extra: object,
) -> HTMLResponse:
    who = identity(request)
    values = {
        "who": who,
        "factor": second_factor.status(ctx, who.account_id) if who else None,
        "confirm_word": account_data.confirmation_word(ctx),
        "errors": errors or {},
        **extra,
    }
    if status:  # refused for who is asking (a wrong password or code), not for the form
        return templates.TemplateResponse(request, "account/account.html", values, status)
    return form_page(request, "account/account.html", values)


def _refused(request: Request, ctx: AppContext, exc: CareerError) -> HTMLResponse:
    return _page(request, ctx, form_errors(exc), status=exc.status if exc.status != 400 else 0)


def _owner(request: Request) -> Identity:
    who = identity(request)
    if who is None:
        raise CareerError(
            "a second factor belongs to an account; this server runs without accounts "
            "(CAREER_AUTH=accounts turns them on)",
            status=404,
        )
    return who


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return _page(request, ctx)


@router.post("/account/2fa", response_class=HTMLResponse)
def start_factor(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    """Show the new secret once, as a QR code and as text, with the form for a first code."""
    who = _owner(request)
    try:
        made = second_factor.start(ctx, who)
    except CareerError as exc:
        return _refused(request, ctx, exc)
    return templates.TemplateResponse(
        request,
        "account/enrol.html",
        {"secret": made.secret, "uri": made.uri, "qr": Markup(qr.svg(made.uri)), "errors": {}},
    )


@router.post("/account/2fa/confirm", response_class=HTMLResponse)
def confirm_factor(
    request: Request, code: str = Form(""), ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    who = _owner(request)
    try:
        codes = second_factor.confirm(ctx, who, code)
    except CareerError as exc:
        return _refused(request, ctx, exc)
    return templates.TemplateResponse(request, "account/recovery.html", {"codes": codes})


@router.post("/account/2fa/disable", response_class=HTMLResponse)
def disable_factor(
    request: Request, code: str = Form(""), ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    who = _owner(request)
    try:
        second_factor.disable(ctx, who, code)
    except CareerError as exc:
        return _refused(request, ctx, exc)
    return _page(request, ctx, done="The second factor is off; a password alone signs you in.")


@router.get("/account/export", response_class=Response)
def export(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    """Everything you own as one JSON file (written to your own audit log)."""
    text = account_data.export_account(ctx, identity(request), address(request))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Response(
        text,
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="career-account-{stamp}.json"'},
    )


@router.post("/account/delete", response_class=HTMLResponse)
def delete(
    request: Request,
    confirm: str = Form(""),
    password: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    """Delete your account and everything in it, after typing your e-mail (and, with accounts,
    your password)."""
    who = identity(request)
    try:
        removed = account_data.delete_account(
            ctx, confirm, password=password if who is not None else None
        )
    except CareerError as exc:
        return _refused(request, ctx, exc)
    answer = templates.TemplateResponse(
        request,
        "account/deleted.html",
        {"rows": sum(removed.values()), "accounts": who is not None},
    )
    if who is not None:
        answer.delete_cookie(COOKIE, path="/")
    return answer
