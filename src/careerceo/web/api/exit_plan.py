"""JSON API for the exit plan (leaving well); bodies are validated by the service."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import PlainTextResponse

from careerceo.services import exit_plan as service
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context

router = APIRouter(prefix="/exit", tags=["exit"])


@router.get("")
def show(ctx: AppContext = Depends(app_context)) -> service.ExitPlanView:
    return service.show(ctx)


@router.post("", status_code=201)
def new_plan(
    data: dict[str, Any] = Body(..., examples=[{"last_day": "2027-01-31"}]),
    ctx: AppContext = Depends(app_context),
) -> service.ExitPlanView:
    return service.new_plan(ctx, data)


@router.patch("")
def edit_plan(
    data: dict[str, Any] = Body(..., examples=[{"notice_given_on": "2026-12-31"}]),
    ctx: AppContext = Depends(app_context),
) -> service.ExitPlanView:
    return service.edit_plan(ctx, data)


RecordApi(
    path="/items",
    id_name="item_id",
    out=service.ExitItemView,
    add=service.add_item,
    patch=service.update_item,
    remove=service.remove_item,
    add_example={"kind": "handover", "title": "Runbook"},
    patch_example={"status": "done"},
    patch_name="data",
    names={"add": "add_item", "patch": "update_item", "remove": "remove_item"},
).register(router)


@router.get("/letter", response_class=PlainTextResponse)
def letter(ctx: AppContext = Depends(app_context)) -> str:
    """A resignation letter drafted from the plan, the position and the name only."""
    return service.resignation_letter(ctx)


@router.get("/due")
def due(ctx: AppContext = Depends(app_context)) -> list[service.DueView]:
    return [
        service.DueView(on=d.on, title=d.title, kind=d.kind, uid=d.uid)
        for d in service.due_items(ctx)
    ]
