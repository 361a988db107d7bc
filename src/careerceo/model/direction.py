"""What the person may write about their direction: vision, goals, milestones, reviews, signals.

Validation lives here so the CLI, the web form and the API refuse the same things with the
same words. Checks that need the clock or the database (a due date in the past, a goal that
does not exist) are made by the service, which knows ``today`` and the person.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from careerceo.errors import CareerError
from careerceo.model.common import invalid, storable
from careerceo.model.months import is_month

Horizon = Literal["1y", "2y", "long"]


class GoalStatus(StrEnum):
    """A goal's state; the values are what the ``goal.status`` column stores."""

    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class MilestoneStatus(StrEnum):
    """A milestone's state; the values are what the ``milestone.status`` column stores."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


PROGRESS_DONE = 100  # a milestone reported at 100% (or "done") is complete
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # iCalendar BYDAY names
HORIZONS: dict[str, str] = {"1y": "1 year", "2y": "2 years", "long": "long term"}
ONET_CODE = re.compile(r"^(\d{2})-?(\d{4})(?:\.(\d{2}))?$")
RATING_MIN, RATING_MAX = 0, 5

Text300 = Annotated[str, Field(min_length=1, max_length=300)]


def read_progress(text: str) -> int | None:
    """Milestone progress as a person types it: ``done`` is 100, ``40`` or ``40%`` is 40;
    ``None`` when it is neither (each shell says so in its own way, the range is checked by
    ``ReviewIn``)."""
    word = text.strip().lower().rstrip("%").strip()
    if word == "done":
        return PROGRESS_DONE
    return int(word) if word.lstrip("-").isdigit() else None


def parse_goal_status(text: str) -> GoalStatus:
    """A goal status typed by a person (CLI option, web button)."""
    try:
        return GoalStatus(text.strip().lower())
    except ValueError:
        raise CareerError("status must be active, done or dropped", field="status") from None


def review_weekday(text: str) -> str:
    """The weekday the monthly review recurs on, as iCalendar names it (``MO``..``SU``);
    ``Monday`` or ``mo`` are read as ``MO``."""
    day = text.strip().upper()[:2]
    if day not in WEEKDAYS:
        raise CareerError(f"weekday {text!r} must be one of {' '.join(WEEKDAYS)}", field="weekday")
    return day


def review_day(day: int) -> int:
    """A day of the month that exists in every month, for a review on a fixed date."""
    if not 1 <= day <= 28:
        raise CareerError("review day must be 1-28 (so that it exists in every month)", field="day")
    return day


def _nul_field(value: Any, where: str) -> str | None:
    """The first place a NUL byte hides in the input (PostgreSQL cannot store one)."""
    if isinstance(value, str):
        return where if "\x00" in value or not storable(value) else None
    if isinstance(value, dict):
        items: list[tuple[str, Any]] = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, list | tuple):
        items = [(str(i), v) for i, v in enumerate(value)]
    else:
        return None
    for key, item in items:
        found = _nul_field(item, f"{where}.{key}" if where else key)
        if found:
            return found
    return None


def _month(value: str) -> str:
    if not is_month(value):
        raise invalid("month", f"{value!r} is not a month; write it as YYYY-MM, e.g. 2026-11")
    return value


# A month written YYYY-MM (a review's key), checked after pydantic has made it a string.
Month = Annotated[str, AfterValidator(_month)]


class _Strict(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        where = _nul_field(value, str(info.field_name))
        if where:
            raise PydanticCustomError(
                "binary",
                "{where} contains a NUL byte or an unpaired surrogate; type or paste plain text",
                {"where": where},
            )
        return value


class VisionIn(_Strict):
    text: str = Field(min_length=1, max_length=10_000)


def _check_code(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    match = ONET_CODE.match(value)
    if not match:
        raise invalid(
            "onet_code",
            f"{value!r} is not an O*NET-SOC code; write it like 15-1252.00 (see /occupations)",
        )
    return f"{match[1]}-{match[2]}.{match[3] or '00'}"


class GoalIn(_Strict):
    title: Text300
    horizon: Horizon = "1y"
    target_role: str = Field(default="", max_length=200)
    occupation_code: str | None = None
    why: str = Field(default="", max_length=5000)

    _code = field_validator("occupation_code")(_check_code)


class GoalPatch(_Strict):
    title: Text300 | None = None
    horizon: Horizon | None = None
    target_role: str | None = Field(default=None, max_length=200)
    occupation_code: str | None = None
    why: str | None = Field(default=None, max_length=5000)
    status: GoalStatus | None = None

    _code = field_validator("occupation_code")(_check_code)


class MilestoneIn(_Strict):
    title: Text300
    measure: str = Field(default="", max_length=300)
    due_date: date | None = None

    @field_validator("due_date", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise PydanticCustomError(
                    "date", f"{text!r} is not a date; write it as YYYY-MM-DD"
                ) from None
        return value


class ActivityIn(_Strict):
    name: Text300
    share: int = Field(ge=0, le=100, description="rough percent of the month")
    goal_id: int | None = None


class ReviewIn(_Strict):
    """One month's review. Ratings are 0 (did not move the goal) to 5 (moved it a lot);
    milestone progress is where the milestone stands now, 0-100 percent, 100 = done."""

    month: Month
    activities: list[ActivityIn] = Field(default_factory=list, max_length=30)
    new_skills: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=30
    )
    wins: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list, max_length=30
    )
    ratings: dict[int, int] = Field(default_factory=dict)
    milestones: dict[int, int] = Field(default_factory=dict)
    notes: str = Field(default="", max_length=10_000)

    @field_validator("ratings")
    @classmethod
    def _ratings(cls, value: dict[int, int]) -> dict[int, int]:
        for goal_id, rating in value.items():
            if not RATING_MIN <= rating <= RATING_MAX:
                raise invalid(
                    "rating",
                    f"rating for goal {goal_id} is {rating}; use {RATING_MIN} (not at all) "
                    f"to {RATING_MAX} (a lot)",
                )
        return value

    @field_validator("milestones")
    @classmethod
    def _progress(cls, value: dict[int, int]) -> dict[int, int]:
        for milestone_id, pct in value.items():
            if not 0 <= pct <= 100:
                raise invalid(
                    "progress",
                    f"progress for milestone {milestone_id} is {pct}; use 0-100 percent or done",
                )
        return value

    @field_validator("new_skills")
    @classmethod
    def _skills(cls, value: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for skill in value:
            seen.setdefault(skill.casefold(), skill)
        return list(seen.values())

    @field_validator("activities")
    @classmethod
    def _shares(cls, value: list[ActivityIn]) -> list[ActivityIn]:
        # checked on the field, so the refusal names "activities" rather than the whole input
        total = sum(a.share for a in value)
        if total > 100:
            raise invalid(
                "shares",
                f"activity shares add up to {total}%; they are rough shares of one month and "
                "must add up to 100% or less",
            )
        return value


class StoredActivity(_Strict):
    name: Text300
    share: int = Field(ge=0, le=100)
    goal: str | None = Field(default=None, max_length=64)  # the goal's uid


class StoredReview(_Strict):
    """A review row as stored (and as a backup holds it): ``details`` keyed by uids.

    A restored backup must obey the same rules as the review form, or one hand-edited file
    (details as a string, month "hello!!") breaks the review pages for good.
    """

    month: Month
    notes: str = Field(default="", max_length=10_000)
    activities: list[StoredActivity] = Field(default_factory=list, max_length=30)
    new_skills: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=30
    )
    wins: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list, max_length=30
    )
    ratings: dict[str, Annotated[int, Field(ge=0, le=5)]] = Field(default_factory=dict)
    milestones: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)
    breakdown: dict[str, Any] = Field(default_factory=dict)


class GoalState(_Strict):
    status: GoalStatus = GoalStatus.ACTIVE


class MilestoneState(_Strict):
    status: Literal["open", "done", "dropped"] = "open"


class SignalsIn(_Strict):
    answers: dict[str, int]
    taken_on: date | None = None
