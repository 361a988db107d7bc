"""``/api/v1/positions``: CRUD for positions held."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerceo.model.position import PositionInput, PositionOut
from careerceo.services import positions as service
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context

router = APIRouter(prefix="/positions", tags=["positions"])


@router.get("", response_model=list[PositionOut])
def list_positions(
    current: bool = False, ctx: AppContext = Depends(app_context)
) -> list[PositionOut]:
    return service.list_positions(ctx, current_only=current)


RecordApi(
    id_name="position_id",
    out=PositionOut,
    body=PositionInput,
    add=service.add_position,
    get=service.get_position,
    replace=service.update_position,
    patch=service.update_position,
    remove=service.remove_position,
    patch_example={"end_date": "2024-06"},
    names={
        "add": "add_position",
        "get": "get_position",
        "replace": "replace_position",
        "patch": "patch_position",
        "remove": "delete_position",
    },
    docs={"patch": "Change only the fields given; dates are re-checked against each other."},
).register(router)
