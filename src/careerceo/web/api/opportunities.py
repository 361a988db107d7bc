"""``/api/v1/opportunities``: the pipeline, stage moves and statistics."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, File, Request, Response, UploadFile

from careerceo.model.pipeline import (
    LinkInput,
    MoveInput,
    OpportunityInput,
    OpportunityOut,
    StatsOut,
)
from careerceo.services import opportunities as service
from careerceo.services.context import AppContext
from careerceo.services.tracker_import import TrackerSummary, export_tracker, import_tracker
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context
from careerceo.web.uploads import MAX_TRACKER_BYTES, import_upload

router = APIRouter(prefix="/opportunities", tags=["opportunities"])


@router.get("", response_model=list[OpportunityOut])
def list_opportunities(
    stage: str | None = None, ctx: AppContext = Depends(app_context)
) -> list[OpportunityOut]:
    return service.list_opportunities(ctx, stage=stage)


@router.get("/stats", response_model=StatsOut)
def stats(ctx: AppContext = Depends(app_context)) -> StatsOut:
    return service.statistics(ctx)


@router.get("/offers")
def compare_offers(request: Request, ctx: AppContext = Depends(app_context)) -> dict[str, Any]:
    """Offers side by side; weights as query parameters ``w_<criterion>=<number>``."""
    given = {k[2:]: v for k, v in request.query_params.items() if k.startswith("w_")}
    result = service.compare_offers(ctx, service.parse_weights(given) or None)
    return asdict(result)


@router.post("/import", response_model=TrackerSummary)
async def import_csv(
    file: UploadFile = File(...), ctx: AppContext = Depends(app_context)
) -> TrackerSummary:
    """Another tracker's CSV (title and status per row, dates become stage history)."""
    return await import_upload(
        file, MAX_TRACKER_BYTES, "applications.csv", partial(import_tracker, ctx)
    )


@router.get("/export.csv")
def export_csv(ctx: AppContext = Depends(app_context)) -> Response:
    return Response(export_tracker(ctx), media_type="text/csv; charset=utf-8")


RecordApi.of(
    service,
    "opportunity",
    OpportunityOut,
    OpportunityInput,
    "add",
    "get",
    "patch",
    "remove",
    patch_example={"next_action": "send thank-you"},
).register(router)


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
