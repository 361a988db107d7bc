"""``/api/v1/companies``: target companies and their research dossiers."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from careerceo.errors import CareerError
from careerceo.model.network import CompanyInput, CompanyOut
from careerceo.services import companies as service
from careerceo.services.companies import DossierView
from careerceo.services.context import AppContext
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context

router = APIRouter(prefix="/companies", tags=["companies"])


@router.get("", response_model=list[CompanyOut])
def list_companies(
    targets: bool = False,
    q: str = "",
    limit: int | None = None,
    offset: int = 0,
    ctx: AppContext = Depends(app_context),
) -> list[CompanyOut]:
    """Targets first, then by name; ``q`` filters by part of the name, ``limit``/``offset``
    page through a large list (all of them when no limit is given)."""
    if limit is not None and not 1 <= limit <= 1000:
        raise CareerError("limit must be from 1 to 1000", field="limit")
    return service.company_page(
        ctx, query=q, targets_only=targets, limit=limit, offset=offset
    ).companies


RecordApi.of(
    service,
    "company",
    CompanyOut,
    CompanyInput,
    "add",
    "patch",
    get=service.dossier,
    get_out=DossierView,
    names={"get": "get_company"},
    patch_example={"mission": "...", "is_target": True},
    docs={"get": "The company and what is still unknown about it."},
).register(router)


@router.delete("/{company_id}", status_code=204)
def delete_company(
    company_id: int, force: bool = False, ctx: AppContext = Depends(app_context)
) -> Response:
    """Refused (409) while contacts or opportunities link to it, unless ``force=true``."""
    service.remove_company(ctx, company_id, force=force)
    return Response(status_code=204)
