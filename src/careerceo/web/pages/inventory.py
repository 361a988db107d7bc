"""``/inventory``: list, add, edit and remove skills, knowledge and attributes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.model.inventory import INTENTS, KINDS, LEVELS
from careerceo.services import inventory as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash
from careerceo.web.records import RecordPages
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


RecordPages(
    path="/inventory",
    id_name="entry_id",
    fields=("kind", "name", "level", "intent", "evidence"),
    edit_template="inventory/edit.html",
    list_page=_list_page,
    get=service.get_entry,
    add=service.add_entry,
    update=service.update_entry,
    remove=service.remove_entry,
    new_defaults={"intent": "keep"},  # a new entry is kept unless told
    options=OPTIONS,
).register(router)
