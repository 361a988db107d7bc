"""``/api/v1/paths``: reference collections, file uploads, path analysis and plans.

A collection is addressed by its id or its name (names cannot be only digits)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, UploadFile

from careerceo.errors import CareerError
from careerceo.model.paths import (
    CodeCorrection,
    CollectionInput,
    CollectionOut,
    ContactLink,
    FileSummary,
    PathAnalysisOut,
    PathPlanOut,
    ReferencePositionOut,
    ReferenceProfileOut,
)
from careerceo.services import paths as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context
from careerceo.web.uploads import add_each

router = APIRouter(prefix="/paths", tags=["paths"])

MAX_FILES = 50


@router.get("", response_model=list[CollectionOut])
def list_collections(ctx: AppContext = Depends(app_context)) -> list[CollectionOut]:
    return service.list_collections(ctx)


@router.post("", response_model=CollectionOut, status_code=201)
def create_collection(
    data: CollectionInput, ctx: AppContext = Depends(app_context)
) -> CollectionOut:
    return service.new_collection(ctx, data)


@router.get("/{collection}", response_model=CollectionOut)
def get_collection(collection: str, ctx: AppContext = Depends(app_context)) -> CollectionOut:
    return service.get_collection(ctx, collection)


@router.delete("/{collection}", status_code=204)
def delete_collection(collection: str, ctx: AppContext = Depends(app_context)) -> Response:
    service.remove_collection(ctx, collection)
    return Response(status_code=204)


@router.get("/{collection}/profiles", response_model=list[ReferenceProfileOut])
def list_profiles(
    collection: str, ctx: AppContext = Depends(app_context)
) -> list[ReferenceProfileOut]:
    return service.list_profiles(ctx, collection)


@router.post("/{collection}/files", response_model=list[FileSummary])
async def add_files(
    collection: str,
    files: list[UploadFile],
    keep_names: bool = False,
    ctx: AppContext = Depends(app_context),
) -> list[FileSummary]:
    """Each file is read and written on its own; a bad one gets its message, the rest go in."""
    if len(files) > MAX_FILES:
        raise CareerError(f"{len(files)} files at once; send at most {MAX_FILES}", field="files")
    service.get_collection(ctx, collection)
    return await add_each(
        files,
        lambda data, name: service.add_file(ctx, collection, data, name, keep_names=keep_names),
    )


@router.get("/{collection}/analysis", response_model=PathAnalysisOut)
def analysis(
    collection: str, target: str, ctx: AppContext = Depends(app_context)
) -> PathAnalysisOut:
    return service.analyze(ctx, collection, target)


@router.get("/{collection}/plan", response_model=PathPlanOut)
def plan(collection: str, target: str, ctx: AppContext = Depends(app_context)) -> PathPlanOut:
    return service.plan(ctx, collection, target)


@router.post("/{collection}/plan", response_model=PathPlanOut, status_code=201)
def save_plan(collection: str, target: str, ctx: AppContext = Depends(app_context)) -> PathPlanOut:
    """The plan saved as a goal whose milestones are its steps (``goal_id`` in the answer)."""
    return service.save_plan(ctx, collection, target)


@router.put("/profiles/{profile_id}/link", response_model=ReferenceProfileOut)
def link_contact(
    profile_id: int, data: ContactLink, ctx: AppContext = Depends(app_context)
) -> ReferenceProfileOut:
    """Link a reference profile to one of your contacts (null unlinks) and/or keep a name."""
    return service.link_contact(ctx, profile_id, data.contact_id, name=data.name)


@router.put("/positions/{position_id}/occupation", response_model=ReferencePositionOut)
def correct_occupation(
    position_id: int, data: CodeCorrection, ctx: AppContext = Depends(app_context)
) -> ReferencePositionOut:
    return service.correct_occupation(ctx, position_id, data)
