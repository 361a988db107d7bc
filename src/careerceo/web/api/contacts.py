"""``/api/v1/contacts``: the network, the interaction log, imports and drafts."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Depends, File, UploadFile
from pydantic import BaseModel

from careerceo.documents.limits import MAX_ZIP_BYTES
from careerceo.errors import CareerError
from careerceo.model.network import ContactInput, ContactOut, InteractionInput, InteractionOut
from careerceo.services import contacts as service
from careerceo.services.contacts import ContactDetail, ContactPage
from careerceo.services.context import AppContext
from careerceo.services.network_import import ImportSummary, import_connections
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context
from careerceo.web.uploads import import_upload

router = APIRouter(prefix="/contacts", tags=["contacts"])


class DraftOut(BaseModel):
    channel: str
    subject: str
    body: str


@router.get("", response_model=ContactPage)
def list_contacts(
    q: str = "",
    company_id: int | None = None,
    in_search: bool | None = None,
    limit: int = 100,
    offset: int = 0,
    ctx: AppContext = Depends(app_context),
) -> ContactPage:
    if not 1 <= limit <= 1000:
        raise CareerError("limit must be from 1 to 1000", field="limit")
    return service.list_contacts(
        ctx, query=q, company_id=company_id, in_search=in_search, limit=limit, offset=offset
    )


@router.post("/import", response_model=ImportSummary)
async def import_file(
    file: UploadFile = File(...), ctx: AppContext = Depends(app_context)
) -> ImportSummary:
    """LinkedIn Connections.csv (either layout) or the export ZIP; all rows or none."""
    return await import_upload(
        file, MAX_ZIP_BYTES, "Connections.csv", partial(import_connections, ctx)
    )


RecordApi.of(
    service,
    "contact",
    ContactOut,
    ContactInput,
    "add",
    "get",
    "patch",
    "remove",
    get_out=ContactDetail,
    patch_example={"tags": ["decision maker"]},
).register(router)


class MergeInput(BaseModel):
    other_id: int


@router.post("/{contact_id}/merge", response_model=ContactOut)
def merge_contact(
    contact_id: int, data: MergeInput, ctx: AppContext = Depends(app_context)
) -> ContactOut:
    """Fold contact ``other_id`` into this one (its log, links and details), then remove it."""
    return service.merge_contacts(ctx, contact_id, data.other_id)


@router.post("/{contact_id}/interactions", response_model=InteractionOut, status_code=201)
def log_interaction(
    contact_id: int, data: InteractionInput, ctx: AppContext = Depends(app_context)
) -> InteractionOut:
    return service.log_interaction(ctx, contact_id, data)


@router.get("/{contact_id}/draft", response_model=DraftOut)
def draft(
    contact_id: int, channel: str = "email", ctx: AppContext = Depends(app_context)
) -> DraftOut:
    result = service.draft(ctx, contact_id, channel)
    return DraftOut(channel=result.channel.value, subject=result.subject, body=result.body)
