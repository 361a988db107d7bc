"""``/inventory``: list, add, edit and remove skills, knowledge and attributes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.inventory import INTENTS, KINDS, LEVELS
from careerceo.services import inventory as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors, form_fields, see_other
from careerceo.web.templating import app_context, form_page

router = APIRouter()

NEW_ENTRY = {"kind": "skill", "name": "", "level": 3, "intent": "keep", "evidence": ""}
OPTIONS = {
    "kinds": KINDS,
    "intents": [
        ("keep", "keep: use it"),
        ("drop", "drop: move away from it"),
        ("add", "add: learn it"),
    ],
    "levels": LEVELS,
}


def _list_page(
    request: Request,
    ctx: AppContext,
    *,
    kind: str | None = None,
    intent: str | None = None,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
) -> HTMLResponse:
    kind = kind if kind in KINDS else None
    intent = intent if intent in INTENTS else None
    return form_page(
        request,
        "inventory/index.html",
        {
            "entries": service.list_entries(ctx, kind=kind, intent=intent),
            "kind": kind or "",
            "intent": intent or "",
            "values": values or NEW_ENTRY,
            "errors": errors or {},
            "flash": flash(done),
            **OPTIONS,
        },
    )


@router.get("/inventory", response_class=HTMLResponse)
def inventory_page(
    request: Request,
    kind: str | None = None,
    intent: str | None = None,
    done: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _list_page(request, ctx, kind=kind, intent=intent, done=done)


FIELDS = ("kind", "name", "level", "intent", "evidence")
POSTED = form_fields(*FIELDS)
NEW = form_fields(*FIELDS, defaults={"intent": "keep"})  # a new entry is kept unless told


@router.post("/inventory", response_class=HTMLResponse)
def add_entry(
    request: Request,
    values: dict[str, str] = Depends(NEW),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        service.add_entry(ctx, values)
    except CareerError as exc:
        return _list_page(request, ctx, values=values, errors=form_errors(exc))
    return see_other("/inventory?done=added")


def _edit_page(
    request: Request, entry_id: int, values: dict[str, Any], errors: dict[str, str]
) -> HTMLResponse:
    return form_page(
        request,
        "inventory/edit.html",
        {"entry_id": entry_id, "values": values, "errors": errors, **OPTIONS},
    )


@router.get("/inventory/{entry_id}/edit", response_class=HTMLResponse)
def edit_page(
    request: Request, entry_id: int, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    entry = service.get_entry(ctx, entry_id)
    return _edit_page(request, entry_id, entry.model_dump(), {})


@router.post("/inventory/{entry_id}", response_class=HTMLResponse)
def save_entry(
    request: Request,
    entry_id: int,
    values: dict[str, str] = Depends(POSTED),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        service.update_entry(ctx, entry_id, values)
    except CareerError as exc:
        if exc.status == 404:
            raise
        return _edit_page(request, entry_id, values, form_errors(exc))
    return see_other("/inventory?done=saved")


@router.post("/inventory/{entry_id}/delete")
def delete_entry(entry_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_entry(ctx, entry_id)
    return see_other("/inventory?done=removed")
