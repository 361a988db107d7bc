"""What the direction pages share: refused input as messages beside its field (with the page
that fixes it), the post that shows them or redirects, and the alignment trend chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.responses import Response
from pydantic import ValidationError

from careerceo.documents.charts import line_chart
from careerceo.errors import CareerError
from careerceo.services import direction as service
from careerceo.web.actions import href
from careerceo.web.records import Refused, never, submit

T = TypeVar("T")


def field_errors(exc: CareerError | ValidationError) -> dict[str, str]:
    """Field -> message, for showing next to the form field."""
    if isinstance(exc, CareerError):
        shown = {exc.field or "form": exc.message}
        if exc.action:
            shown["next"] = href(exc.action)  # the page that does what the message asks
        return shown
    out: dict[str, str] = {}
    for e in exc.errors():
        loc = [str(part) for part in e["loc"]]
        key = loc[0] if loc else "form"
        msg = str(e["msg"]).removeprefix("Value error, ")
        if key == "activities" and len(loc) > 2 and loc[1].isdigit():
            msg = f"activity {int(loc[1]) + 1}, {loc[2]}: {msg}"
        elif key in {"answers", "ratings", "milestones"} and len(loc) > 1:
            # name the question, goal or milestone whose value is wrong
            what = {"answers": "question", "ratings": "goal", "milestones": "milestone"}[key]
            msg = f"{what} {loc[1]}: {msg}"
        out.setdefault(key, msg)
    return out


def submit_form(
    action: Callable[[], T], then: str | Callable[[T], str], refused: Refused
) -> Response:
    """``records.submit`` for a direction form: its model's refusals (``ValidationError``)
    and the service's (``CareerError``, a missing goal too) go beside the fields, worded by
    ``field_errors``."""
    refusals = (CareerError, ValidationError)
    return submit(action, then, refused, errors=field_errors, raises=never, catches=refusals)


def alignment_chart(rows: list[service.HistoryRow]) -> Any:
    points = service.trend(rows)
    return line_chart(points, label="Alignment by month (0-100); hollow red = missed month")
