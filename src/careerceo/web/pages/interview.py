"""``/interview``: progress per category and practice sessions, one question at a time.

A session is a queue of question ids carried in the page (hidden field and query string), so a
friend reading the questions aloud can use it on any device; each rating is saved as it is
given, and a refused rating is shown beside the buttons with nothing saved.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.analysis.interview_practice import ALGORITHM, RATING_TO_QUALITY
from careerceo.errors import CareerError
from careerceo.model.interview import RATING_MESSAGE
from careerceo.services import interview as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors, see_other
from careerceo.web.templating import app_context, templates

router = APIRouter()

RATING_LABELS = {
    1: "1 · could not answer",
    2: "2 · weak",
    3: "3 · got through it",
    4: "4 · good",
    5: "5 · natural",
}


def _queue(raw: str) -> list[str]:
    return [q for q in raw.split(",") if q.strip()][: service.MAX_SESSION]


@router.get("/interview", response_class=HTMLResponse)
def interview_page(
    request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    stats = service.stats(ctx)
    message = "Session saved: weak answers come back first." if done == "practised" else None
    return templates.TemplateResponse(
        request,
        "interview/index.html",
        {
            "stats": stats,
            "flash": message or flash(done),
            "errors": {},
            "values": {"count": "5", "occupation": ""},
            "algorithm": ALGORITHM,
            "mapping": RATING_TO_QUALITY,
        },
    )


@router.get("/interview/practice", response_class=HTMLResponse)
def practice_page(
    request: Request,
    queue: str = "",
    count: str = "5",
    occupation: str = "",
    total: int = 0,
    ctx: AppContext = Depends(app_context),
) -> Response:
    if not queue:
        try:
            number = int(count)
        except ValueError:
            number = 0
        try:
            picks = service.practice_queue(ctx, count=number, occupation=occupation or None)
        except CareerError as exc:
            return templates.TemplateResponse(
                request,
                "interview/index.html",
                {
                    "stats": service.stats(ctx),
                    "errors": form_errors(exc),
                    "values": {"count": count, "occupation": occupation},
                    "algorithm": ALGORITHM,
                    "mapping": RATING_TO_QUALITY,
                },
                status_code=422,
            )
        ids = [p.question.id for p in picks]
        if not ids:
            return see_other("/interview")
        query = urlencode({"queue": ",".join(ids), "total": len(ids)})
        return see_other(f"/interview/practice?{query}")
    return _question_page(request, ctx, _queue(queue), total, {}, {})


def _question_page(
    request: Request,
    ctx: AppContext,
    queue: list[str],
    total: int,
    values: dict[str, str],
    errors: dict[str, str],
) -> HTMLResponse:
    question = service.get_question(ctx, queue[0])
    answer = service.get_answer(ctx, question.id)
    total = max(total, len(queue))
    return templates.TemplateResponse(
        request,
        "interview/practice.html",
        {
            "question": question,
            "answer": answer,
            "rest": ",".join(queue[1:]),
            "position": total - len(queue) + 1,
            "total": total,
            "ratings": RATING_LABELS,
            "values": values,
            "errors": errors,
        },
        status_code=422 if errors else 200,
    )


@router.post("/interview/practice", response_class=HTMLResponse)
def rate_question(
    request: Request,
    question_id: str = Form(""),
    rating: str = Form(""),
    notes: str = Form(""),
    seconds: str = Form(""),
    rest: str = Form(""),
    total: int = Form(0),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {"rating": rating, "notes": notes}
    if not rating:
        errors = {"rating": f"choose a rating: {RATING_MESSAGE}"}
        return _question_page(request, ctx, [question_id, *_queue(rest)], total, values, errors)
    try:
        service.record_session(
            ctx,
            [
                {
                    "question_id": question_id,
                    "rating": rating,
                    "notes": notes,
                    "seconds": seconds or None,
                }
            ],
        )
    except CareerError as exc:
        if exc.status == 404:
            raise
        errors = form_errors(exc)
        return _question_page(request, ctx, [question_id, *_queue(rest)], total, values, errors)
    if not rest:
        return see_other("/interview?done=practised")
    query = urlencode({"queue": rest, "total": total})
    return see_other(f"/interview/practice?{query}")
