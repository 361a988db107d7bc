"""The one Jinja2 environment every page renders with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, FileSystemLoader, pass_context
from markupsafe import Markup

from careerceo import __version__
from careerceo.documents.pivot_pdf import TEMPLATES as DOCUMENT_TEMPLATES
from careerceo.services.context import AppContext
from careerceo.web.actions import href

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
# A page may include a document's body (the pivot report) so that page and PDF never disagree.
templates.env.loader = ChoiceLoader(
    [
        FileSystemLoader(str(Path(__file__).with_name("templates"))),
        FileSystemLoader(str(DOCUMENT_TEMPLATES)),
    ]
)
templates.env.globals["version"] = __version__
templates.env.filters["href"] = href  # an analysis action as the link that does it


def _token(context: Any) -> str:
    request = context.get("request")
    return request_token(request) if request is not None else ""


def request_token(request: Request) -> str:
    """The CSRF token of this request: the signed-in session's own, else the server's."""
    who: Any = getattr(request.state, "identity", None)
    own = str(getattr(who, "csrf", "") or "")
    return own or str(getattr(request.app.state, "csrf_token", "") or "")


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


@pass_context
def signed_in(context: Any) -> Any:
    """The identity signed in for this request (accounts mode), or None."""
    request = context.get("request")
    return getattr(getattr(request, "state", None), "identity", None)


templates.env.globals["signed_in"] = signed_in
templates.env.globals["csrf_input"] = csrf_input
templates.env.globals["nav_groups"] = nav_groups
templates.env.globals["csrf_token"] = csrf_token


def app_context(request: Request) -> AppContext:
    """FastAPI dependency: the context of whoever is asking. Local mode: the one person the app
    was started for. Accounts mode: the signed-in identity's own person, so a route reads and
    writes that person's rows only; with nobody signed in there is no context at all."""
    ctx: AppContext = request.app.state.ctx
    if not ctx.settings.accounts:
        return ctx
    who = getattr(request.state, "identity", None)
    if who is None:
        from careerceo.web.auth import NotSignedIn

        raise NotSignedIn()
    return ctx.for_person(who.person_id)


def form_page(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    """A page with a form, answered 422 when it shows the form's ``errors``: a refused form is
    not a success, for a script or a test any more than for the person reading it."""
    status = 422 if context.get("errors") else 200
    return templates.TemplateResponse(request, name, context, status_code=status)
