"""``/profile``: see and edit who you are."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.model.profile import PROFILE_FIELDS
from careerceo.services import profile as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_fields
from careerceo.web.records import never, page_route, submit
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


def _page(request: Request, ctx: AppContext, done: str | None = None) -> HTMLResponse:
    return _render(request, service.get_profile(ctx).model_dump(), {}, done)


page_route(router, "/profile", _page)


@router.post("/profile", response_class=HTMLResponse)
def save_profile(
    request: Request,
    values: dict[str, str] = Depends(form_fields(*PROFILE_FIELDS)),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.update_profile(ctx, values),
        "/profile?done=saved",
        lambda errors: _render(request, values, errors),
        raises=never,
    )
