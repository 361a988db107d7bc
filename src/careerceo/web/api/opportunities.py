"""``/api/v1/opportunities``: the pipeline, stage moves and statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Response

from careerceo.model.pipeline import (
    LinkInput,
    MoveInput,
    OpportunityInput,
    OpportunityOut,
    StatsOut,
)
from careerceo.services import opportunities as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(prefix="/opportunities", tags=["opportunities"])


@router.get("", response_model=list[OpportunityOut])
def list_opportunities(
    stage: str | None = None, ctx: AppContext = Depends(app_context)
) -> list[OpportunityOut]:
    return service.list_opportunities(ctx, stage=stage)


@router.post("", response_model=OpportunityOut, status_code=201)
def add_opportunity(
    data: OpportunityInput, ctx: AppContext = Depends(app_context)
) -> OpportunityOut:
    return service.add_opportunity(ctx, data)


@router.get("/stats", response_model=StatsOut)
def stats(ctx: AppContext = Depends(app_context)) -> StatsOut:
    return service.statistics(ctx)


@router.get("/{opportunity_id}", response_model=OpportunityOut)
def get_opportunity(opportunity_id: int, ctx: AppContext = Depends(app_context)) -> OpportunityOut:
    return service.get_opportunity(ctx, opportunity_id)


@router.patch("/{opportunity_id}", response_model=OpportunityOut)
def patch_opportunity(
    opportunity_id: int,
    changes: dict[str, Any] = Body(..., examples=[{"next_action": "send thank-you"}]),
    ctx: AppContext = Depends(app_context),
) -> OpportunityOut:
    return service.update_opportunity(ctx, opportunity_id, changes)


@router.post("/{opportunity_id}/move", response_model=OpportunityOut)
def move(
    opportunity_id: int, data: MoveInput, ctx: AppContext = Depends(app_context)
) -> OpportunityOut:
    """Move to another stage; recorded in the history with its date."""
    return service.move(ctx, opportunity_id, data)


@router.post("/{opportunity_id}/contacts", response_model=OpportunityOut)
def link_contact(
    opportunity_id: int, data: LinkInput, ctx: AppContext = Depends(app_context)
) -> OpportunityOut:
    return service.link_contact(ctx, opportunity_id, data)


@router.delete("/{opportunity_id}", status_code=204)
def delete_opportunity(opportunity_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_opportunity(ctx, opportunity_id)
    return Response(status_code=204)
