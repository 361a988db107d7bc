"""What the person writes before a negotiation: in their own words, never filled in for them."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from careerceo.model.common import InputModel, invalid, text, whole_number

MAX_TERMS = 20
MAX_POINTS = 12


class PointIn(InputModel):
    """One thing to negotiate and why the person can ask for it."""

    ask: str
    why: str = ""

    @field_validator("ask", mode="before")
    @classmethod
    def _ask(cls, value: Any) -> str:
        return text(value, field="ask", max_length=500, required=True)

    @field_validator("why", mode="before")
    @classmethod
    def _why(cls, value: Any) -> str:
        return text(value, field="why", max_length=1_000)


class OfferPrepIn(InputModel):
    opportunity_id: int | None = None
    company: str = ""
    stated_before: str = ""
    terms: dict[str, str] = Field(default_factory=dict)
    points: list[PointIn] = Field(default_factory=list, max_length=MAX_POINTS)
    walk_away: str = ""
    notes: str = ""

    @field_validator("opportunity_id", mode="before")
    @classmethod
    def _opp(cls, value: Any) -> int | None:
        if value is None or value == "":
            return None
        return whole_number(value, low=1, high=2**31 - 1, message="opportunity_id must be a row id")

    @field_validator("company", mode="before")
    @classmethod
    def _company(cls, value: Any) -> str:
        return text(value, field="company", max_length=200)

    @field_validator("stated_before", "walk_away", "notes", mode="before")
    @classmethod
    def _long(cls, value: Any) -> str:
        return text(value, field="stated_before, walk_away or notes", max_length=5_000)

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
