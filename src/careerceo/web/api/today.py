"""``/api/v1/today``: everything due or overdue, ordered by date."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from careerceo.services.context import AppContext
from careerceo.services.today import TodayItem, today_items
from careerceo.web.templating import app_context

router = APIRouter(prefix="/today", tags=["today"])


@router.get("", response_model=list[TodayItem])
def today(ctx: AppContext = Depends(app_context)) -> list[TodayItem]:
    return today_items(ctx)
