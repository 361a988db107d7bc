"""``/api/v1/inventory``: CRUD for inventory entries."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerceo.model.inventory import Intent, InventoryInput, InventoryOut, Kind
from careerceo.services import inventory as service
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context

router = APIRouter(prefix="/inventory", tags=["inventory"])


@router.get("", response_model=list[InventoryOut])
def list_entries(
    kind: Kind | None = None,
    intent: Intent | None = None,
    ctx: AppContext = Depends(app_context),
) -> list[InventoryOut]:
    return service.list_entries(ctx, kind=kind, intent=intent)


RecordApi(
    id_name="entry_id",
    out=InventoryOut,
    body=InventoryInput,
    add=service.add_entry,
    get=service.get_entry,
    replace=service.update_entry,
    patch=service.update_entry,
    remove=service.remove_entry,
    patch_example={"level": 4, "intent": "keep"},
    names={
        "add": "add_entry",
        "get": "get_entry",
        "replace": "replace_entry",
        "patch": "patch_entry",
        "remove": "delete_entry",
    },
    docs={"patch": "Change only the fields given; the merged entry is validated as a whole."},
).register(router)
