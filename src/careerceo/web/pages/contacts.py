"""``/contacts``: the network, one person's log and follow-up, LinkedIn import, vCard."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends, File, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from careerceo.documents.limits import MAX_ZIP_BYTES
from careerceo.errors import CareerError
from careerceo.model.job_search_enums import Channel, HowKnown, Tag
from careerceo.services import contacts as service
from careerceo.services.context import AppContext
from careerceo.services.network_import import import_connections
from careerceo.web.forms import flash, form_fields, see_other
from careerceo.web.records import missing, never, submit
from careerceo.web.templating import app_context, templates
from careerceo.web.uploads import import_upload

router = APIRouter()

PAGE = 100
FIELDS = ("name", "company", "title", "email", "phone", "linkedin_url", "relationship",
          "cadence_days", "snoozed_until", "notes")  # fmt: skip
LOG_FIELDS = ("happened_on", "channel", "summary", "next_step", "follow_up_on")
OPTIONS = {
    "tags": [t.value for t in Tag],
    "hows": [("", "")] + [(h.value, h.value) for h in HowKnown],
    "channels": [c.value for c in Channel],
}


def _list_page(
    request: Request,
    ctx: AppContext,
    *,
    q: str = "",
    page: int = 1,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
    summary: Any = None,
    status: int = 200,
    quiet_months: int | None = None,
) -> HTMLResponse:
    page = max(page, 1)
    quiet: Any = None
    quiet_error = ""
    if quiet_months is not None:
        try:
            quiet = service.quiet(ctx, quiet_months)
        except CareerError as exc:
            quiet_error = exc.message
    listing = service.list_contacts(ctx, query=q, limit=PAGE, offset=(page - 1) * PAGE)
    return templates.TemplateResponse(
        request,
        "contacts/index.html",
        {
            "listing": listing,
            "q": q,
            "page": page,
            "pages": max(1, -(-listing.total // PAGE)),
            "values": values or {},
            "errors": errors or {},
            "flash": flash(done),
            "summary": summary,
            "quiet": quiet,
            "quiet_months": quiet_months,
            "quiet_error": quiet_error,
            **OPTIONS,
        },
        status_code=422 if errors or quiet_error else status,
    )


@router.get("/contacts", response_class=HTMLResponse)
def contacts_page(
    request: Request,
    q: str = "",
    page: int = 1,
    done: str | None = None,
    quiet: int | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _list_page(request, ctx, q=q, page=page, done=done, quiet_months=quiet)


def _values(form: Any) -> dict[str, Any]:
    values: dict[str, Any] = {name: str(form.get(name, "")) for name in FIELDS}
    values["tags"] = [str(t) for t in form.getlist("tags")]
    values["in_search"] = form.get("in_search") == "on"
    for flag in ("retired", "unreachable"):
        values[flag] = form.get(flag) == "on"
    return values


@router.post("/contacts", response_class=HTMLResponse)
async def add_contact(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    form = await request.form()
    values = _values(form)
    given = {k: v for k, v in values.items() if v not in ("", [], False)}
    return submit(
        lambda: service.add_contact(ctx, given),
        lambda contact: f"/contacts/{contact.id}?done=added",
        lambda errors: _list_page(request, ctx, values=values, errors=errors),
        raises=never,
    )


@router.post("/contacts/import", response_class=HTMLResponse)
async def import_file(
    request: Request, file: UploadFile = File(...), ctx: AppContext = Depends(app_context)
) -> Response:
    try:
        summary = await import_upload(
            file, MAX_ZIP_BYTES, "Connections.csv", partial(import_connections, ctx)
        )
    except CareerError as exc:
        return _list_page(request, ctx, errors={"file": exc.message})
    return _list_page(request, ctx, summary=summary)


@router.post("/contacts/{contact_id}/merge", response_class=HTMLResponse)
async def merge_contact(
    request: Request, contact_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    """Fold a possible duplicate (the form names it) into this contact."""
    form = await request.form()
    raw = str(form.get("other_id", "")).strip().lstrip("#")

    def merge() -> object:
        if not raw.isdigit():
            raise CareerError("give the number (#) of the contact to merge in", field="other_id")
        return service.merge_contacts(ctx, contact_id, int(raw))

    return submit(
        merge,
        f"/contacts/{contact_id}?done=merged",
        lambda errors: _detail_page(request, ctx, contact_id, merge_error=errors["_merge"]),
        errors=lambda exc: {"_merge": exc.message},
        # this contact itself not there: the not-found page
        raises=lambda exc: missing(exc) and exc.field != "other_id",
    )


@router.get("/contacts.vcf")
def network_vcard(ctx: AppContext = Depends(app_context)) -> Response:
    """Every contact as one vCard file, for a phone's address book."""
    return _vcard(service.vcard_text(ctx), "contacts.vcf")


@router.get("/contacts/{contact_id}.vcf")
def contact_vcard(contact_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    return _vcard(service.vcard_text(ctx, [contact_id]), f"contact-{contact_id}.vcf")


def _vcard(text: str, filename: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type="text/vcard; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _detail_page(
    request: Request,
    ctx: AppContext,
    contact_id: int,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    log_values: dict[str, Any] | None = None,
    log_errors: dict[str, str] | None = None,
    done: str | None = None,
    draft: Any = None,
    merge_error: str = "",
) -> HTMLResponse:
    detail = service.get_contact(ctx, contact_id)
    current = detail.contact.model_dump(mode="json")
    current["company"] = current["company"] or ""
    current["cadence_days"] = "" if current["cadence_days"] is None else current["cadence_days"]
    return templates.TemplateResponse(
        request,
        "contacts/show.html",
        {
            "detail": detail,
            "contact": detail.contact,
            "values": values or current,
            "errors": errors or {},
            "log_values": log_values or {},
            "log_errors": log_errors or {},
            "flash": flash(done),
            "draft": draft,
            "merge_error": merge_error,
            **OPTIONS,
        },
        status_code=422 if (errors or log_errors or merge_error) else 200,
    )


@router.get("/contacts/{contact_id}", response_class=HTMLResponse)
def contact_page(
    request: Request,
    contact_id: int,
    done: str | None = None,
    draft: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    written = service.draft(ctx, contact_id, draft) if draft in ("email", "linkedin") else None
    return _detail_page(request, ctx, contact_id, done=done, draft=written)


@router.post("/contacts/{contact_id}", response_class=HTMLResponse)
async def save_contact(
    request: Request, contact_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await request.form()
    values = _values(form)
    return submit(
        lambda: service.update_contact(ctx, contact_id, values),
        f"/contacts/{contact_id}?done=saved",
        lambda errors: _detail_page(request, ctx, contact_id, values=values, errors=errors),
    )


@router.post("/contacts/{contact_id}/log", response_class=HTMLResponse)
def log_interaction(
    request: Request,
    contact_id: int,
    values: dict[str, str] = Depends(form_fields(*LOG_FIELDS)),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.log_interaction(ctx, contact_id, values),
        f"/contacts/{contact_id}?done=added#log",
        lambda errors: _detail_page(request, ctx, contact_id, log_values=values, log_errors=errors),
    )


@router.post("/contacts/{contact_id}/steps/{interaction_id}/done")
def step_done(
    contact_id: int, interaction_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    service.complete_step(ctx, interaction_id)
    return see_other(f"/contacts/{contact_id}?done=saved")


@router.post("/contacts/{contact_id}/delete")
def delete_contact(contact_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_contact(ctx, contact_id)
    return see_other("/contacts?done=removed")
