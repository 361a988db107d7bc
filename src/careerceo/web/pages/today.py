"""``/today``: what is due or overdue, each with the page that does it."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.services.context import AppContext
from careerceo.services.today import TodayItem, today_items
from careerceo.web.actions import href
from careerceo.web.templating import app_context, templates

router = APIRouter()


def link_for(item: TodayItem) -> str:
    """The page that acts on the item."""
    return href(item.action)


PAGE = 100


@router.get("/today", response_class=HTMLResponse)
def today_page(
    request: Request,
    page: int = 1,
    kind: str = "",
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    """Oldest first, a hundred to a page; the counts per kind say what is waiting in all and
    filter the list to one kind (after an import, follow-ups can outnumber everything else)."""
    items = today_items(ctx)
    counts = Counter(item.kind for item in items)
    chosen = [item for item in items if item.kind == kind] if kind in counts else items
    pages = max(1, -(-len(chosen) // PAGE))
    page = min(max(page, 1), pages)
    shown = chosen[(page - 1) * PAGE : page * PAGE]
    return templates.TemplateResponse(
        request,
        "today/index.html",
        {
            "items": [(item, link_for(item)) for item in shown],
            "total": len(items),
            "matching": len(chosen),
            "counts": counts.most_common(),
            "kind": kind if kind in counts else "",
            "page": page,
            "pages": pages,
        },
    )
