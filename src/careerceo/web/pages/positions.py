"""``/positions``: the work history, with add, edit and remove."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.position import PositionOut
from careerceo.services import positions as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors, form_fields, month_text, see_other
from careerceo.web.templating import app_context, form_page

router = APIRouter()

FIELDS = (
    "employer",
    "title",
    "start_date",
    "end_date",
    "location",
    "occupation_code",
    "description",
)
POSTED = form_fields(*FIELDS)


def _values(position: PositionOut) -> dict[str, Any]:
    values = position.model_dump()
    values["start_date"] = month_text(position.start_date)
    values["end_date"] = month_text(position.end_date)
    values["occupation_code"] = position.occupation_code or ""
    return values


def _list_page(
    request: Request,
    ctx: AppContext,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
) -> HTMLResponse:
    positions = service.list_positions(ctx)
    return form_page(
        request,
        "positions/index.html",
        {
            "positions": [(p, month_text(p.start_date), month_text(p.end_date)) for p in positions],
            "values": values or dict.fromkeys(FIELDS, ""),
            "errors": errors or {},
            "flash": flash(done),
        },
    )


@router.get("/positions", response_class=HTMLResponse)
def positions_page(
    request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _list_page(request, ctx, done=done)


@router.post("/positions", response_class=HTMLResponse)
def add_position(
    request: Request,
    values: dict[str, str] = Depends(POSTED),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        service.add_position(ctx, values)
    except CareerError as exc:
        return _list_page(request, ctx, values=values, errors=form_errors(exc))
    return see_other("/positions?done=added")


def _edit_page(
    request: Request, position_id: int, values: dict[str, Any], errors: dict[str, str]
) -> HTMLResponse:
    return form_page(
        request,
        "positions/edit.html",
        {"position_id": position_id, "values": values, "errors": errors},
    )


@router.get("/positions/{position_id}/edit", response_class=HTMLResponse)
def edit_page(
    request: Request, position_id: int, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _edit_page(request, position_id, _values(service.get_position(ctx, position_id)), {})


@router.post("/positions/{position_id}", response_class=HTMLResponse)
def save_position(
    request: Request,
    position_id: int,
    values: dict[str, str] = Depends(POSTED),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        service.update_position(ctx, position_id, values)
    except CareerError as exc:
        if exc.status == 404:
            raise
        return _edit_page(request, position_id, values, form_errors(exc))
    return see_other("/positions?done=saved")


@router.post("/positions/{position_id}/delete")
def delete_position(position_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_position(ctx, position_id)
    return see_other("/positions?done=removed")
