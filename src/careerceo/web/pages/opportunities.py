"""``/opportunities``: the board (one column per stage), statistics, and one opportunity."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from careerceo.documents.eml import MAX_EML_BYTES
from careerceo.errors import CareerError
from careerceo.model.job_search_enums import CloseReason, ContactRole, Source, Stage
from careerceo.services import opportunities as service
from careerceo.services.context import AppContext
from careerceo.services.tracker_import import export_tracker, import_tracker
from careerceo.web.forms import flash, form_errors, form_fields, see_other
from careerceo.web.records import missing, never, submit
from careerceo.web.templating import app_context, templates
from careerceo.web.uploads import MAX_TRACKER_BYTES, import_upload

router = APIRouter()

ENDED_STAGES = ("accepted", "declined", "closed")
ENDED_SHOWN = 30
COLUMN_SHOWN = 60  # cards per active column on the board; the column's own view has them all
STAGE_PAGE = 100

STAGES = [s.value for s in Stage]
OPTIONS = {
    "stages": STAGES,
    "reasons": [("", "")] + [(r.value, r.value) for r in CloseReason],
    "sources": [("", "")] + [(s.value, s.value) for s in Source],
    "roles": [r.value for r in ContactRole],
}
EDIT_FIELDS = ("title", "company", "source", "url", "posting_id", "next_action",
               "next_action_due", "posted_pay", "stated_pay", "stated_to",
               "negotiation_notes", "notes")  # fmt: skip
OFFER_FIELDS = ("base", "bonus", "equity", "benefits", "currency", "start_date", "deadline",
                "ratings")  # fmt: skip


def _board(
    request: Request,
    ctx: AppContext,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
    imported: Any = None,
    stage: str = "",
    page: int = 1,
) -> HTMLResponse:
    """The board: every column with its most recently changed cards (a column of hundreds is
    read no one reads card by card); ``stage`` shows one column whole, a page at a time."""
    items = service.board_cards(ctx)
    columns = {s: [o for o in items if o.stage == s] for s in STAGES}
    totals = {s: len(cards) for s, cards in columns.items()}
    one = stage if stage in columns else ""
    pages = max(1, -(-totals[one] // STAGE_PAGE)) if one else 1
    page = min(max(page, 1), pages)
    for s in STAGES:
        if one:
            columns[s] = columns[s][(page - 1) * STAGE_PAGE : page * STAGE_PAGE] if s == one else []
        else:
            columns[s] = columns[s][: ENDED_SHOWN if s in ENDED_STAGES else COLUMN_SHOWN]
    return templates.TemplateResponse(
        request,
        "opportunities/board.html",
        {
            "columns": columns,
            "totals": totals,
            "shown_stages": [one] if one else STAGES,
            "one_stage": one,
            "page": page,
            "pages": pages,
            "stats": service.statistics(ctx),
            "values": values or {},
            "errors": errors or {},
            "flash": flash(done),
            "imported": imported,
            "neighbours": {
                stage: (STAGES[i - 1] if 0 < i < 6 else None, STAGES[i + 1] if i + 1 < 6 else None)
                for i, stage in enumerate(STAGES)
            },
            **OPTIONS,
        },
        status_code=422 if errors else 200,
    )


@router.get("/opportunities", response_class=HTMLResponse)
def board_page(
    request: Request,
    done: str | None = None,
    stage: str = "",
    page: int = 1,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _board(request, ctx, done=done, stage=stage, page=page)


@router.post("/opportunities", response_class=HTMLResponse)
def add_opportunity(
    request: Request,
    values: dict[str, str] = Depends(form_fields("title", "company", "stage", "source", "url")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.add_opportunity(ctx, {k: v for k, v in values.items() if v}),
        "/opportunities?done=added",
        lambda errors: _board(request, ctx, values=values, errors=errors),
        raises=never,
    )


@router.post("/opportunities/import", response_class=HTMLResponse)
async def import_csv(
    request: Request, file: UploadFile = File(...), ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    """Another tracker's CSV: the applications with their dated history (one transaction)."""
    try:
        summary = await import_upload(
            file, MAX_TRACKER_BYTES, "applications.csv", partial(import_tracker, ctx)
        )
    except CareerError as exc:
        return _board(request, ctx, errors={"file": exc.message})
    return _board(request, ctx, imported=summary)


@router.get("/opportunities.csv")
def export_csv(ctx: AppContext = Depends(app_context)) -> Response:
    return Response(
        export_tracker(ctx),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="opportunities.csv"'},
    )


