"""``/exit``: the exit plan for the current role: start it, add items, tick them off."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError, NotFoundError
from careerceo.model.exit_plan import CovenantType, ExitItemKind, ItemStatus
from careerceo.services import exit_plan as service
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors as field_errors
from careerceo.web.forms import form_view, see_other
from careerceo.web.templating import app_context

router = APIRouter()


def form_errors(exc: CareerError) -> dict[str, str]:
    """A rule across fields (a covenant without its type) is shown on top of the form."""
    errors = field_errors(exc)
    if "value" in errors:
        errors["_form"] = errors.pop("value")
    return errors


ITEM_FIELDS = (
    "kind",
    "title",
    "detail",
    "due_on",
    "counterpart",
    "cadence_days",
    "covenant_type",
)


def _page(
    request: Request,
    ctx: AppContext,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
) -> HTMLResponse:
    try:
        plan = service.show(ctx)
    except NotFoundError:
        plan = None
    context = {
        "plan": plan,
        "kinds": [k.value for k in ExitItemKind],
        "statuses": [s.value for s in ItemStatus],
        "covenants": [""] + [c.value for c in CovenantType],
    }
    return form_view(request, "exit/index.html", context, values, errors, done)


@router.get("/exit", response_class=HTMLResponse)
def exit_page(
    request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _page(request, ctx, done=done)


@router.post("/exit", response_class=HTMLResponse)
def start_plan(
    request: Request,
    last_day: str = Form(""),
    notice_given_on: str = Form(""),
    employer: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {"last_day": last_day, "notice_given_on": notice_given_on or None}
    values["employer"] = employer
    try:
        service.new_plan(ctx, values)
    except CareerError as exc:
        return _page(request, ctx, values=values, errors=form_errors(exc))
    return see_other("/exit?done=added")


@router.post("/exit/items", response_class=HTMLResponse)
def add_item(
    request: Request,
    kind: str = Form(""),
    title: str = Form(""),
    detail: str = Form(""),
    due_on: str = Form(""),
    counterpart: str = Form(""),
    cadence_days: str = Form(""),
    covenant_type: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {name: value for name, value in locals().items() if name in ITEM_FIELDS}
    try:
        service.add_item(ctx, {k: (v or None) if k != "title" else v for k, v in values.items()})
    except CareerError as exc:
        if exc.field == "exit_plan":
            raise
        return _page(request, ctx, values=values, errors=form_errors(exc))
    return see_other("/exit?done=added#items")


@router.post("/exit/items/{item_id}", response_class=HTMLResponse)
def set_status(
    item_id: int, status: str = Form(""), ctx: AppContext = Depends(app_context)
) -> Response:
    service.update_item(ctx, item_id, {"status": status or "open"})
    return see_other("/exit?done=saved#items")


@router.post("/exit/items/{item_id}/delete")
def delete_item(item_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_item(ctx, item_id)
    return see_other("/exit?done=removed#items")
