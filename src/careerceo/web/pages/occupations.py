"""/occupations: search occupations, normalise a job title, and read one occupation."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from careerceo.errors import CareerError
from careerceo.knowledge import load_knowledge
from careerceo.knowledge.matching import matcher_for
from careerceo.knowledge.profile import occupation_profile
from careerceo.knowledge.search import SearchHit, TitleResult
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context, templates

router = APIRouter()


@router.get("/occupations", response_class=HTMLResponse)
def occupations_page(
    request: Request,
    q: str | None = None,
    title: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    errors: dict[str, str] = {}
    hits: list[SearchHit] | None = None
    normalized: TitleResult | None = None
    status = 200
    if q is not None or title is not None:
        matcher = matcher_for(load_knowledge(), ctx.settings.data_dir / "cache")
        if q is not None:
            try:
                hits = matcher.search(q, 25)
            except CareerError as exc:
                errors["q"] = exc.message
        if title is not None:
            try:
                normalized = matcher.normalize(title, 5)
            except CareerError as exc:
                errors["title"] = exc.message
        status = 422 if errors else 200
    return templates.TemplateResponse(
        request,
        "occupations/search.html",
        {
            "q": q or "",
            "title_text": title or "",
            "hits": hits,
            "normalized": normalized,
            "errors": errors,
        },
        status_code=status,
    )


@router.get("/occupations/{code}", response_class=HTMLResponse)
def occupation_page(request: Request, code: str) -> HTMLResponse:
    profile = occupation_profile(load_knowledge(), code, top=None)
    return templates.TemplateResponse(request, "occupations/show.html", {"p": profile})
