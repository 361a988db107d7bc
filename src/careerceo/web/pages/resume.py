"""``/resume``: import with preview and confirm, critique, exports, and the accomplishment log."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.analysis.resume_critique import critique_text
from careerceo.documents.limits import MAX_ZIP_BYTES
from careerceo.errors import CareerError
from careerceo.services import accomplishments as wins
from careerceo.services import resume_import, uploads
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.services.resume_export import (
    FORMATS,
    list_documents,
    render,
    text_for_critique,
    text_of_document,
)
from careerceo.web.templating import app_context, templates

router = APIRouter()

DONE = {
    "imported": "Imported.",
    "nothing": "Nothing new in that file: everything in it is already here.",
    "win-added": "Win saved.",
    "win-removed": "Win removed.",
}


async def read_upload(file: UploadFile | None) -> tuple[bytes, str]:
    """The uploaded bytes, refused before reading past the size limit."""
    if file is None or not file.filename:
        raise CareerError("choose a file to upload", field="file")
    data = await file.read(MAX_ZIP_BYTES + 1)
    if len(data) > MAX_ZIP_BYTES:
        raise CareerError(f"the file is larger than {MAX_ZIP_BYTES // 2**20} MB", field="file")
    return data, file.filename


def _index(
    request: Request, ctx: AppContext, *, errors: dict[str, str] | None = None, done: str = ""
) -> HTMLResponse:
    resume = current_resume(ctx)
    return templates.TemplateResponse(
        request,
        "resume/index.html",
        {
            "resume": resume,
            "documents": list_documents(ctx),
            "formats": list(FORMATS),
            "errors": errors or {},
            "flash": DONE.get(done),
        },
        status_code=422 if errors else 200,
    )


@router.get("/resume", response_class=HTMLResponse)
def resume_page(
    request: Request, done: str = "", ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _index(request, ctx, done=done)


@router.post("/resume/import", response_class=HTMLResponse)
async def import_preview(
    request: Request, file: UploadFile | None = None, ctx: AppContext = Depends(app_context)
) -> Response:
    try:
        data, filename = await read_upload(file)
        source = resume_import.read_source(data, filename)
        plan = resume_import.preview(ctx, source)
    except CareerError as exc:
        return _index(request, ctx, errors={"file": exc.message})
    token = uploads.hold(ctx, data, filename)
    return templates.TemplateResponse(
        request,
        "resume/preview.html",
        {"plan": plan, "token": token, "resume": source.resume},
    )


@router.post("/resume/import/confirm")
def import_confirm(
    request: Request, token: str = Form(""), ctx: AppContext = Depends(app_context)
) -> Response:
    try:
        data, filename = uploads.take(ctx, token)
        plan = resume_import.confirm(ctx, resume_import.read_source(data, filename))
    except CareerError as exc:
        return _index(request, ctx, errors={"file": exc.message})
    uploads.release(ctx, token)
    done = "imported" if plan.count("create") or plan.count("update") else "nothing"
    return RedirectResponse(f"/resume?done={done}", status_code=303)


@router.get("/resume/export.{fmt}")
def export(fmt: str, ctx: AppContext = Depends(app_context)) -> Response:
    if fmt not in FORMATS:
        raise CareerError(f"unknown format {fmt!r}; use json, md, html or pdf", field="format")
    media_type, suffix = FORMATS[fmt]
    return Response(
        render(current_resume(ctx), fmt),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="resume{suffix}"'},
    )


def _critique_page(
    request: Request, text: str, source: str, errors: dict[str, str] | None = None
) -> HTMLResponse:
    result = critique_text(text) if text.strip() else None
    by_line = result.by_line() if result else {}
    return templates.TemplateResponse(
        request,
        "resume/critique.html",
        {
            "result": result,
            "by_line": by_line,
            "lines": result.lines if result else [],
            "source": source,
            "text": text,
            "errors": errors or {},
        },
        status_code=422 if errors else 200,
    )


@router.get("/resume/critique", response_class=HTMLResponse)
def critique_page(
    request: Request, document: int | None = None, ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    if document is not None:
        name, text = text_of_document(ctx, document)
        return _critique_page(request, text, name)
    return _critique_page(request, "", "")


@router.post("/resume/critique", response_class=HTMLResponse)
async def critique_post(
    request: Request, text: str = Form(""), file: UploadFile | None = None
) -> HTMLResponse:
    try:
        if file is not None and file.filename:
            data, filename = await read_upload(file)
            return _critique_page(request, text_for_critique(data, filename), filename)
        if not text.strip():
            raise CareerError("paste your résumé text or choose a file", field="text")
        if len(text) > 200_000:
            raise CareerError("the text is longer than 200,000 characters", field="text")
        return _critique_page(request, text, "pasted text")
    except CareerError as exc:
        return _critique_page(request, text, "", errors={exc.field or "text": exc.message})


def _wins_page(
    request: Request,
    ctx: AppContext,
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str = "",
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "resume/wins.html",
        {
            "wins": wins.list_wins(ctx),
            "values": values or {},
            "errors": errors or {},
            "flash": DONE.get(done),
        },
        status_code=422 if errors else 200,
    )


@router.get("/resume/wins", response_class=HTMLResponse)
def wins_page(
    request: Request, done: str = "", ctx: AppContext = Depends(app_context)
) -> HTMLResponse:
    return _wins_page(request, ctx, done=done)


@router.post("/resume/wins", response_class=HTMLResponse)
def add_win(
    request: Request,
    quick: str = Form(""),
    title: str = Form(""),
    situation: str = Form(""),
    action: str = Form(""),
    result: str = Form(""),
    metrics: str = Form(""),
    skills: str = Form(""),
    happened_on: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    values = {
        "quick": quick, "title": title, "situation": situation, "action": action,
        "result": result, "metrics": metrics, "skills": skills, "happened_on": happened_on,
    }  # fmt: skip
    try:
        if not any(v.strip() for v in (quick, title, action, result)):
            raise CareerError("say what you did, in one line or in the parts below", field="quick")
        if quick.strip():
            wins.quick_win(ctx, quick, skills=skills, situation=situation)
        else:
            wins.add_win(ctx, {k: v for k, v in values.items() if k != "quick"})
    except CareerError as exc:
        field = exc.field if exc.field in values else "quick"
        return _wins_page(request, ctx, values=values, errors={field: exc.message})
    return RedirectResponse("/resume/wins?done=win-added", status_code=303)


@router.post("/resume/wins/{win_id}/delete")
def delete_win(win_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    wins.remove_win(ctx, win_id)
    return RedirectResponse("/resume/wins?done=win-removed", status_code=303)
