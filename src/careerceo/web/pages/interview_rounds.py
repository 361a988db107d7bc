"""``/interview/rounds``: add a round, read its prep laid out day by day, write the debrief."""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.analysis.interview_rounds import ROUND_TYPES
from careerceo.errors import CareerError
from careerceo.services import interview_rounds as service
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors
from careerceo.web.templating import app_context, templates

router = APIRouter()
RATED = re.compile(r"^\s*([0-9]+)\s*:\s*(.*)$")
TYPES = [(k, v.label) for k, v in ROUND_TYPES.items()]


def _list(
    request: Request,
    ctx: AppContext,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "interview/rounds.html",
        {
            "rounds": service.list_rounds(ctx),
            "types": TYPES,
            "values": values or {},
            "errors": errors or {},
            "flash": flash(done),
        },
        status_code=422 if errors else 200,
    )


@router.get("/interview/rounds", response_class=HTMLResponse)
def rounds_page(
    request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _list(request, ctx, done=done)


@router.post("/interview/rounds", response_class=HTMLResponse)
def add_round(
    request: Request,
    round_type: str = Form(""),
    scheduled_on: str = Form(""),
    company: str = Form(""),
    occupation_code: str = Form(""),
    opportunity_id: str = Form(""),
    interviewers: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {
        "round_type": round_type,
        "scheduled_on": scheduled_on,
        "company": company,
        "occupation_code": occupation_code,
        "opportunity_id": opportunity_id,
        "interviewers": interviewers,
    }
    try:
        made = service.add_round(ctx, {k: v or None for k, v in values.items()})
    except CareerError as exc:
        return _list(request, ctx, values, form_errors(exc))
    return RedirectResponse(f"/interview/rounds/{made.id}", status_code=303)


def _prep(
    request: Request,
    ctx: AppContext,
    round_id: int,
    values: dict[str, str],
    errors: dict[str, str],
    done: str | None = None,
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "interview/round.html",
        {
            "prep": service.prep(ctx, round_id),
            "values": values,
            "errors": errors,
            "flash": flash(done),
        },
        status_code=422 if errors else 200,
    )


@router.get("/interview/rounds/{round_id}", response_class=HTMLResponse)
def round_page(
    request: Request, round_id: int, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _prep(request, ctx, round_id, {}, {}, done)


@router.post("/interview/rounds/{round_id}/debrief", response_class=HTMLResponse)
def debrief(
    request: Request,
    round_id: int,
    asked: str = Form(""),
    went: str = Form(""),
    notes: str = Form(""),
    thank_you_sent_on: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {"asked": asked, "went": went, "notes": notes, "thank_you_sent_on": thank_you_sent_on}
    items = []
    for line in asked.splitlines():
        if not line.strip():
            continue
        match = RATED.match(line)
        items.append(
            {"text": match.group(2), "rating": match.group(1)} if match else {"text": line}
        )
    try:
        service.debrief(
            ctx,
            round_id,
            {
                "asked": items,
                "went": went or None,
                "notes": notes,
                "thank_you_sent_on": thank_you_sent_on or None,
            },
        )
    except CareerError as exc:
        if exc.status == 404:
            raise
        errors = {("asked" if k.startswith("asked") else k): v for k, v in form_errors(exc).items()}
        if "round_id" in errors:
            errors["_form"] = errors.pop("round_id")
        return _prep(request, ctx, round_id, values, errors)
    return RedirectResponse(f"/interview/rounds/{round_id}?done=saved", status_code=303)
