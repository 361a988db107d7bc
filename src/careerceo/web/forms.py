"""Helpers for server-rendered forms: refused input becomes messages beside the fields."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date

from fastapi import Request

from careerceo.errors import CareerError
from careerceo.model.common import InputError

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
