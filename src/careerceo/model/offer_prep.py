"""What the person writes before a negotiation: in their own words, never filled in for them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator

from careerceo.model.common import InputModel, bounded_text, invalid, row_id, rule, text

MAX_TERMS = 20
MAX_POINTS = 12


_PROSE = bounded_text(5_000, label="stated_before, walk_away or notes")


class PointIn(InputModel):
    """One thing to negotiate and why the person can ask for it."""

    ask: Annotated[str, bounded_text(500, required=True)]
    why: Annotated[str, bounded_text(1_000)] = ""


class OfferPrepIn(InputModel):
    opportunity_id: Annotated[int | None, rule(row_id)] = None
    company: Annotated[str, bounded_text(200)] = ""
    stated_before: Annotated[str, _PROSE] = ""
    terms: dict[str, str] = Field(default_factory=dict)
    points: list[PointIn] = Field(default_factory=list, max_length=MAX_POINTS)
    walk_away: Annotated[str, _PROSE] = ""
    notes: Annotated[str, _PROSE] = ""

    @field_validator("points", mode="before")
    @classmethod
    def _points(cls, value: Any) -> Any:
        if value is None or value == "":
            return []
        if isinstance(value, list) and len(value) > MAX_POINTS:
            raise invalid(
                "points",
                f"at most {MAX_POINTS} points to negotiate, not {len(value)}: keep the ones "
                "that matter most (a long list weakens every ask)",
            )
        return value

    @field_validator("terms", mode="before")
    @classmethod
    def _terms(cls, value: Any) -> dict[str, str]:
        if value is None or value == "":
            return {}
        if not isinstance(value, dict):
            raise invalid("terms", "terms must be an object of name: value (base: 95,000)")
        if len(value) > MAX_TERMS:
            raise invalid("terms", f"at most {MAX_TERMS} terms")
        out: dict[str, str] = {}
        for key, term in value.items():
            name = text(key, field="term name", max_length=100, required=True)
            out[name] = text(term, field=f"term {name}", max_length=500, required=True)
        return out
