"""``/api/v1/inventory``: CRUD for inventory entries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Response

from careerceo.model.inventory import Intent, InventoryInput, InventoryOut, Kind
from careerceo.services import inventory as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(prefix="/inventory", tags=["inventory"])


@router.get("", response_model=list[InventoryOut])
def list_entries(
    kind: Kind | None = None,
    intent: Intent | None = None,
    ctx: AppContext = Depends(app_context),
) -> list[InventoryOut]:
    return service.list_entries(ctx, kind=kind, intent=intent)


@router.post("", response_model=InventoryOut, status_code=201)
def add_entry(data: InventoryInput, ctx: AppContext = Depends(app_context)) -> InventoryOut:
    return service.add_entry(ctx, data)


@router.get("/{entry_id}", response_model=InventoryOut)
def get_entry(entry_id: int, ctx: AppContext = Depends(app_context)) -> InventoryOut:
    return service.get_entry(ctx, entry_id)


@router.put("/{entry_id}", response_model=InventoryOut)
def replace_entry(
    entry_id: int, data: InventoryInput, ctx: AppContext = Depends(app_context)
) -> InventoryOut:
    return service.update_entry(ctx, entry_id, data.model_dump())


@router.patch("/{entry_id}", response_model=InventoryOut)
def patch_entry(
    entry_id: int,
    changes: dict[str, Any] = Body(..., examples=[{"level": 4, "intent": "keep"}]),
    ctx: AppContext = Depends(app_context),
) -> InventoryOut:
    """Change only the fields given; the merged entry is validated as a whole."""
    return service.update_entry(ctx, entry_id, changes)


@router.delete("/{entry_id}", status_code=204)
def delete_entry(entry_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_entry(ctx, entry_id)
    return Response(status_code=204)
