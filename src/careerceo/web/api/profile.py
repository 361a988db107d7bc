"""``/api/v1/profile``: read and change the person's profile."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends

from careerceo.model.profile import ProfileInput, ProfileOut
from careerceo.services import profile as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(prefix="/profile", tags=["profile"])


@router.get("", response_model=ProfileOut)
def read_profile(ctx: AppContext = Depends(app_context)) -> ProfileOut:
    return service.get_profile(ctx)


@router.put("", response_model=ProfileOut)
def replace_profile(data: ProfileInput, ctx: AppContext = Depends(app_context)) -> ProfileOut:
    return service.update_profile(ctx, data.model_dump())


@router.patch("", response_model=ProfileOut)
def patch_profile(
    changes: dict[str, Any] = Body(..., examples=[{"headline": "Data engineer"}]),
    ctx: AppContext = Depends(app_context),
) -> ProfileOut:
    """Change only the fields given; the whole profile is validated afterwards."""
    return service.update_profile(ctx, changes)
