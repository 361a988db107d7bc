"""``/profile``: see and edit who you are."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.profile import PROFILE_FIELDS
from careerceo.services import profile as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors, see_other
from careerceo.web.templating import app_context, form_page

router = APIRouter()


def _render(
    request: Request, values: dict[str, Any], errors: dict[str, str], done: str | None = None
) -> HTMLResponse:
    return form_page(
        request,
        "profile/index.html",
        {"values": values, "errors": errors, "flash": flash(done)},
    )


@router.get("/profile", response_class=HTMLResponse)
def profile_page(
    request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    profile = service.get_profile(ctx)
    return _render(request, profile.model_dump(), {}, done)


@router.post("/profile", response_class=HTMLResponse)
def save_profile(
    request: Request,
    full_name: str = Form(""),
    headline: str = Form(""),
    summary: str = Form(""),
    email: str = Form(""),
    phone: str = Form(""),
    location: str = Form(""),
    website: str = Form(""),
    linkedin_url: str = Form(""),
    occupation_code: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {name: value for name, value in locals().items() if name in PROFILE_FIELDS}
    try:
        service.update_profile(ctx, values)
    except CareerError as exc:
        return _render(request, values, form_errors(exc))
    return see_other("/profile?done=saved")
