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


PATCH_DOC = "Change only the fields given; the merged entry is validated as a whole."
EXAMPLE = {"level": 4, "intent": "keep"}
RecordApi.of(
    service, "entry", InventoryOut, InventoryInput, patch_example=EXAMPLE, docs={"patch": PATCH_DOC}
).register(router)
