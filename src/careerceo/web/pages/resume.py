"""``/resume``: import with preview and confirm, critique, exports, and the accomplishment log."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.errors import CareerError
from careerceo.services import accomplishments as wins
from careerceo.services import resume_import, uploads
from careerceo.services.context import AppContext
from careerceo.services.resume import current_resume
from careerceo.services.resume_export import (
    FORMATS,
    critique_for,
    list_documents,
    render,
    require_content,
    stored_text,
    text_for_critique,
    text_of_document,
)
from careerceo.web.forms import form_fields, see_other
from careerceo.web.records import page_route
from careerceo.web.templating import app_context, form_page, templates
from careerceo.web.uploads import read_upload

router = APIRouter()

DONE = {
    "imported": "Imported.",
    "nothing": "Nothing new in that file: everything in it is already here.",
    "win-added": "Win saved.",
    "win-removed": "Win removed.",
}


def _index(
    request: Request, ctx: AppContext, *, errors: dict[str, str] | None = None, done: str = ""
) -> HTMLResponse:
    resume = current_resume(ctx)
    return form_page(
        request,
        "resume/index.html",
        {
            "resume": resume,
            "documents": list_documents(ctx),
            "formats": list(FORMATS),
            "errors": errors or {},
            "flash": DONE.get(done),
        },
    )


page_route(router, "/resume", _index)


def _preview_and_hold(
    ctx: AppContext, data: bytes, filename: str
) -> tuple[resume_import.ImportSource, resume_import.ImportPlan, str]:
    source = resume_import.read_source(data, filename)
    plan = resume_import.preview(ctx, source)
    return source, plan, uploads.hold(ctx, data, filename)


@router.post("/resume/import", response_class=HTMLResponse)
async def import_preview(
    request: Request, file: UploadFile | None = None, ctx: AppContext = Depends(app_context)
) -> Response:
    try:
        data, filename = await read_upload(file)
        # Parsing runs in a limited child process and the preview queries the database: both
        # wait in a worker thread so the event loop keeps answering other requests.
        source, plan, token = await run_in_threadpool(_preview_and_hold, ctx, data, filename)
    except CareerError as exc:
        return _index(request, ctx, errors={"file": exc.message})
    return form_page(
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
    return see_other(f"/resume?done={done}")


@router.post("/resume/import/cancel")
def import_cancel(token: str = Form(""), ctx: AppContext = Depends(app_context)) -> Response:
    """The previewed file is deleted at once, not left in the data directory."""
    uploads.release(ctx, token)
    return see_other("/resume")


@router.get("/resume/export.{fmt}")
def export(fmt: str, ctx: AppContext = Depends(app_context)) -> Response:
    if fmt not in FORMATS:
        raise CareerError(f"unknown format {fmt!r}; use json, md, html or pdf", field="format")
    media_type, suffix = FORMATS[fmt]
    return Response(
        render(require_content(current_resume(ctx)), fmt),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="resume{suffix}"'},
    )


def _critique_page(
    request: Request,
    text: str,
    source: str,
    errors: dict[str, str] | None = None,
    ctx: AppContext | None = None,
) -> HTMLResponse:
    result = critique_for(ctx, text) if text.strip() else None
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
    )


@router.get("/resume/critique", response_class=HTMLResponse)
def critique_page(
    request: Request,
    document: int | None = None,
    stored: bool = False,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    if document is not None:
        name, text = text_of_document(ctx, document)
        return _critique_page(request, text, name, ctx=ctx)
    if stored:
        try:
            text = stored_text(ctx)
        except CareerError as exc:
            return _critique_page(request, "", "", errors={"text": exc.message})
        return _critique_page(request, text, "Your stored résumé", ctx=ctx)
    return _critique_page(request, "", "")


@router.post("/resume/critique", response_class=HTMLResponse)
async def critique_post(
    request: Request,
    text: str = Form(""),
    file: UploadFile | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    try:
        if file is not None and file.filename:
            data, filename = await read_upload(file)
            text = await run_in_threadpool(text_for_critique, data, filename)
            return _critique_page(request, text, filename, ctx=ctx)
        if not text.strip():
            raise CareerError("paste your résumé text or choose a file", field="text")
        if len(text) > 200_000:
            raise CareerError("the text is longer than 200,000 characters", field="text")
        return _critique_page(request, text, "pasted text", ctx=ctx)
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
    return form_page(
        request,
        "resume/wins.html",
        {
            "wins": wins.list_wins(ctx),
            "values": values or {},
            "errors": errors or {},
            "flash": DONE.get(done),
        },
    )


page_route(router, "/resume/wins", _wins_page)


@router.post("/resume/wins", response_class=HTMLResponse)
def add_win(
    request: Request,
    values: dict[str, str] = Depends(
        form_fields(
            "quick", "title", "situation", "action", "result", "metrics", "skills", "happened_on"
        )
    ),
    ctx: AppContext = Depends(app_context),
) -> Response:
    quick, skills, situation = values["quick"], values["skills"], values["situation"]
    try:
        if not any(values[k].strip() for k in ("quick", "title", "action", "result")):
            raise CareerError("say what you did, in one line or in the parts below", field="quick")
        if quick.strip():
            wins.quick_win(ctx, quick, skills=skills, situation=situation)
        else:
            wins.add_win(ctx, {k: v for k, v in values.items() if k != "quick"})
    except CareerError as exc:
        field = exc.field if exc.field in values else "quick"
        return _wins_page(request, ctx, values=values, errors={field: exc.message})
    return see_other("/resume/wins?done=win-added")


@router.post("/resume/wins/{win_id}/delete")
def delete_win(win_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    wins.remove_win(ctx, win_id)
    return see_other("/resume/wins?done=win-removed")


def _tailor_page(
    request: Request,
    ctx: AppContext,
    *,
    posting_id: int | None = None,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    saved: int | None = None,
) -> HTMLResponse:
    from careerceo.analysis.tailoring import highlight, posting_spans
    from careerceo.services.tailoring import match_posting, versions

    context: dict[str, Any] = {
        "errors": errors or {},
        "values": values or {},
        "result": None,
        "posting": None,
        "pieces": [],
        "versions": versions(ctx),
        "saved": saved,
    }
    if posting_id is not None and not errors:
        try:
            posting, result = match_posting(ctx, posting_id)
        except CareerError as exc:
            context["errors"] = {exc.field or "text": exc.message}
        else:
            context.update(
                posting=posting,
                result=result,
                pieces=highlight(result.gap.text, posting_spans(result)),
            )
    return templates.TemplateResponse(
        request, "resume/tailor.html", context, status_code=422 if context["errors"] else 200
    )


@router.get("/resume/tailor", response_class=HTMLResponse)
def tailor_page(
    request: Request,
    posting: int | None = None,
    occupation: str = "",
    saved: int | None = None,
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    if occupation:
        from careerceo.services.tailoring import match_occupation, versions

        errors: dict[str, str] = {}
        data: dict[str, Any] | None = None
        try:
            data = match_occupation(ctx, occupation)
        except CareerError as exc:
            errors["occupation"] = exc.message
        return form_page(
            request,
            "resume/tailor_occupation.html",
            {
                "data": data,
                "errors": errors,
                "occupation": occupation,
                "saved": saved,
                "versions": versions(ctx),
            },
        )
    return _tailor_page(request, ctx, posting_id=posting, saved=saved)


@router.post("/resume/tailor/occupation/{code}/save")
def tailor_occupation_save(code: str, ctx: AppContext = Depends(app_context)) -> Response:
    from careerceo.services.tailoring import save_tailored_occupation

    doc = save_tailored_occupation(ctx, code)
    return RedirectResponse(
        f"/resume/tailor?occupation={doc.target_occupation_code}&saved={doc.id}", status_code=303
    )


@router.post("/resume/tailor", response_class=HTMLResponse)
def tailor_post(
    request: Request,
    values: dict[str, str] = Depends(form_fields("title", "company", "text")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    from careerceo.services.tailoring import save_posting

    try:
        posting_id = save_posting(ctx, values["title"], values["text"], company=values["company"])
    except CareerError as exc:
        return _tailor_page(request, ctx, errors={exc.field or "text": exc.message}, values=values)
    return see_other(f"/resume/tailor?posting={posting_id}")


@router.post("/resume/tailor/{posting_id}/save")
def tailor_save(posting_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    from careerceo.services.tailoring import save_tailored

    doc = save_tailored(ctx, posting_id)
    return see_other(f"/resume/tailor?posting={posting_id}&saved={doc.id}")


@router.get("/resume/versions/{document_id}.{fmt}")
def version_export(document_id: int, fmt: str, ctx: AppContext = Depends(app_context)) -> Response:
    from careerceo.services.resume_export import tailored_version

    if fmt not in FORMATS:
        raise CareerError(f"unknown format {fmt!r}; use json, md, html or pdf", field="format")
    version = tailored_version(ctx, document_id)
    media_type, suffix = FORMATS[fmt]
    return Response(
        render(version, fmt),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="resume-v{document_id}{suffix}"'},
    )


@router.get("/resume/pitch", response_class=HTMLResponse)
def pitch_page(
    request: Request,
    posting: int | None = None,
    occupation: str = "",
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    from careerceo.services.pitch import pitch

    errors: dict[str, str] = {}
    result = None
    try:
        result = pitch(ctx, posting_id=posting, occupation=occupation or None)
    except CareerError as exc:
        errors[exc.field or "target"] = exc.message
    return templates.TemplateResponse(
        request,
        "resume/pitch.html",
        {"result": result, "errors": errors, "occupation": occupation, "posting": posting},
        status_code=422 if errors and (posting or occupation) else 200,
    )
