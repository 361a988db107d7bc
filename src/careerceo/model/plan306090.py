"""What the person may write into a 30-60-90-day plan: one rule, one place for every shell."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import field_validator

from careerceo.model.common import (
    InputModel,
    LooseOccupationCode,
    bounded_text,
    invalid,
    row_id,
    rule,
    text,
)

MAX_ITEMS = 20
MAX_ITEM = 300
PHASE_PARTS = tuple(
    f"{k}.{p}" for k in ("30", "60", "90") for p in ("goals", "actions", "measures")
)
SECTIONS = (*PHASE_PARTS, "stakeholders", "quick_wins", "learn")


class PlanNewIn(InputModel):
    """A new plan stands on a target occupation, an opportunity, a saved posting, or several."""

    occupation_code: LooseOccupationCode = None
    opportunity_id: Annotated[int | None, rule(row_id, label="id")] = None
    posting_id: Annotated[int | None, rule(row_id, label="id")] = None
    title: Annotated[str, bounded_text(200, label="title")] = ""
    employer: Annotated[str, bounded_text(200, label="title")] = ""


class PlanSectionIn(InputModel):
    """One section's lines, replacing what was there (blank lines are dropped)."""

    section: str
    lines: list[str]

    @field_validator("section", mode="before")
    @classmethod
    def _section(cls, value: Any) -> str:
        name = str(value).strip().lower().replace("-", "_")
        if name not in SECTIONS:
            raise invalid(
                "section", f"section must be one of {', '.join(SECTIONS)} (got {value!r})"
            )
        return name

    @field_validator("lines", mode="before")
    @classmethod
    def _lines(cls, value: Any) -> list[str]:
        if isinstance(value, str):
            value = value.splitlines()
        if not isinstance(value, list):
            raise invalid("lines", "lines must be a list of text lines")
        cleaned = [text(v, field="line", max_length=MAX_ITEM) for v in value]
        cleaned = [c.lstrip("-* ").strip() for c in cleaned if c.strip("-* ")]
        if len(cleaned) > MAX_ITEMS:
            raise invalid("lines", f"at most {MAX_ITEMS} lines per section (got {len(cleaned)})")
        return cleaned
