"""``/offers``: the offers side by side, scored with weights set in the page's form (GET, so
a comparison can be bookmarked and nothing is stored)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.errors import CareerError
from careerceo.services import opportunities as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context, templates

router = APIRouter()


@router.get("/offers", response_class=HTMLResponse)
def offers_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    given = {key[2:]: value for key, value in request.query_params.items() if key.startswith("w_")}
    error = ""
    try:
        weights = service.parse_weights(given)
    except CareerError as exc:
        error, weights = exc.message, {}
    try:
        result = service.compare_offers(ctx, weights or None)
    except CareerError as exc:
        if exc.status != 404:
            raise
        result = None
    return templates.TemplateResponse(
        request,
        "offers/index.html",
        {"result": result, "error": error},
        status_code=422 if error else 200,
    )
