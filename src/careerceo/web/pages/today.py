"""``/today``: what is due or overdue, each with the page that does it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.services.context import AppContext
from careerceo.services.today import TodayItem, today_items
from careerceo.web.templating import app_context, templates

router = APIRouter()


def link_for(item: TodayItem) -> str:
    """The page that acts on the item (the web's half of the item's target)."""
    if item.target == "contact":
        return f"/contacts/{item.target_id}#log"
    if item.target == "opportunity":
        return f"/opportunities/{item.target_id}"
    if item.target == "milestone":
        return "/goals"
    return f"/review?month={item.month}"


@router.get("/today", response_class=HTMLResponse)
def today_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    items = today_items(ctx)
    return templates.TemplateResponse(
        request, "today/index.html", {"items": [(item, link_for(item)) for item in items]}
    )
