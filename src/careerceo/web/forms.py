"""Helpers for server-rendered forms: refused input becomes messages beside the fields."""

from __future__ import annotations

from datetime import date

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
