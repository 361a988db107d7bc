"""What the person may write about an interview round and its debrief."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, field_validator

from careerceo.model.common import (
    InputModel,
    LooseOccupationCode,
    bounded_text,
    day,
    invalid,
    number_in,
    row_id,
    rule,
)
from careerceo.model.interview import OPTIONAL_RATING

MAX_ASKED = 30
ROUND_TYPES = (
    "recruiter_screen",
    "hiring_manager",
    "peer_technical",
    "panel",
    "executive",
    "final",
)
ALIASES = {
    "recruiter": "recruiter_screen",
    "screen": "recruiter_screen",
    "manager": "hiring_manager",
    "technical": "peer_technical",
    "peer": "peer_technical",
    "exec": "executive",
}


def round_type(value: str) -> str | None:
    """The canonical name of a round type a person typed, or None if unknown."""
    word = value.strip().lower().replace("-", "_").replace(" ", "_").replace("/", "_")
    word = ALIASES.get(word, word)
    return word if word in ROUND_TYPES else None


_ID = rule(row_id, label="id")


class RoundIn(InputModel):
    round_type: str
    scheduled_on: Annotated[date | None, rule(day)] = None
    opportunity_id: Annotated[int | None, _ID] = None
    occupation_code: LooseOccupationCode = None
    company: Annotated[str, bounded_text(500, label="company or interviewers")] = ""
    interviewers: Annotated[str, bounded_text(500, label="company or interviewers")] = ""
    contact_id: Annotated[int | None, _ID] = None
    notes: Annotated[str, bounded_text(5_000)] = ""

    @field_validator("round_type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> str:
        found = round_type(str(value or ""))
        if found is None:
            names = ", ".join(ROUND_TYPES)
            raise invalid("round_type", f"round_type must be one of {names} (got {value!r})")
        return found


class AskedIn(InputModel):
    """A question actually asked, and how the person thinks their answer went (1-5)."""

    text: Annotated[str, bounded_text(1_000, required=True, label="asked")]
    rating: Annotated[int | None, OPTIONAL_RATING] = None


class DebriefIn(InputModel):
    asked: list[AskedIn] = Field(default_factory=list, max_length=MAX_ASKED)
    went: Annotated[  # overall, 1-5
        int | None, number_in(1, 5, "went must be 1 (badly) to 5 (very well)", optional=True)
    ] = None
    notes: Annotated[str, bounded_text(5_000, label="notes")] = ""
    next_step: Annotated[str, bounded_text(5_000, label="notes")] = ""
    thank_you_sent_on: Annotated[date | None, rule(day)] = None
