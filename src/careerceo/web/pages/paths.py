"""``/paths``: reference collections, their profiles, and the path to a target as a graph."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from careerceo.analysis.path_graph import layout
from careerceo.errors import CareerError
from careerceo.model.paths import FileSummary
from careerceo.services import paths as service
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors, form_fields, see_other
from careerceo.web.records import never, page_route, submit
from careerceo.web.templating import app_context, templates
from careerceo.web.uploads import add_each

router = APIRouter()

MAX_FILES = 50
DONE = {
    "created": "Collection created.",
    "removed": "Collection deleted with every profile in it.",
    "corrected": "Occupation corrected; the figures below use it.",
    "shared": "Sharing setting saved.",
    "linked": "Contact link saved.",
}


def _index(
    request: Request,
    ctx: AppContext,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    done: str = "",
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "paths/index.html",
        {
            "collections": service.list_collections(ctx),
            "errors": errors or {},
            "values": values or {"name": "", "description": "", "target": ""},
            "flash": DONE.get(done),
        },
        status_code=422 if errors else 200,
    )


page_route(router, "/paths", _index)


@router.post("/paths", response_class=HTMLResponse)
def create_collection(
    request: Request,
    values: dict[str, str] = Depends(form_fields("name", "description", "target")),
    ctx: AppContext = Depends(app_context),
) -> Response:
    return submit(
        lambda: service.new_collection(ctx, values),
        lambda created: f"/paths/{created.id}?done=created",
        lambda errors: _index(request, ctx, errors=errors, values=values),
        raises=never,
    )


def _collection_page(
    request: Request,
    ctx: AppContext,
    collection_id: int,
    *,
    summaries: list[FileSummary] | None = None,
    errors: dict[str, str] | None = None,
    done: str = "",
    only: set[int] | None = None,
) -> HTMLResponse:
    key = f"#{collection_id}"
    collection = service.get_collection(ctx, key)
    profiles = service.list_profiles(ctx, key)
    if only:
        profiles = [
            p.model_copy(update={"positions": [x for x in p.positions if x.id in only]})
            for p in profiles
            if any(x.id in only for x in p.positions)
        ]
    return templates.TemplateResponse(
        request,
        "paths/collection.html",
        {
            "collection": collection,
            "profiles": profiles,
            "summaries": summaries or [],
            "errors": errors or {},
            "flash": DONE.get(done),
            "only": sorted(only or []),
        },
        status_code=422 if errors else 200,
    )


def _ids(text: str) -> set[int]:
    return {int(part) for part in text.split(",") if part.strip().isdigit()}


@router.get("/paths/{collection_id}", response_class=HTMLResponse)
def collection_page(
    request: Request,
    collection_id: int,
    done: str = "",
    positions: str = "",
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    return _collection_page(request, ctx, collection_id, done=done, only=_ids(positions))


@router.post("/paths/{collection_id}/files", response_class=HTMLResponse)
async def upload_files(
    request: Request,
    collection_id: int,
    files: list[UploadFile] | None = None,
    keep_names: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    chosen = [f for f in files or [] if f.filename]
    if not chosen:
        return _collection_page(
            request, ctx, collection_id, errors={"files": "choose one or more files to add"}
        )
    if len(chosen) > MAX_FILES:
        return _collection_page(
            request,
            ctx,
            collection_id,
            errors={"files": f"{len(chosen)} files at once; add at most {MAX_FILES} per upload"},
        )
    summaries = await add_each(
        chosen,
        lambda data, name: service.add_file(
            ctx, f"#{collection_id}", data, name, keep_names=bool(keep_names)
        ),
    )
    return _collection_page(request, ctx, collection_id, summaries=summaries)


@router.post("/paths/{collection_id}/positions/{position_id}/occupation")
def correct_occupation(
    request: Request,
    collection_id: int,
    position_id: int,
    occupation_code: str = Form(""),
    back: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    try:
        service.correct_occupation(ctx, position_id, {"occupation_code": occupation_code})
    except CareerError as exc:
        return _collection_page(
            request,
            ctx,
            collection_id,
            errors={f"code-{position_id}": form_errors(exc).popitem()[1]},
            only={position_id},
        )
    # back to the analysis the correction was made from, when it was (a local path only)
    target = back if back.startswith(f"/paths/{collection_id}/") else f"/paths/{collection_id}"
    sep = "&" if "?" in target else "?"
    return see_other(f"{target}{sep}done=corrected")


@router.post("/paths/{collection_id}/profiles/{profile_id}/link")
def link_contact(
    request: Request,
    collection_id: int,
    profile_id: int,
    contact_id: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    text = contact_id.strip().lstrip("#")
    if text and not text.isdigit():
        return _collection_page(
            request,
            ctx,
            collection_id,
            errors={f"contact-{profile_id}": "a contact id is a number, e.g. 12 (or empty)"},
        )
    try:
        service.link_contact(ctx, profile_id, int(text) if text else None)
    except CareerError as exc:
        return _collection_page(
            request,
            ctx,
            collection_id,
            errors={f"contact-{profile_id}": exc.message},
        )
    return RedirectResponse(f"/paths/{collection_id}?done=linked#profile-{profile_id}", 303)


@router.post("/paths/{collection_id}/sharing")
def sharing(
    collection_id: int,
    include: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    service.set_sharing(ctx, f"#{collection_id}", include == "yes")
    return see_other(f"/paths/{collection_id}?done=shared")


@router.post("/paths/{collection_id}/delete")
def delete_collection(collection_id: int, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_collection(ctx, f"#{collection_id}")
    return see_other("/paths?done=removed")


@router.get("/paths/{collection_id}/analysis", response_class=HTMLResponse)
def analysis_page(
    request: Request,
    collection_id: int,
    target: str = "",
    done: str = "",
    ctx: AppContext = Depends(app_context),
) -> HTMLResponse:
    key = f"#{collection_id}"
    collection = service.get_collection(ctx, key)
    target = target.strip() or collection.target
    errors: dict[str, str] = {}
    out = plan = graph = None
    if target:
        try:
            plan = service.plan(ctx, key, target, with_requirements=True)
            out = service.analyze(ctx, key, target)
            graph = layout(
                out.steps_before,
                out.flows,
                out.people,
                out.target_title or target,
                out.target_position_ids,
            )
        except CareerError as exc:
            errors = form_errors(exc)
    return templates.TemplateResponse(
        request,
        "paths/analysis.html",
        {
            "collection": collection,
            "target": target,
            "out": out,
            "plan": plan,
            "graph": graph,
            "errors": errors,
            "flash": DONE.get(done),
        },
        status_code=422 if errors else 200,
    )


@router.post("/paths/{collection_id}/plan")
def save_plan(
    request: Request,
    collection_id: int,
    target: str = Form(""),
    ctx: AppContext = Depends(app_context),
) -> Response:
    saved = service.save_plan(ctx, f"#{collection_id}", target)
    return see_other(f"/goals/{saved.goal_id}")
