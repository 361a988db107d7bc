"""The About page: data attributions, versions and the knowledge base manifest."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerceo.knowledge import load_knowledge
from careerceo.knowledge.attribution import about as about_info
from careerceo.web.templating import templates

router = APIRouter()


@router.get("/about", response_class=HTMLResponse)
def about_page(request: Request) -> HTMLResponse:
    info = about_info(load_knowledge())
    return templates.TemplateResponse(request, "about/about.html", {"info": info})
