"""``/positions``: the work history, with add, edit and remove."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.model.position import PositionOut
from careerceo.services import positions as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, month_text
from careerceo.web.records import RecordPages
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


RecordPages(
    path="/positions",
    id_name="position_id",
    fields=FIELDS,
    edit_template="positions/edit.html",
    list_page=_list_page,
    get=service.get_position,
    add=service.add_position,
    update=service.update_position,
    remove=service.remove_position,
    as_values=_values,
).register(router)
