"""Occupation search, occupation profiles and job-title normalisation over HTTP."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from careerceo.knowledge import load_knowledge
from careerceo.knowledge.matching import matcher_for
from careerceo.knowledge.profile import occupation_profile
from careerceo.knowledge.search import TitleMatcher
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(tags=["occupations"])


def title_matcher(ctx: AppContext = Depends(app_context)) -> TitleMatcher:
    """The process-wide matcher, cached on disk in the user's data directory."""
    return matcher_for(load_knowledge(), ctx.settings.data_dir / "cache")


@router.get("/occupations")
def search_occupations(
    q: str = Query(
        ..., description="Words (title, alternate title, description) or a code prefix."
    ),
    limit: int = Query(20, ge=1, le=100),
    matcher: TitleMatcher = Depends(title_matcher),
) -> dict[str, Any]:
    """O*NET 29.0 occupations ranked for a search; each names the label that matched."""
    hits = matcher.search(q, limit)
    return {"query": q, "source": "O*NET 29.0, ESCO 1.1.1", "results": [h.as_dict() for h in hits]}


@router.get("/occupations/normalize")
def normalize_title(
    title: str = Query(..., description="A job title as written, e.g. 'Sr. Software Eng II'."),
    limit: int = Query(5, ge=1, le=100),
    matcher: TitleMatcher = Depends(title_matcher),
) -> dict[str, Any]:
    """Seniority, level and core title of a job title, plus ranked occupations with the
    label that matched as evidence."""
    return matcher.normalize(title, limit).as_dict()


@router.get("/occupations/{code}")
def get_occupation(code: str) -> dict[str, Any]:
    """Every section of one occupation (O*NET 29.0 and linked ESCO 1.1.1 data)."""
    return occupation_profile(load_knowledge(), code, top=None)
