"""Helpers for server-rendered forms: refused input becomes messages beside the fields."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from careerceo.errors import CareerError
from careerceo.model.common import InputError
from careerceo.web.templating import templates

# Post-redirect-get: the redirect carries a code, never free text, so a link cannot make the
# page say something the app did not.
DONE_MESSAGES = {
    "added": "Added.",
    "saved": "Saved.",
    "removed": "Removed.",
}


def flash(done: str | None) -> str | None:
    return DONE_MESSAGES.get(done or "")


def form_errors(exc: CareerError) -> dict[str, str]:
    """Field name → message; a problem with no field goes to ``_form`` (shown on top)."""
    if isinstance(exc, InputError):
        return dict(exc.errors)
    return {exc.field or "_form": exc.message}


def month_text(value: date | None) -> str:
    """How a date is shown in a form: ``YYYY-MM`` when it stands for a whole month."""
    if value is None:
        return ""
    return value.strftime("%Y-%m") if value.day == 1 else value.isoformat()


def form_fields(
    *names: str, defaults: Mapping[str, str] | None = None
) -> Callable[[Request], Awaitable[dict[str, str]]]:
    """A dependency that reads the named fields of a posted form as text ("" when left out), so
    the add and the save of one record list their fields once, not in two signatures."""
    given = dict(defaults or {})

    async def read(request: Request) -> dict[str, str]:
        form = await request.form()
        return {name: str(form.get(name, given.get(name, ""))) for name in names}

    return read


async def posted_text(request: Request) -> dict[str, str]:
    """Every field of a posted form as text, for the handlers that read fields by their own rules
    (defaults, prefixes, a question list) rather than by a fixed list of names."""
    return {name: str(value) for name, value in (await request.form()).items()}


def see_other(url: str) -> RedirectResponse:
    """The redirect after a successful post (303: the browser follows it with a GET)."""
    return RedirectResponse(url, status_code=303)


def form_view(
    request: Request,
    name: str,
    context: dict[str, Any],
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    done: str | None = None,
) -> HTMLResponse:
    """A page with a form: what was typed (``values``), the messages beside the refused fields
    (``errors``, answered 422) and the word a finished post-redirect-get left (``done``)."""
    page = {**context, "values": values or {}, "errors": errors or {}, "flash": flash(done)}
    status = 422 if errors else 200
    return templates.TemplateResponse(request, name, page, status_code=status)
