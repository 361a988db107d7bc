"""The dashboard: a first page that says where things stand."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.services.context import AppContext
from careerceo.web.templating import app_context, templates

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return templates.TemplateResponse(request, "dashboard.html", {"person_id": ctx.person_id})
