"""The one Jinja2 environment every page renders with."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from careerceo import __version__
from careerceo.services.context import AppContext

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.globals["version"] = __version__


def app_context(request: Request) -> AppContext:
    """FastAPI dependency: the context the app was created with."""
    ctx: AppContext = request.app.state.ctx
    return ctx


def _csrf_input() -> str:
    """Forms call ``{{ csrf_input() }}``; empty until the app issues CSRF tokens."""
    return ""


templates.env.globals.setdefault("csrf_input", _csrf_input)
