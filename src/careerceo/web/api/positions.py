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


PATCH_DOC = "Change only the fields given; dates are re-checked against each other."
RecordApi.of(
    service,
    "position",
    PositionOut,
    PositionInput,
    patch_example={"end_date": "2024-06"},
    docs={"patch": PATCH_DOC},
).register(router)
