"""The one Jinja2 environment every page renders with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from careerceo import __version__
from careerceo.services.context import AppContext
from careerceo.web.actions import href

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.globals["version"] = __version__
templates.env.filters["href"] = href  # an analysis action as the link that does it


def app_context(request: Request) -> AppContext:
    """FastAPI dependency: the context the app was created with."""
    ctx: AppContext = request.app.state.ctx
    return ctx


def form_page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    """A page with a form, answered 422 when it shows the form's ``errors``: a refused form is
    not a success, for a script or a test any more than for the person reading it."""
    status = 422 if context.get("errors") else 200
    return templates.TemplateResponse(request, name, context, status_code=status)
