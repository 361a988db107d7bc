"""``/companies``: target companies and their research dossiers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.model.network import DOSSIER_PARTS
from careerceo.services import companies as service
from careerceo.services import contacts, opportunities
from careerceo.services.context import AppContext
from careerceo.web.forms import flash, form_errors, see_other
from careerceo.web.records import never, submit
from careerceo.web.templating import app_context, templates

router = APIRouter()

TEXT_FIELDS = (
    "name", "website", "industry", "size", "headcount", "revenue", "location", "products",
    "mission", "problems", "competitors", "priority", "notes",
)  # fmt: skip


def _lines(raw: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
    """Form text with one item per line, parts separated by '|' (the dossier's lists)."""
    result = []
    for line in raw.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if any(parts):
            result.append(dict(zip(keys, parts + [""] * (len(keys) - len(parts)), strict=False)))
    return result


def _form_values(form: Any) -> dict[str, Any]:
    values: dict[str, Any] = {name: str(form.get(name, "")) for name in TEXT_FIELDS}
    values["is_target"] = form.get("is_target") == "on"
    values["leaders"] = _lines(str(form.get("leaders", "")), ("name", "role", "background"))
    values["sources"] = _lines(str(form.get("sources", "")), ("url", "read_on"))
    return values


def _as_form(company: dict[str, Any]) -> dict[str, Any]:
    values = dict(company)
    values["leaders"] = "\n".join(
        " | ".join(x for x in (lead["name"], lead["role"], lead["background"]))
        for lead in company.get("leaders", [])
    )
    values["sources"] = "\n".join(
        f"{s['url']} | {s.get('read_on') or ''}" for s in company.get("sources", [])
    )
    return values


def _errors(exc: CareerError) -> dict[str, str]:
    """Form errors keyed by form field ("leaders.0.name" belongs to the leaders box)."""
    result: dict[str, str] = {}
    for key, message in form_errors(exc).items():
        result.setdefault(key.split(".")[0], message)
    return result


PAGE = 100


def _list_page(
    request: Request,
    ctx: AppContext,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
    *,
    q: str = "",
    targets: bool = False,
    page: int = 1,
) -> HTMLResponse:
    page = max(page, 1)
    listing = service.company_page(
        ctx, query=q, targets_only=targets, limit=PAGE, offset=(page - 1) * PAGE
    )
    return templates.TemplateResponse(
        request,
        "companies/index.html",
        {
            "companies": [
                (c, len(DOSSIER_PARTS) - len(service.missing_parts(c))) for c in listing.companies
            ],
            "parts": len(DOSSIER_PARTS),
            "total": listing.total,
            "q": q,
            "targets": targets,
            "page": page,
            "pages": max(1, -(-listing.total // PAGE)),
            "values": values or {},
            "errors": errors or {},
            "flash": flash(done),
        },
        status_code=422 if errors else 200,
    )


@router.get("/companies", response_class=HTMLResponse)
def companies_page(
    request: Request,
    done: str | None = None,
    q: str = "",
    targets: bool = False,
    page: int = 1,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _list_page(request, ctx, done=done, q=q, targets=targets, page=page)


@router.post("/companies", response_class=HTMLResponse)
async def add_company(request: Request, ctx: AppContext = Depends(app_context)) -> Response:
    form = await request.form()
    values = {k: v for k, v in _form_values(form).items() if v not in ("", [])}
    return submit(
        lambda: service.add_company(ctx, values),
        lambda company: f"/companies/{company.id}?done=added",
        lambda errors: _list_page(request, ctx, values=_form_values(form), errors=errors),
        errors=_errors,
        raises=never,
    )


def _dossier_page(
    request: Request,
    ctx: AppContext,
    company_id: int,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
    confirm: bool = False,
) -> HTMLResponse:
    view = service.dossier(ctx, company_id)
    people = contacts.list_contacts(ctx, company_id=company_id, limit=200).contacts
    opps = opportunities.list_opportunities(ctx, company_id=company_id)
    return templates.TemplateResponse(
        request,
        "companies/show.html",
        {
            "view": view,
            "company": view.company,
            "people": people,
            "opportunities": opps,
            "values": values or _as_form(view.company.model_dump(mode="json")),
            "errors": errors or {},
            "flash": flash(done),
            "confirm": confirm,
            "parts": DOSSIER_PARTS,
        },
        status_code=422 if errors else 200,
    )


@router.get("/companies/{company_id}", response_class=HTMLResponse)
def company_page(
    request: Request,
    company_id: int,
    done: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _dossier_page(request, ctx, company_id, done=done)


@router.post("/companies/{company_id}", response_class=HTMLResponse)
async def save_company(
    request: Request, company_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    form = await request.form()
    values = _form_values(form)
    shown = {**values, "leaders": form.get("leaders", ""), "sources": form.get("sources", "")}
    return submit(
        lambda: service.update_company(ctx, company_id, values),
        f"/companies/{company_id}?done=saved",
        lambda errors: _dossier_page(request, ctx, company_id, values=shown, errors=errors),
        errors=_errors,
    )


@router.post("/companies/{company_id}/delete", response_class=HTMLResponse)
async def delete_company(
    request: Request, company_id: int, ctx: AppContext = Depends(app_context)
) -> Response:
    """With people or opportunities linked, ask first; confirming keeps them, unlinked."""
    form = await request.form()
    try:
        service.remove_company(ctx, company_id, force=form.get("force") == "1")
    except CareerError as exc:
        if exc.status != 409:
            raise
        return _dossier_page(request, ctx, company_id, confirm=True)
    return see_other("/companies?done=removed")
