"""The warning-signs check: the questions, the answers, and the trend of its scores."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.analysis.signals import DIMENSIONS, LIKERT, QUESTIONS
from careerceo.documents.charts import line_chart
from careerceo.model.direction import SignalsIn
from careerceo.services import direction as service
from careerceo.services.context import AppContext
from careerceo.web.direction_forms import submit_form
from careerceo.web.forms import posted_text
from careerceo.web.templating import app_context, templates

router = APIRouter()


def _signals_page(
    request: Request,
    ctx: AppContext,
    *,
    answers: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    history = service.signals_history(ctx)
    return templates.TemplateResponse(
        request,
        "direction/signals.html",
        {
            "dimensions": DIMENSIONS,
            "questions": QUESTIONS,
            "likert": LIKERT,
            "answers": answers or {},
            "errors": errors or {},
            "latest": history[-1] if history else None,
            "history": list(reversed(history)),
            "chart": line_chart(
                [(str(h.taken_on), h.overall) for h in history],
                label="Warning signs overall (0-100)",
            )
            if history
            else None,
        },
        status_code=status,
    )


@router.get("/signals", response_class=HTMLResponse)
def signals_page(request: Request, ctx: AppContext = Depends(app_context)) -> HTMLResponse:
    return _signals_page(request, ctx)


@router.post("/signals", response_class=HTMLResponse, response_model=None)
async def take_signals(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    form = await posted_text(request)
    answers = {q.id: form[q.id] for q in QUESTIONS if form.get(q.id)}
    return submit_form(
        lambda: service.take_signals(ctx, SignalsIn.model_validate({"answers": answers})),
        "/signals",
        lambda errors: _signals_page(request, ctx, answers=answers, errors=errors, status=422),
    )
