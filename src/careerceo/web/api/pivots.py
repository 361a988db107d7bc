"""JSON API for pivots: the ranking, one pivot in detail, and a posting gap."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from careerceo.services import pivots as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(tags=["pivots"])


@router.get("/pivots")
def list_pivots(
    ctx: AppContext = Depends(app_context),
    from_: str | None = Query(None, alias="from"),
    zone_min: int | None = None,
    zone_max: int | None = None,
    family: list[str] = Query([]),
    hot_tech: bool = False,
    kind: list[str] = Query([]),
    limit: int = Query(25, ge=1, le=1100),
) -> dict[str, Any]:
    filters = service.check_filters(zone_min, zone_max, family, hot_tech, kind)
    result = service.rank_pivots(None if from_ else ctx, from_=from_, filters=filters, limit=limit)
    return {
        "basis": result.basis,
        "total": result.total,
        "person_zone": result.person_zone,
        "sources": list(result.sources),
        "notes": list(result.notes),
        "reference": [{"code": code, "title": title} for code, title in result.reference],
        "pivots": [row.as_dict() for row in result.rows],
    }


@router.get("/pivots/{code}")
def get_pivot(
    code: str, ctx: AppContext = Depends(app_context), from_: str | None = Query(None, alias="from")
) -> dict[str, Any]:
    return asdict(service.pivot_detail(None if from_ else ctx, code, from_=from_))


class GapIn(BaseModel):
    text: str


@router.post("/gap")
def post_gap(body: GapIn, ctx: AppContext = Depends(app_context)) -> dict[str, Any]:
    result = service.job_gap(ctx, body.text)
    data = asdict(result)
    data.pop("text", None)
    data["have"] = [r.label for r in result.have]
    data["missing"] = [r.label for r in result.missing]
    return data