@router.post("/opportunities/{opportunity_id}/move", response_class=HTMLResponse)
async def move(
    request: Request, opportunity_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    """The board's button fallback (and the detail page's move form)."""
    form = await request.form()
    change = {k: str(form.get(k, "")) for k in ("stage", "reason", "on", "note")}
    back = str(form.get("back", "board"))
    target = f"/opportunities/{opportunity_id}" if back == "detail" else "/opportunities"
    return submit(
        lambda: service.move(ctx, opportunity_id, {k: v for k, v in change.items() if v}),
        f"{target}?done=saved",
        lambda errors: (
            _detail(request, ctx, opportunity_id, move_errors=errors)
            if back == "detail"
            else _board(request, ctx, errors=errors)
        ),
    )


def _detail(
    request: Request,
    ctx: AppContext,
    opportunity_id: int,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    move_errors: dict[str, str] | None = None,
    done: str | None = None,
    suggestion: Any = None,
) -> HTMLResponse:
    opp = service.get_opportunity(ctx, opportunity_id)
    current = opp.model_dump(mode="json")
    current["company"] = current["company"] or ""
    for key, value in opp.offer.model_dump(mode="json").items():
        current[f"offer_{key}"] = value
    current["offer_ratings"] = ", ".join(f"{k}={v}" for k, v in opp.offer.ratings.items())
    return templates.TemplateResponse(
        request,
        "opportunities/show.html",
        {
            "o": opp,
            "values": values or current,
            "errors": errors or {},
            "move_errors": move_errors or {},
            "flash": flash(done),
            "suggestion": suggestion,
            **OPTIONS,
        },
        status_code=422 if (errors or move_errors) else 200,
    )


@router.get("/opportunities/{opportunity_id}", response_class=HTMLResponse)
def detail_page(
    request: Request,
    opportunity_id: int,
    done: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _detail(request, ctx, opportunity_id, done=done)


@router.post("/opportunities/{opportunity_id}", response_class=HTMLResponse)
async def save(
    request: Request, opportunity_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await request.form()
    values: dict[str, Any] = {k: str(form.get(k, "")) for k in EDIT_FIELDS}
    offer = {k: str(form.get(f"offer_{k}", "")) for k in OFFER_FIELDS}
    shown = {**values, **{f"offer_{k}": v for k, v in offer.items()}}
    return submit(
        lambda: service.update_opportunity(ctx, opportunity_id, {**values, "offer": offer}),
        f"/opportunities/{opportunity_id}?done=saved",
        lambda errors: _detail(request, ctx, opportunity_id, values=shown, errors=errors),
        errors=_offer_errors,
    )


def _offer_errors(exc: CareerError) -> dict[str, str]:
    """``offer.base`` is the form's ``offer_base`` field."""
    return {
        (f"offer_{k.split('.', 1)[1]}" if k.startswith("offer.") else k): v
        for k, v in form_errors(exc).items()
    }


@router.post("/opportunities/{opportunity_id}/contacts", response_class=HTMLResponse)
def link(
    request: Request,
    opportunity_id: int,
    given: dict[str, str] = Depends(form_fields("contact_id", "role")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.link_contact(ctx, opportunity_id, given),
        f"/opportunities/{opportunity_id}?done=saved",
        lambda errors: _detail(request, ctx, opportunity_id, errors=errors),
        errors=lambda exc: {"contact_id": exc.message},
        raises=lambda exc: missing(exc) and exc.field != "contact_id",
    )


@router.post("/opportunities/{opportunity_id}/email", response_class=HTMLResponse)
async def email_suggestion(
    request: Request, opportunity_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    """Paste or upload an employer's e-mail: show the stage it implies, change nothing."""
    form = await request.form()
    text = str(form.get("text", "") or "")
    upload = form.get("file")
    try:
        if not isinstance(upload, str) and upload is not None and upload.filename:
            content = await upload.read(MAX_EML_BYTES + 1)
            suggestion = service.suggest_from_eml(ctx, opportunity_id, content)
        else:
            suggestion = service.suggest_from_email(ctx, opportunity_id, text)
    except CareerError as exc:
        if exc.status == 404:
            raise
        return _detail(request, ctx, opportunity_id, errors={"_form": exc.message})
    return _detail(request, ctx, opportunity_id, suggestion=suggestion or False)


@router.post("/opportunities/{opportunity_id}/delete")
def delete(opportunity_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_opportunity(ctx, opportunity_id)
    return see_other("/opportunities?done=removed")
