"""The one Jinja2 environment every page renders with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup

from careerceo import __version__
from careerceo.services.context import AppContext
from careerceo.web.actions import href

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.globals["version"] = __version__
templates.env.filters["href"] = href  # an analysis action as the link that does it


def _token(context: Any) -> str:
    request = context.get("request")
    token = getattr(getattr(getattr(request, "app", None), "state", None), "csrf_token", "")
    return str(token or "")


@pass_context
def csrf_input(context: Any) -> Markup:
    """The hidden ``csrf_token`` field every POST form must carry (see ``web.security``)."""
    from careerceo.web.security import csrf_markup

    return csrf_markup(_token(context))


@pass_context
def csrf_token(context: Any) -> str:
    """The bare token, for ``<meta name="csrf-token">`` that scripts send as X-CSRF-Token."""
    return _token(context)


@pass_context
def nav_groups(context: Any) -> tuple[Any, ...]:
    """The navigation groups of the app serving this request (``web.nav``)."""
    request = context.get("request")
    state = getattr(getattr(request, "app", None), "state", None)
    return tuple(getattr(state, "nav", ()))


templates.env.globals["csrf_input"] = csrf_input
templates.env.globals["nav_groups"] = nav_groups
templates.env.globals["csrf_token"] = csrf_token


def app_context(request: Request) -> AppContext:
    """FastAPI dependency: the context the app was created with."""
    ctx: AppContext = request.app.state.ctx
    return ctx
