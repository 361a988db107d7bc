"""POST /api/v1/skills/extract: the skill extractor over HTTP, for scripts and other tools."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from careerceo.skills import extract

router = APIRouter(tags=["skills"])


class ExtractRequest(BaseModel):
    text: str = Field(description="The résumé, posting or profile text (English, up to 1 MB).")
    kind: Literal["auto", "resume", "posting", "profile"] = "auto"
    min_confidence: float = Field(0.0, ge=0.0, le=1.0)
    semantic: bool = Field(False, description="Also match by meaning (careerceo[semantic]).")


@router.post("/skills/extract")
def extract_skills(body: ExtractRequest) -> dict[str, Any]:
    """Hits (concept, taxonomy, span, evidence sentence, status, confidence), the mentions left
    out with their reason, warnings, and the sources with their versions."""
    result = extract(body.text, kind=body.kind, semantic=body.semantic)
    data = result.to_dict()
    data["hits"] = [h for h in data["hits"] if h["confidence"] >= body.min_confidence]
    return data
