"""What the person may write about an interview round and its debrief."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import Field, field_validator

from careerceo.model.common import (
    InputModel,
    bounded_text,
    invalid,
    month_or_date,
    occupation_code,
    whole_number,
)
from careerceo.model.interview import RATING_MAX, RATING_MESSAGE, RATING_MIN

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


def _row_id(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    return whole_number(value, low=1, high=2**31 - 1, message=f"{field} must be a row id")


def _day(value: Any, field: str) -> date | None:
    if isinstance(value, str) and len(value.strip()) == 7:
        raise invalid("date", f"{field} must be a day written YYYY-MM-DD (got {value!r})")
    return month_or_date(value, field=field)


class RoundIn(InputModel):
    round_type: str
    scheduled_on: date | None = None
    opportunity_id: int | None = None
    occupation_code: str | None = None
    company: Annotated[str, bounded_text(500, label="company or interviewers")] = ""
    interviewers: Annotated[str, bounded_text(500, label="company or interviewers")] = ""
    contact_id: int | None = None
    notes: Annotated[str, bounded_text(5_000)] = ""

    @field_validator("round_type", mode="before")
    @classmethod
    def _type(cls, value: Any) -> str:
        found = round_type(str(value or ""))
        if found is None:
            names = ", ".join(ROUND_TYPES)
            raise invalid("round_type", f"round_type must be one of {names} (got {value!r})")
        return found

    @field_validator("scheduled_on", mode="before")
    @classmethod
    def _on(cls, value: Any) -> date | None:
        return _day(value, "scheduled_on")

    @field_validator("opportunity_id", "contact_id", mode="before")
    @classmethod
    def _ids(cls, value: Any) -> int | None:
        return _row_id(value, "id")

    @field_validator("occupation_code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str | None:
        if isinstance(value, str) and len(value.strip()) == 7:
            value = f"{value.strip()}.00"
        return occupation_code(value)


class AskedIn(InputModel):
    """A question actually asked, and how the person thinks their answer went (1-5)."""

    text: Annotated[str, bounded_text(1_000, required=True, label="asked")]
    rating: int | None = None

    @field_validator("rating", mode="before")
    @classmethod
    def _rating(cls, value: Any) -> int | None:
        if value is None or value == "":
            return None
        return whole_number(value, low=RATING_MIN, high=RATING_MAX, message=RATING_MESSAGE)


class DebriefIn(InputModel):
    asked: list[AskedIn] = Field(default_factory=list, max_length=MAX_ASKED)
    went: int | None = None  # overall, 1-5
    notes: Annotated[str, bounded_text(5_000, label="notes")] = ""
    next_step: Annotated[str, bounded_text(5_000, label="notes")] = ""
    thank_you_sent_on: date | None = None

    @field_validator("went", mode="before")
    @classmethod
    def _went(cls, value: Any) -> int | None:
        if value is None or value == "":
            return None
        return whole_number(value, low=1, high=5, message="went must be 1 (badly) to 5 (very well)")

    @field_validator("thank_you_sent_on", mode="before")
    @classmethod
    def _sent(cls, value: Any) -> date | None:
        return _day(value, "thank_you_sent_on")
