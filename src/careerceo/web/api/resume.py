"""``/api/v1/resume`` and ``/api/v1/accomplishments``: the same services as the pages, in JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Response, UploadFile
from fastapi.concurrency import run_in_threadpool

from careerceo.analysis.resume_critique import critique_text
from careerceo.documents.jsonresume import to_jsonresume
from careerceo.errors import CareerError
from careerceo.services import accomplishments as wins
from careerceo.services import resume_import
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.services.resume_export import FORMATS, render, text_for_critique
from careerceo.services.resume_views import CritiqueView, PitchView, PostingMatchView
from careerceo.web.api_records import RecordApi
from careerceo.web.templating import app_context
from careerceo.web.uploads import read_upload

router = APIRouter(tags=["resume"])


@router.get("/resume")
def get_resume(ctx: AppContext = Depends(app_context)) -> dict[str, Any]:
    """The stored résumé as a JSON Resume document."""
    return to_jsonresume(current_resume(ctx))


@router.get("/resume/export/{fmt}")
def export_resume(fmt: str, ctx: AppContext = Depends(app_context)) -> Response:
    if fmt not in FORMATS:
        raise CareerError(f"unknown format {fmt!r}; use json, md, html or pdf", field="format")
    return Response(render(current_resume(ctx), fmt), media_type=FORMATS[fmt][0])


# Reading runs in a limited child process (see documents.parse_worker); these wrappers keep
# that wait and the database work in a worker thread, off the event loop.
def _preview(ctx: AppContext, data: bytes, filename: str) -> resume_import.ImportPlan:
    return resume_import.preview(ctx, resume_import.read_source(data, filename))


def _confirm(ctx: AppContext, data: bytes, filename: str) -> resume_import.ImportPlan:
    return resume_import.confirm(ctx, resume_import.read_source(data, filename))


@router.post("/resume/preview")
async def preview_import(
    file: UploadFile | None = None, ctx: AppContext = Depends(app_context)
) -> resume_import.ImportPlan:
    data, filename = await read_upload(file)
    return await run_in_threadpool(_preview, ctx, data, filename)


@router.post("/resume/import", status_code=201)
async def import_file(
    file: UploadFile | None = None, ctx: AppContext = Depends(app_context)
) -> resume_import.ImportPlan:
    data, filename = await read_upload(file)
    return await run_in_threadpool(_confirm, ctx, data, filename)


@router.post("/resume/critique")
async def critique(file: UploadFile | None = None) -> CritiqueView:
    data, filename = await read_upload(file)
    text = await run_in_threadpool(text_for_critique, data, filename)
    return CritiqueView.of(critique_text(text))


@router.post("/resume/critique/text")
def critique_pasted(text: str = Body(..., embed=True, max_length=200_000)) -> CritiqueView:
    return CritiqueView.of(critique_text(text))


@router.get("/accomplishments")
def list_accomplishments(ctx: AppContext = Depends(app_context)) -> list[wins.WinView]:
    return wins.list_wins(ctx)


@router.post("/accomplishments", status_code=201)
def add_accomplishment(
    data: dict[str, Any] = Body(...), ctx: AppContext = Depends(app_context)
) -> wins.WinView:
    if isinstance(data.get("text"), str):
        extra = {k: v for k, v in data.items() if k != "text"}
        return wins.quick_win(ctx, data["text"], **extra)
    return wins.add_win(ctx, data)


RecordApi(
    path="/accomplishments",
    id_name="win_id",
    out=wins.WinView,
    get=wins.get_win,
    patch=wins.update_win,
    remove=wins.remove_win,
    patch_name="data",
    names={
        "get": "get_accomplishment",
        "patch": "edit_accomplishment",
        "remove": "delete_accomplishment",
    },
).register(router)


@router.post("/postings/for-resume", status_code=201)
def save_posting_for_resume(
    title: str = Body(...),
    text: str = Body(...),
    company: str = Body(""),
    ctx: AppContext = Depends(app_context),
) -> dict[str, Any]:
    """Save a posting to match against (the job search area owns the full posting records)."""
    from careerceo.services.tailoring import save_posting

    return {"id": save_posting(ctx, title, text, company=company)}


@router.get("/resume/match/{posting_id}")
def match_resume(posting_id: int, ctx: AppContext = Depends(app_context)) -> PostingMatchView:
    from careerceo.services.tailoring import match_posting

    posting, result = match_posting(ctx, posting_id)
    return PostingMatchView.of_posting(posting.id, posting.title, result)


@router.post("/resume/tailor/{posting_id}", status_code=201)
def tailor_resume(posting_id: int, ctx: AppContext = Depends(app_context)) -> dict[str, Any]:
    from careerceo.services.tailoring import save_tailored

    doc = save_tailored(ctx, posting_id)
    return {"document_id": doc.id, "title": doc.title, "parent_id": doc.parent_id, **doc.data}


@router.get("/resume/rank")
def rank(top: int = 20, ctx: AppContext = Depends(app_context)) -> list[dict[str, Any]]:
    from careerceo.services.tailoring import rank_postings

    if not 1 <= top <= 1000:
        raise CareerError("top must be between 1 and 1000", field="top")
    return rank_postings(ctx, top)


@router.get("/resume/pitch")
def pitch(
    posting: int | None = None,
    occupation: str | None = None,
    ctx: AppContext = Depends(app_context),
) -> PitchView:
    from careerceo.services.pitch import pitch as build

    return PitchView.of(build(ctx, posting_id=posting, occupation=occupation))
