"""``/api/v1/positions``: CRUD for positions held."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Response

from careerceo.model.position import PositionInput, PositionOut
from careerceo.services import positions as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(prefix="/positions", tags=["positions"])


@router.get("", response_model=list[PositionOut])
def list_positions(
    current: bool = False, ctx: AppContext = Depends(app_context)
) -> list[PositionOut]:
    return service.list_positions(ctx, current_only=current)


@router.post("", response_model=PositionOut, status_code=201)
def add_position(data: PositionInput, ctx: AppContext = Depends(app_context)) -> PositionOut:
    return service.add_position(ctx, data)


@router.get("/{position_id}", response_model=PositionOut)
def get_position(position_id: int, ctx: AppContext = Depends(app_context)) -> PositionOut:
    return service.get_position(ctx, position_id)


@router.put("/{position_id}", response_model=PositionOut)
def replace_position(
    position_id: int, data: PositionInput, ctx: AppContext = Depends(app_context)
) -> PositionOut:
    return service.update_position(ctx, position_id, data.model_dump())


@router.patch("/{position_id}", response_model=PositionOut)
def patch_position(
    position_id: int,
    changes: dict[str, Any] = Body(..., examples=[{"end_date": "2024-06"}]),
    ctx: AppContext = Depends(app_context),
) -> PositionOut:
    """Change only the fields given; dates are re-checked against each other."""
    return service.update_position(ctx, position_id, changes)


@router.delete("/{position_id}", status_code=204)
def delete_position(position_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_position(ctx, position_id)
    return Response(status_code=204)
