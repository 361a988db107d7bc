"""``/interview/rounds``: add a round, read its prep laid out day by day, write the debrief."""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.analysis.interview_rounds import ROUND_TYPES
from careerceo.errors import CareerError
from careerceo.services import interview_rounds as service
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors, form_fields, form_view
from careerceo.web.records import FormPage, never, page_route, submit
from careerceo.web.templating import app_context

router = APIRouter()
RATED = re.compile(r"^\s*([0-9]+)\s*:\s*(.*)$")
TYPES = [(k, v.label) for k, v in ROUND_TYPES.items()]
ROUND_FIELDS = (
    "round_type",
    "scheduled_on",
    "company",
    "occupation_code",
    "opportunity_id",
    "interviewers",
)


_list = FormPage(
    "interview/rounds.html", lambda ctx: {"rounds": service.list_rounds(ctx), "types": TYPES}
)


page_route(router, "/interview/rounds", _list)


@router.post("/interview/rounds", response_class=HTMLResponse)
def add_round(
    request: Request,
    values: dict[str, str] = Depends(form_fields(*ROUND_FIELDS)),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.add_round(ctx, {k: v or None for k, v in values.items()}),
        lambda made: f"/interview/rounds/{made.id}",
        lambda errors: _list(request, ctx, values, errors),
        raises=never,
    )


def _prep(
    request: Request,
    ctx: AppContext,
    round_id: int,
    values: dict[str, str],
    errors: dict[str, str],
    done: str | None = None,
) -> HTMLResponse:
    context = {"prep": service.prep(ctx, round_id)}
    return form_view(request, "interview/round.html", context, values, errors, done)


@router.get("/interview/rounds/{round_id}", response_class=HTMLResponse)
def round_page(
    request: Request, round_id: int, done: str | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _prep(request, ctx, round_id, {}, {}, done)


@router.post("/interview/rounds/{round_id}/debrief", response_class=HTMLResponse)
def debrief(
    request: Request,
    round_id: int,
    values: dict[str, str] = Depends(form_fields("asked", "went", "notes", "thank_you_sent_on")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    went, thank_you_sent_on = values["went"], values["thank_you_sent_on"]
    items = []
    for line in values["asked"].splitlines():
        if not line.strip():
            continue
        match = RATED.match(line)
        items.append(
            {"text": match.group(2), "rating": match.group(1)} if match else {"text": line}
        )
    given = {
        "asked": items,
        "went": went or None,
        "notes": values["notes"],
        "thank_you_sent_on": thank_you_sent_on or None,
    }
    return submit(
        lambda: service.debrief(ctx, round_id, given),
        f"/interview/rounds/{round_id}?done=saved",
        lambda errors: _prep(request, ctx, round_id, values, errors),
        errors=_debrief_errors,
    )


def _debrief_errors(exc: CareerError) -> dict[str, str]:
    """Every ``asked.N...`` goes beside the one textarea; a round problem on top."""
    errors = {("asked" if k.startswith("asked") else k): v for k, v in form_errors(exc).items()}
    if "round_id" in errors:
        errors["_form"] = errors.pop("round_id")
    return errors
