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
from careerceo.web.forms import form_fields, see_other
from careerceo.web.records import FormPage, never, page_route, submit
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


def _context(ctx: AppContext) -> dict[str, Any]:
    try:
        plan = service.show(ctx)
    except NotFoundError:
        plan = None
    return {
        "plan": plan,
        "kinds": [k.value for k in ExitItemKind],
        "statuses": [s.value for s in ItemStatus],
        "covenants": [""] + [c.value for c in CovenantType],
    }


_page = FormPage("exit/index.html", _context)


page_route(router, "/exit", _page)


@router.post("/exit", response_class=HTMLResponse)
def start_plan(
    request: Request,
    form: dict[str, str] = Depends(form_fields("last_day", "notice_given_on", "employer")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {**form, "notice_given_on": form["notice_given_on"] or None}
    return submit(
        lambda: service.new_plan(ctx, values),
        "/exit?done=added",
        lambda errors: _page(request, ctx, values=values, errors=errors),
        errors=form_errors,
        raises=never,
    )


@router.post("/exit/items", response_class=HTMLResponse)
def add_item(
    request: Request,
    values: dict[str, str] = Depends(form_fields(*ITEM_FIELDS)),
    ctx: AppContext = Depends(app_context),
) -> Response:
    given = {k: (v or None) if k != "title" else v for k, v in values.items()}
    return submit(
        lambda: service.add_item(ctx, given),
        "/exit?done=added#items",
        lambda errors: _page(request, ctx, values=values, errors=errors),
        errors=form_errors,
        raises=lambda exc: exc.field == "exit_plan",  # no plan yet: the page says so
    )


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
